/**
 * Masked value trees and attribute diffs.
 *
 * A plan's `before`/`after` values are turned into trees where every leaf marked sensitive (in
 * `before_sensitive` OR `after_sensitive`: the union, so a value sensitive on one side is masked
 * on both) is replaced by a `Masked` marker, and every leaf marked in `after_unknown` by `UNKNOWN`.
 * Config diffs replace `${…}` expressions by `RefValue`. Rules and renderers only ever see these
 * trees, so a secret cannot reach a report.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isExpression } from '../synthesized/values';
import type { AttrDiff, AttrValue } from './model';

/** A sensitive leaf. `fingerprint` (salted per process, never rendered) only tells whether it changed. */
export class Masked {
  readonly marker = 'sensitive' as const;
  constructor(readonly fingerprint: string) {}
}

export class UnknownValue {
  readonly marker = 'unknown' as const;
  private constructor() {}
  static readonly INSTANCE = new UnknownValue();
}

export const UNKNOWN = UnknownValue.INSTANCE;

/** A Terraform expression in synthesized JSON (`${vault_mount.kv.path}`): known only at plan time. */
export class RefValue {
  readonly marker = 'ref' as const;
  constructor(readonly expr: string) {}
}

export type Marker = Masked | UnknownValue | RefValue;

export function isMarker(v: unknown): v is Marker {
  return v instanceof Masked || v instanceof UnknownValue || v instanceof RefValue;
}

/** Nesting deeper than this is masked whole: no real provider schema comes close. */
export const MAX_DEPTH = 64;

const SALT = randomBytes(16);

function fingerprint(raw: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(raw) ?? 'undefined';
  } catch {
    text = String(raw);
  }
  return createHash('sha256').update(SALT).update(text).digest('base64');
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isMarker(v);
}

function child(marks: unknown, key: string | number): unknown {
  if (marks === null || typeof marks !== 'object') return undefined;
  if (Array.isArray(marks)) return typeof key === 'number' ? marks[key] : undefined;
  return typeof key === 'string' ? (marks as Record<string, unknown>)[key] : undefined;
}

/**
 * Whether a marks structure (`after_unknown`, …) holds `true` anywhere. The loops here and below
 * walk keys with for…in (JSON.parse objects have only own, enumerable keys, in Object.keys order)
 * rather than allocate an array of entries per object: a large plan has hundreds of thousands.
 */
function anyTrue(marks: unknown, depth = 0): boolean {
  if (marks === true) return true;
  if (depth > MAX_DEPTH || marks === null || typeof marks !== 'object') return false;
  if (Array.isArray(marks)) {
    for (let i = 0; i < marks.length; i++) if (anyTrue(marks[i], depth + 1)) return true;
    return false;
  }
  for (const k in marks) if (anyTrue((marks as Record<string, unknown>)[k], depth + 1)) return true;
  return false;
}

/**
 * Masks a plan value: `sensA`/`sensB` are the before/after sensitivity structures (either one
 * marking a path masks it), `unknown` the `after_unknown` structure (pass undefined for `before`).
 * Shapes that disagree with the value are read defensively: a `true` anywhere above a leaf masks it.
 */
export function maskValue(value: unknown, sensA: unknown, sensB: unknown, unknown: unknown, depth = 0): unknown {
  if (sensA === true || sensB === true) return new Masked(fingerprint(value));
  if (depth > MAX_DEPTH) return new Masked(fingerprint(value));
  if (unknown === true) return UNKNOWN;
  // Nothing marked below: the value is shared, not copied (most of a big plan).
  if (!anyTrue(sensA) && !anyTrue(sensB) && !anyTrue(unknown)) return value;
  if (Array.isArray(value)) {
    const n = Math.max(value.length, Array.isArray(unknown) ? unknown.length : 0);
    const out: unknown[] = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = maskValue(value[i], child(sensA, i), child(sensB, i), child(unknown, i), depth + 1);
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    const obj = value as Record<string, unknown>;
    for (const k in obj) out[k] = maskValue(obj[k], child(sensA, k), child(sensB, k), child(unknown, k), depth + 1);
    if (unknown !== null && typeof unknown === 'object' && !Array.isArray(unknown)) {
      const marks = unknown as Record<string, unknown>;
      for (const k in marks) {
        const u = marks[k];
        if (!(k in out) && anyTrue(u)) out[k] = maskValue(undefined, child(sensA, k), child(sensB, k), u, depth + 1);
      }
    }
    return out;
  }
  if ((value === null || value === undefined) && unknown !== null && typeof unknown === 'object' && anyTrue(unknown)) {
    return maskValue(Array.isArray(unknown) ? [] : {}, sensA, sensB, unknown, depth);
  }
  return value;
}

