/**
 * Reading values out of synthesized Terraform JSON, the one definition every analysis shares.
 *
 * A nested block comes in two shapes (an object in `cdk.tf.json`, a one-element list in plan
 * JSON), and a value may be unresolved: a Terraform expression (`${…}`, `%{…}`), known only at
 * plan or apply time, or a non-JSON object a caller put in place of a value it cannot show (the
 * plan review's sensitive, unknown and reference markers). Readers keep unresolved values apart
 * from literals, so a rule can answer `unknown` instead of passing.
 */

/**
 * A Terraform expression or template directive (`${…}`, `%{…}`) somewhere in a string: its value
 * is only known at plan time. Terraform's escapes `$${` and `%%{` are literal text, not expressions.
 */
export function isExpression(value: unknown): boolean {
  if (typeof value !== 'string' || (!value.includes('${') && !value.includes('%{'))) return false;
  return /(^|[^$])\$\{/.test(value) || /(^|[^%])%\{/.test(value);
}

/**
 * An object JSON.parse cannot produce (a class instance): a caller's marker for a value not shown
 * here. Plain objects of any realm (structuredClone, a test VM) have an `Object.prototype` whose
 * own prototype is null; a class instance has one more link.
 */
function isMarker(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto !== null && Object.getPrototypeOf(proto) !== null;
}

/** A value known only at plan or apply time: an expression, or a caller's marker object. */
export function isUnresolved(value: unknown): boolean {
  return isExpression(value) || isMarker(value);
}

/** How an unresolved value is named in messages: the expression itself, or a marker's `expr`. */
export function unresolvedText(value: unknown): string {
  if (typeof value === 'string') return value;
  const expr = (value as { expr?: unknown } | null)?.expr;
  return typeof expr === 'string' ? expr : '(known only at apply)';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isMarker(value);
}

/** A single-item nested block is an object in cdk.tf.json and a one-element list in plan JSON. */
export function block(value: unknown): Record<string, unknown> | undefined {
  if (Array.isArray(value)) return value.length > 0 && isPlainObject(value[0]) ? value[0] : undefined;
  return isPlainObject(value) ? value : undefined;
}

/** A repeated nested block as a list, whichever shape it came in. */
export function blocks(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.filter(isPlainObject);
  return isPlainObject(value) ? [value] : [];
}

/** Every entry of a repeated attribute, whatever each one is (a block, a reference, a marker). */
export function entries(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

/** A literal string (numbers as their text), or undefined (absent, another type, or unresolved). */
export function literal(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && !isUnresolved(value) ? value : undefined;
}

/** A boolean attribute: true, false, absent, or unresolved. Accepts the strings "true"/"false". */
export function boolOf(value: unknown): boolean | 'unresolved' | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  if (isUnresolved(value)) return 'unresolved';
  return undefined;
}

/** A list of strings (numbers as their text): `unresolved` when the list or an element is. */
export function stringList(value: unknown): { readonly items: readonly string[]; readonly unresolved: boolean } {
  if (value === undefined || value === null) return { items: [], unresolved: false };
  if (isUnresolved(value)) return { items: [], unresolved: true };
  const list = Array.isArray(value) ? value : [value];
  const items: string[] = [];
  let unresolved = false;
  for (const v of list) {
    if (typeof v === 'string' && !isUnresolved(v)) items.push(v);
    else if (typeof v === 'number') items.push(String(v));
    else unresolved = true;
  }
  return { items, unresolved };
}

/** A string map (labels, quota `hard`): undefined when absent, `unresolved` when a reference. */
export function stringMap(value: unknown): Record<string, unknown> | 'unresolved' | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnresolved(value)) return 'unresolved';
  return block(value) ?? undefined;
}

/** The first of several spellings of a key that is set (camelCase in manifests, snake_case in typed resources). */
export function pick(obj: Readonly<Record<string, unknown>> | undefined, ...keys: string[]): unknown {
  if (!obj) return undefined;
  for (const k of keys) if (obj[k] !== undefined && obj[k] !== null) return obj[k];
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Paths and typed reads.

/** What a path in a body holds. */
export type Read = { readonly kind: 'absent' } | { readonly kind: 'unresolved'; readonly expression: string } | { readonly kind: 'value'; readonly value: unknown };

export type PathSegment = string | number;

/**
 * `spec.hard["services.loadbalancers"]` or `rule[0].verbs` → segments. Keys containing dots or
 * slashes are written in brackets with double quotes.
 */
export function parsePath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(m[3].replace(/\\(.)/g, '$1'));
  }
  return out;
}

