/**
 * Reads a landing-zone file (YAML or JSON) into a plain document, refusing what could hurt:
 * oversized files (checked before reading), binary content, alias bombs, duplicate keys and
 * multi-document streams. Every problem carries a path (`(file)` or `line:col`).
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parseAllDocuments, type YAMLError } from 'yaml';
import { ProblemList } from './problems';

/** Landing-zone files are a few kilobytes; anything this large is a mistake or an attack. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Aliases a legitimate file needs are few; the `yaml` default (100) still allows large expansions. */
export const MAX_ALIASES = 50;

export type ParseResult = { readonly ok: true; readonly doc: unknown; readonly text: string } | { readonly ok: false; readonly problems: ProblemList };

function failure(path: string, message: string, hint?: string): ParseResult {
  const problems = new ProblemList();
  problems.error(path, message, hint);
  return { ok: false, problems };
}

/** Decodes bytes as UTF-8 (with or without BOM) or UTF-16 (with BOM); refuses binary and invalid UTF-8. */
export function decodeText(bytes: Buffer): { text: string } | { error: string; hint: string } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le') };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return { text: swapped.toString('utf16le') };
  }
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.includes(0)) return { error: 'is a binary file, not YAML or JSON text', hint: 'give the path of a landing-zone.yaml' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    return { error: 'is not valid UTF-8 text', hint: 'save the file as UTF-8 (or UTF-16 with a byte-order mark)' };
  }
}

function yamlProblem(problems: ProblemList, err: YAMLError): void {
  const pos = err.linePos?.[0];
  const where = pos ? `line ${pos.line}:${pos.col}` : '(file)';
  const firstLine = err.message.split('\n')[0] ?? err.message;
  const message = firstLine.replace(/ at line \d+, column \d+:?$/, '');
  const hint =
    err.code === 'DUPLICATE_KEY'
      ? 'each key may appear once in a mapping'
      : err.code === 'TAB_AS_INDENT'
        ? 'indent with spaces, not tabs'
        : 'check indentation, colons and quotes near this line';
  problems.error(where, message, hint);
}

/** Parses text as JSON (when it looks like JSON or the file ends in .json) or YAML. */
export function parseText(text: string, fileName = ''): ParseResult {
  if (text.trim() === '') return failure('(file)', 'is empty', 'start from examples/minimal/landing-zone.yaml (slz init minimal DIR)');
  const asJson = extname(fileName).toLowerCase() === '.json' || /^\s*[{[]/.test(text);
  if (asJson && extname(fileName).toLowerCase() === '.json') {
    try {
      const doc: unknown = JSON.parse(text);
      return nestingProblem(doc) ?? { ok: true, doc, text };
    } catch (e) {
      // V8 quotes a piece of the text (`Unexpected token 'h', "{"a": hvs.…"... is not valid JSON`);
      // that piece may be a secret, so only the description and the position are kept.
      const msg = (e instanceof Error ? e.message : String(e)).replace(/, (?:\.\.\.)?".*is not valid JSON$/s, '');
      return failure('(file)', `is not valid JSON: ${msg}`, 'check commas, quotes and brackets');
    }
  }
  // YAML 1.2 is a superset of JSON, so JSON-looking text without a .json name parses here too.
  // logLevel 'error': yaml would otherwise print its own warnings (quoting the file's text, which may
  // hold a secret) to the process's stderr, outside the `path: message` contract.
  const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true, strict: true, logLevel: 'error' });
  const list = Array.isArray(docs) ? docs : [];
  if (!Array.isArray(docs)) {
    return failure('(file)', 'is not a YAML document', 'check the file');
  }
  const problems = new ProblemList();
  if (list.length > 1) problems.error(`line ${list[1]!.range[0] ? lineOf(text, list[1]!.range[0]) : 1}`, 'holds more than one YAML document', 'a landing-zone file is one document: remove the extra "---" section');
  for (const d of list) for (const err of d.errors) yamlProblem(problems, err);
  if (problems.items.length > 0) return { ok: false, problems };
  const first = list[0];
  if (!first) return failure('(file)', 'is empty', 'start from examples/minimal/landing-zone.yaml');
  try {
    const doc: unknown = first.toJS({ maxAliasCount: MAX_ALIASES });
    if (doc === null || doc === undefined) return failure('(file)', 'is empty', 'start from examples/minimal/landing-zone.yaml');
    return nestingProblem(doc) ?? { ok: true, doc, text };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/alias/i.test(msg)) return failure('(file)', 'uses too many YAML aliases (a resource-exhaustion pattern)', `at most ${MAX_ALIASES} alias expansions are allowed; write the values out`);
    return failure('(file)', `could not be read as YAML: ${msg.split('\n')[0]}`, 'check the file');
  }
}

/** Deeper than any landing-zone file nests (its schema goes about 8 levels down). */
const MAX_DEPTH = 64;

/**
 * A YAML alias inside the node its anchor names (`&a` … `<<: *a`) makes a value that contains
 * itself, and very deep nesting exhausts the stack of every later walk over the document: both
 * are refused here, once, with a path-free message.
 */
function nestingProblem(doc: unknown): ParseResult | undefined {
  const ancestors = new Set<object>();
  const visit = (value: unknown, depth: number): 'cycle' | 'depth' | undefined => {
    if (value === null || typeof value !== 'object') return undefined;
    if (ancestors.has(value)) return 'cycle';
    if (depth > MAX_DEPTH) return 'depth';
    ancestors.add(value);
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      const found = visit(child, depth + 1);
      if (found) return found;
    }
    ancestors.delete(value);
    return undefined;
  };
  const found = visit(doc, 0);
  if (found === 'cycle') return failure('(file)', 'holds a value that contains itself (a YAML alias inside the node its anchor names)', 'write the value out instead of referring to the node it is in');
  if (found === 'depth') return failure('(file)', `nests deeper than ${MAX_DEPTH} levels`, 'a landing-zone file nests about 8 levels deep: check the indentation and brackets');
  return undefined;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Reads and parses a file, checking size before reading so huge inputs cost nothing. */
export function readLandingZoneFile(path: string): ParseResult {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return failure('(file)', `${path} is a directory`, 'give the path of a landing-zone.yaml file');
    if (!st.isFile()) return failure('(file)', `${path} is not a regular file`, 'give the path of a landing-zone.yaml file');
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return failure('(file)', `${path} does not exist`, 'check the path, or run slz init minimal DIR to start one');
    if (code === 'EACCES') return failure('(file)', `${path} cannot be read (permission denied)`, 'check the file permissions');
    return failure('(file)', `${path} cannot be read (${code ?? 'error'})`, 'check the path');
  }
  if (size > MAX_FILE_BYTES) {
    return failure('(file)', `${path} is ${(size / 1024 / 1024).toFixed(1)} MiB; a landing-zone file is at most ${MAX_FILE_BYTES / 1024 / 1024} MiB`, 'split the estate into several landing zones');
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return failure('(file)', `${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, 'check the path and permissions');
  }
  const decoded = decodeText(bytes);
  if ('error' in decoded) return failure('(file)', `${path} ${decoded.error}`, decoded.hint);
  return parseText(decoded.text, path);
}