/** Turns a synthesized body into a tree: `${…}` strings become references. */
export function refTree(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return isExpression(value) ? new RefValue(value) : value;
  if (depth > MAX_DEPTH) return UNKNOWN;
  if (Array.isArray(value)) return value.map((v) => refTree(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = refTree(v, depth + 1);
    return out;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Paths

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function appendKey(prefix: string, key: string): string {
  if (IDENT.test(key)) return prefix ? `${prefix}.${key}` : key;
  return `${prefix}[${JSON.stringify(key)}]`;
}

export function appendIndex(prefix: string, i: number): string {
  return `${prefix}[${i}]`;
}

/** A `replace_paths` entry (`["metadata", 0, "name"]`) in the attribute-path syntax. */
export function formatPath(steps: readonly unknown[]): string {
  let p = '';
  for (const s of steps) p = typeof s === 'number' ? appendIndex(p, s) : appendKey(p, String(s));
  return p;
}

/**
 * A `replace_paths` entry, cut at the first step the sensitivity marks cover: the sensitive
 * attribute is named, the map keys or indexes under it (which could be secret) are not.
 */
export function safeReplacePath(steps: readonly unknown[], sensA: unknown, sensB: unknown): string {
  let a = sensA;
  let b = sensB;
  const kept: unknown[] = [];
  for (const step of steps) {
    if (a === true || b === true) break;
    kept.push(step);
    const key = typeof step === 'number' ? step : String(step);
    a = child(a, key);
    b = child(b, key);
  }
  return formatPath(kept);
}

/** Whether `path` is `prefix` or lies under it (or `prefix` lies under `path`). */
export function pathsOverlap(path: string, prefix: string): boolean {
  if (path === prefix) return true;
  const under = (a: string, b: string) => a.startsWith(b) && (a[b.length] === '.' || a[b.length] === '[');
  return under(path, prefix) || under(prefix, path);
}

// ---------------------------------------------------------------------------------------------
// Flattening and diffs

function isScalar(v: unknown): boolean {
  return v === null || (typeof v !== 'object' && typeof v !== 'function');
}

/** Leaves of a tree by path: scalars, markers, lists of scalars, and empty containers. */
export function flatten(tree: unknown, prefix = '', out = new Map<string, unknown>(), depth = 0): Map<string, unknown> {
  if (tree === undefined) return out;
  if (isMarker(tree) || isScalar(tree) || depth > MAX_DEPTH) {
    out.set(prefix, depth > MAX_DEPTH && !isMarker(tree) && !isScalar(tree) ? new Masked('') : tree);
    return out;
  }
  if (Array.isArray(tree)) {
    if (tree.every(isScalar)) out.set(prefix, tree);
    else tree.forEach((v, i) => flatten(v, appendIndex(prefix, i), out, depth + 1));
    return out;
  }
  const obj = tree as Record<string, unknown>;
  let empty = true;
  for (const k in obj) {
    empty = false;
    flatten(obj[k], appendKey(prefix, k), out, depth + 1);
  }
  if (empty) out.set(prefix, tree);
  return out;
}

function isNil(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isPlainObject(v) && Object.keys(v).length === 0;
}

export function leafEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Masked && b instanceof Masked) return a.fingerprint === b.fingerprint && a.fingerprint !== '';
  if (a instanceof RefValue && b instanceof RefValue) return a.expr === b.expr;
  if (isMarker(a) || isMarker(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  if (isNil(a) && isNil(b)) return true;
  return false;
}

/** A tree as plain JSON for display: nested markers become `(sensitive)`, `(known after apply)` or the expression. */
export function plain(v: unknown, depth = 0): unknown {
  if (v instanceof Masked) return '(sensitive)';
  if (v instanceof UnknownValue) return '(known after apply)';
  if (v instanceof RefValue) return v.expr;
  if (v === null || typeof v !== 'object') return v;
  if (depth > MAX_DEPTH) return '(sensitive)';
  if (Array.isArray(v)) return v.every(isScalar) ? v : v.map((x) => plain(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = plain(x, depth + 1);
  return out;
}

const ABSENT: AttrValue = Object.freeze({ kind: 'absent' });
const SENSITIVE: AttrValue = Object.freeze({ kind: 'sensitive' });
const UNKNOWN_AFTER: AttrValue = Object.freeze({ kind: 'unknown' });

export function toAttrValue(v: unknown): AttrValue {
  if (v === undefined) return ABSENT;
  if (v instanceof Masked) return SENSITIVE;
  if (v instanceof UnknownValue) return UNKNOWN_AFTER;
  if (v instanceof RefValue) return { kind: 'ref', expr: v.expr };
  return { kind: 'value', value: plain(v) };
}

/** Rows kept per resource; a bigger resource notes how many rows were left out. */
export const MAX_ATTR_ROWS = 200;

export interface DiffResult {
  readonly attrs: AttrDiff[];
  readonly omitted: number;
}

function isContainer(v: unknown): v is Record<string, unknown> | unknown[] {
  return typeof v === 'object' && v !== null && !isMarker(v) && !(Array.isArray(v) && v.every(isScalar)) && !(isPlainObject(v) && Object.keys(v).length === 0);
}

/**
 * Attribute rows between two trees: created leaves, removed leaves and changed leaves; null,
 * absent and empty are the same thing. `forces` marks rows under a forcing path. Both trees are
 * walked together, so identical subtrees cost no path strings.
 */
export function diffTrees(before: unknown, after: unknown, forces: readonly string[] = []): DiffResult {
  const attrs: AttrDiff[] = [];
  let omitted = 0;
  const emit = (path: string, bv: unknown, av: unknown) => {
    if (isNil(bv) && isNil(av)) return;
    if (leafEqual(bv, av)) return;
    if (attrs.length >= MAX_ATTR_ROWS) {
      omitted++;
      return;
    }
    const forcesReplacement = forces.length > 0 && forces.some((f) => pathsOverlap(path, f));
    attrs.push({ path, before: toAttrValue(isNil(bv) && !isMarker(bv) ? undefined : bv), after: toAttrValue(isNil(av) && !isMarker(av) ? undefined : av), ...(forcesReplacement ? { forcesReplacement } : {}) });
  };
  const walk = (b: unknown, a: unknown, path: string, depth: number) => {
    if (b === a) return;
    const bc = isContainer(b);
    const ac = isContainer(a);
    if (depth <= MAX_DEPTH && bc && ac && Array.isArray(b) === Array.isArray(a)) {
      // Equal children are skipped before their path is built: most of an update is unchanged.
      if (Array.isArray(b) && Array.isArray(a)) {
        for (let i = 0; i < Math.max(b.length, a.length); i++) if (b[i] !== a[i]) walk(b[i], a[i], appendIndex(path, i), depth + 1);
      } else {
        const bo = b as Record<string, unknown>;
        const ao = a as Record<string, unknown>;
        for (const k in ao) if (bo[k] !== ao[k]) walk(bo[k], ao[k], appendKey(path, k), depth + 1);
        for (const k in bo) if (!(k in ao) && bo[k] !== undefined) walk(bo[k], undefined, appendKey(path, k), depth + 1);
      }
      return;
    }
    if (!bc && !ac) {
      emit(path, b, a);
      return;
    }
    // Shapes differ (or one side is absent): compare their leaves.
    const fb = flatten(b, path, new Map(), depth);
    const fa = flatten(a, path, new Map(), depth);
    for (const [p, av] of fa) emit(p, fb.get(p), av);
    for (const [p, bv] of fb) if (!fa.has(p)) emit(p, bv, undefined);
  };
  walk(before, after, '', 0);
  return { attrs, omitted };
}

/** Canonical JSON of a tree for set comparisons (markers by kind). */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (x instanceof Masked) return '(sensitive)';
    if (x instanceof UnknownValue) return '(unknown)';
    if (x instanceof RefValue) return x.expr;
    if (isPlainObject(x)) return Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return x;
  });
}