/** Segments → the string form `parsePath` reads. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

const ABSENT = Symbol('absent');

/** One step down a body: a string segment applied to a list reads the list's single block (plan shape). */
function step(cur: unknown, seg: PathSegment): unknown {
  if (typeof seg === 'number') return Array.isArray(cur) ? cur[seg] : ABSENT;
  const obj = Array.isArray(cur) ? block(cur) : isPlainObject(cur) ? cur : undefined;
  return obj && Object.prototype.hasOwnProperty.call(obj, seg) ? obj[seg] : ABSENT;
}

/** Reads a path; an unresolved value met on the way makes the whole read unresolved. */
export function read(body: unknown, path: string | readonly PathSegment[]): Read {
  const segments = typeof path === 'string' ? parsePath(path) : path;
  let cur: unknown = body;
  for (const seg of segments) {
    if (isUnresolved(cur)) return { kind: 'unresolved', expression: unresolvedText(cur) };
    if (cur === null || cur === undefined) return { kind: 'absent' };
    cur = step(cur, seg);
    if (cur === ABSENT) return { kind: 'absent' };
  }
  if (cur === null || cur === undefined) return { kind: 'absent' };
  if (isUnresolved(cur)) return { kind: 'unresolved', expression: unresolvedText(cur) };
  return { kind: 'value', value: cur };
}

/** The value at a path as written (a reference or marker included); undefined when absent or below an unresolved value. */
export function valueAt(body: unknown, ...path: PathSegment[]): unknown {
  let cur: unknown = body;
  for (const seg of path) {
    if (cur === null || cur === undefined || isUnresolved(cur)) return undefined;
    cur = step(cur, seg);
    if (cur === ABSENT) return undefined;
  }
  return cur;
}

export type Typed<T> = { readonly kind: 'absent' } | { readonly kind: 'unresolved'; readonly expression: string } | { readonly kind: 'invalid'; readonly value: unknown } | { readonly kind: 'value'; readonly value: T };

/** A boolean attribute: `true`/`false`, or the strings Terraform also accepts. */
export function readBool(body: unknown, path: string | readonly PathSegment[]): Typed<boolean> {
  const r = read(body, path);
  if (r.kind !== 'value') return r;
  if (typeof r.value === 'boolean') return { kind: 'value', value: r.value };
  if (r.value === 'true' || r.value === 'false') return { kind: 'value', value: r.value === 'true' };
  return { kind: 'invalid', value: r.value };
}

/** A number, or a numeric string as Terraform converts it; undefined for anything else. */
export function numberValue(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

/** A number attribute (numbers or numeric strings). */
export function readNumber(body: unknown, path: string | readonly PathSegment[]): Typed<number> {
  const r = read(body, path);
  if (r.kind !== 'value') return r;
  const n = numberValue(r.value);
  return n === undefined ? { kind: 'invalid', value: r.value } : { kind: 'value', value: n };
}

/** A string attribute (numbers and booleans as their text, as Terraform converts them). */
export function readString(body: unknown, path: string | readonly PathSegment[]): Typed<string> {
  const r = read(body, path);
  if (r.kind !== 'value') return r;
  if (typeof r.value === 'string') return { kind: 'value', value: r.value };
  if (typeof r.value === 'number' || typeof r.value === 'boolean') return { kind: 'value', value: String(r.value) };
  return { kind: 'invalid', value: r.value };
}

/** A list of strings; an element that is unresolved makes the whole list unresolved. */
export function readStringList(body: unknown, path: string | readonly PathSegment[]): Typed<string[]> {
  const r = read(body, path);
  if (r.kind !== 'value') return r;
  if (!Array.isArray(r.value)) return { kind: 'invalid', value: r.value };
  const out: string[] = [];
  for (const v of r.value) {
    if (isUnresolved(v)) return { kind: 'unresolved', expression: unresolvedText(v) };
    if (typeof v !== 'string') return { kind: 'invalid', value: r.value };
    out.push(v);
  }
  return { kind: 'value', value: out };
}

/** Go/Vault duration (`720h`, `1h30m`, `90s`), or a number of seconds → seconds; undefined when unreadable. */
export function durationSeconds(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h|d))+$/.test(text)) return undefined;
  const unit: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600, d: 86400 };
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d)/g)) total += Number(m[1]) * unit[m[2]!]!;
  return total;
}
