/**
 * From a finding back to the line a person edits: construct path → landing-zone node (the JSON
 * Pointer each stack records in its `"//".slz.sources`) → line and column in the landing-zone file
 * (the `yaml` library's positions). The file is the one `slz synth` recorded in `slz-context.json`,
 * used only while its SHA-256 still matches: lines of an edited file would point at the wrong place.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { readContextFile, type SynthContextFile } from './context';
import { stackMeta } from './stack-graph';

export interface SourceRegion {
  /** JSON Pointer of the node found (an ancestor of the one asked for when that one is absent). */
  readonly pointer: string;
  /** 1-based. */
  readonly startLine: number;
  /** 1-based, in UTF-16 code units (SARIF `utf16CodeUnits`). */
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** The SARIF base id of paths relative to the working directory slz ran in (the repository root in CI), as CodeQL names it. */
export const SRCROOT = '%SRCROOT%';

export interface SourceLocation extends SourceRegion {
  /** The landing-zone file as a report names it: relative to the working directory (base id SRCROOT), or a file URI. */
  readonly uri: string;
  readonly uriBaseId?: typeof SRCROOT;
  /** The file's absolute path (never written to a report: it differs between machines). */
  readonly path: string;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The segments of a JSON Pointer (`/tenants/0/keys` → ['tenants', '0', 'keys']). */
export function pointerSegments(pointer: string): string[] {
  return pointer === '' || pointer === '/' ? [] : pointer.replace(/^\//, '').split('/').map(unescapePointer);
}

/**
 * The line and column of a JSON Pointer's node in a YAML (or JSON) text: the key of a mapping
 * entry, the item of a sequence. When the node is absent (a section left to its default), its
 * deepest present ancestor. Undefined when the text does not parse.
 */
export function locatePointer(text: string, pointer: string, parsed?: ParsedSource): SourceRegion | undefined {
  const src = parsed ?? parseSource(text);
  if (!src) return undefined;
  let node: unknown = src.doc.contents;
  let range: readonly [number, number] | undefined = node && (node as YamlNode).range ? [(node as YamlNode).range![0], (node as YamlNode).range![1]] : undefined;
  const found: string[] = [];
  for (const seg of pointerSegments(pointer)) {
    let next: { node: unknown; range: [number, number] } | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === seg);
      const key = pair?.key as YamlNode | undefined;
      const value = pair?.value as YamlNode | null | undefined;
      if (pair && key?.range) next = { node: value, range: [key.range[0], value?.range ? value.range[1] : key.range[1]] };
    } else if (isSeq(node) && /^(0|[1-9][0-9]*)$/.test(seg)) {
      const item = node.items[Number(seg)] as YamlNode | undefined;
      if (item?.range) next = { node: item, range: [item.range[0], item.range[1]] };
    }
    if (!next) break;
    node = next.node;
    range = next.range;
    found.push(seg);
  }
  if (!range) return undefined;
  const start = src.lines.linePos(range[0]);
  // A block value's range ends after its line break: end on the last character instead.
  let end = range[1];
  while (end > range[0] && /\s/.test(text[end - 1] ?? '')) end--;
  const stop = src.lines.linePos(end);
  return {
    pointer: found.length ? `/${found.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '',
    startLine: start.line,
    startColumn: start.col,
    endLine: stop.line,
    endColumn: stop.col,
  };
}

export interface ParsedSource {
  readonly doc: ReturnType<typeof parseDocument>;
  readonly lines: LineCounter;
}

export function parseSource(text: string): ParsedSource | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, logLevel: 'silent', uniqueKeys: false });
  return doc.errors.length ? undefined : { doc, lines };
}

/** The recorded pointer for a construct path: the stack's entry with the longest matching path (the stack's own at worst). */
export function pointerFor(sources: Readonly<Record<string, string>>, stack: string, constructPath: string): string | undefined {
  const below = constructPath === stack ? '' : constructPath.startsWith(`${stack}/`) ? constructPath.slice(stack.length + 1) : undefined;
  if (below === undefined) return undefined;
  const segments = below === '' ? [] : below.split('/');
  for (let n = segments.length; n >= 0; n--) {
    const key = segments.slice(0, n).join('/');
    if (key in sources) return sources[key];
  }
  return undefined;
}

/**
 * A path as reports name it: relative to the working directory when inside it (GitHub and GitLab
 * read paths relative to the repository root, where CI runs), else a file URI.
 */
export function reportUri(path: string): { uri: string; uriBaseId?: typeof SRCROOT } {
  const abs = resolve(path);
  const rel = relative(process.cwd(), abs);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return { uri: rel.split(sep).join('/'), uriBaseId: SRCROOT };
  return { uri: pathToFileURL(abs).href };
}

/**
 * Locates findings of one synthesized tree in its landing-zone file. Built once per report;
 * reads each stack's sources and the file at most once.
 */
export class SourceLocator {
  private readonly sources = new Map<string, Readonly<Record<string, string>> | null>();
  private readonly parsed: ParsedSource | undefined;

  private constructor(
    private readonly dir: string,
    private readonly text: string,
    readonly file: { readonly uri: string; readonly uriBaseId?: typeof SRCROOT; readonly path: string },
  ) {
    this.parsed = parseSource(text);
  }

  /**
   * The locator of a tree, when its `slz-context.json` names a landing-zone file that still exists
   * with the recorded hash; otherwise undefined (reports then point at the stack JSON).
   */
  static forTree(dir: string, context?: SynthContextFile): SourceLocator | undefined {
    let ctx = context;
    try {
      ctx ??= readContextFile(dir);
    } catch {
      return undefined;
    }
    const source = ctx?.source;
    if (!source) return undefined;
    const file = resolve(dir, source.file);
    if (!existsSync(file)) return undefined;
    const bytes = readFileSync(file);
    if (createHash('sha256').update(bytes).digest('hex') !== source.sha256) return undefined;
    return new SourceLocator(dir, bytes.toString('utf8').replace(/^\uFEFF/, ''), { ...reportUri(file), path: file });
  }

  private sourcesOf(stack: string): Readonly<Record<string, string>> | undefined {
    let s = this.sources.get(stack);
    if (s === undefined) {
      s = null;
      const path = join(this.dir, 'stacks', stack, 'cdk.tf.json');
      if (existsSync(path)) {
        try {
          s = stackMeta({ name: stack, file: path, json: JSON.parse(readFileSync(path, 'utf8')) as never })?.sources ?? null;
        } catch {
          s = null;
        }
      }
      this.sources.set(stack, s);
    }
    return s ?? undefined;
  }

  /** Where a construct of a stack came from in the landing-zone file. */
  locate(stack: string, constructPath: string): SourceLocation | undefined {
    const sources = this.sourcesOf(stack);
    const pointer = sources ? pointerFor(sources, stack, constructPath) : undefined;
    return pointer === undefined ? undefined : this.at(pointer);
  }

  /** A node of the landing-zone file by JSON Pointer (e.g. `/exemptions/0/expires`). */
  at(pointer: string): SourceLocation | undefined {
    const region = this.parsed ? locatePointer(this.text, pointer, this.parsed) : undefined;
    return region ? { ...this.file, ...region } : undefined;
  }
}
