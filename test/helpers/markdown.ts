/** The project's Markdown files, their code blocks and their links, read with a CommonMark parser (markdown-it). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;

const md = new MarkdownIt();

/** Folders that hold no documentation of this project. */
const SKIP = new Set(['node_modules', 'dist', 'cdktf.out', '.git', 'coverage', 'fixtures']);

/** Every Markdown file under `root` (relative paths, sorted), outside build output and test fixtures. */
export function markdownFiles(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name) && !entry.name.startsWith('.slz-tmp')) out.push(...markdownFiles(root, join(dir, entry.name)));
    } else if (entry.name.endsWith('.md')) {
      out.push(relative(root, join(dir, entry.name)));
    }
  }
  return out.sort();
}

export interface CodeBlock {
  readonly file: string;
  /** 1-based line of the block's first code line in the file. */
  readonly line: number;
  /** The info string's first word, lower case; '' for an indented block or a fence without one. */
  readonly lang: string;
  readonly code: string;
}

function walk(tokens: readonly Token[], visit: (t: Token) => void): void {
  for (const t of tokens) {
    visit(t);
    if (t.children) walk(t.children, visit);
  }
}

export function codeBlocks(root: string, file: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  walk(md.parse(readFileSync(join(root, file), 'utf8'), {}), (t) => {
    if (t.type !== 'fence' && t.type !== 'code_block') return;
    const lang = t.type === 'fence' ? (t.info.trim().split(/\s+/)[0] ?? '').toLowerCase() : '';
    // map[0] is the fence line (0-based); the code starts on the next line.
    blocks.push({ file, line: (t.map?.[0] ?? 0) + (t.type === 'fence' ? 2 : 1), lang, code: t.content });
  });
  return blocks;
}

/** Link targets (`[text](target)`) of a file, as written. */
export function linkTargets(root: string, file: string): string[] {
  const links: string[] = [];
  walk(md.parse(readFileSync(join(root, file), 'utf8'), {}), (t) => {
    if (t.type === 'link_open') links.push(String(t.attrGet('href') ?? ''));
  });
  return links;
}
