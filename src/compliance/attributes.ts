/**
 * Reading attribute values out of synthesized resource bodies, for rules. Accepts both shapes a
 * nested block comes in (an object in `cdk.tf.json`, a one-element list in plan JSON) and keeps
 * unresolved Terraform expressions (`${…}`) apart from values, so a rule can answer `unknown`
 * instead of passing.
 */
import { block, resourcesOf, type SynthStack } from '../synthesized';
import type { Outcome, ResourceRef } from './types';

/**
 * A Terraform expression or template directive (`${…}`, `%{…}`) somewhere in a string: its value
 * is only known at plan time. Terraform's escapes `$${` and `%%{` are literal text, not expressions.
 */
export function isExpression(value: unknown): boolean {
  return typeof value === 'string' && (/(^|[^$])\$\{/.test(value) || /(^|[^%])%\{/.test(value));
}

const isUnresolved = isExpression;

export const pass = (): Outcome => ({ status: 'pass' });
export const notApplicable = (): Outcome => ({ status: 'not-applicable' });
export const fail = (message: string, attribute?: string): Outcome => ({ status: 'fail', message, ...(attribute === undefined ? {} : { attribute }) });
export const unknown = (message: string, attribute?: string): Outcome => ({ status: 'unknown', message, ...(attribute === undefined ? {} : { attribute }) });

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

/**
 * Reads a path. A string segment applied to a list reads the list's single block (plan shape);
 * an unresolved expression met on the way makes the whole read unresolved.
 */
export function read(body: unknown, path: string | readonly PathSegment[]): Read {
  const segments = typeof path === 'string' ? parsePath(path) : path;
  let cur: unknown = body;
  for (const seg of segments) {
    if (isUnresolved(cur)) return { kind: 'unresolved', expression: cur as string };
    if (cur === null || cur === undefined) return { kind: 'absent' };
    if (typeof seg === 'number') {
      if (!Array.isArray(cur)) return { kind: 'absent' };
      cur = cur[seg];
    } else {
      const obj = Array.isArray(cur) ? block(cur) : typeof cur === 'object' ? (cur as Record<string, unknown>) : undefined;
      if (!obj || !Object.prototype.hasOwnProperty.call(obj, seg)) return { kind: 'absent' };
      cur = obj[seg];
    }
  }
  if (cur === null || cur === undefined) return { kind: 'absent' };
  if (isUnresolved(cur)) return { kind: 'unresolved', expression: cur as string };
  return { kind: 'value', value: cur };
}

/** True when any string anywhere inside the value is a Terraform expression. */
export function containsUnresolved(value: unknown): boolean {
  if (typeof value === 'string') return isUnresolved(value);
  if (Array.isArray(value)) return value.some(containsUnresolved);
  if (value && typeof value === 'object') return Object.values(value).some(containsUnresolved);
  return false;
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

/** A number attribute (numbers or numeric strings). */
export function readNumber(body: unknown, path: string | readonly PathSegment[]): Typed<number> {
  const r = read(body, path);
  if (r.kind !== 'value') return r;
  if (typeof r.value === 'number' && Number.isFinite(r.value)) return { kind: 'value', value: r.value };
  if (typeof r.value === 'string' && /^-?\d+(\.\d+)?$/.test(r.value.trim())) return { kind: 'value', value: Number(r.value) };
  return { kind: 'invalid', value: r.value };
}

export function readString(body: unknown, path: string | readonly PathSegment[]): Typed<string> {
  const r = read(body, path);
  if (r.kind !== 'value') return r;
  if (typeof r.value === 'string') return { kind: 'value', value: r.value };
  if (typeof r.value === 'number' || typeof r.value === 'boolean') return { kind: 'value', value: String(r.value) };
  return { kind: 'invalid', value: r.value };
}

/** A list of strings; an element that is an expression makes the whole list unresolved. */
export function readStringList(body: unknown, path: string | readonly PathSegment[]): Typed<string[]> {
  const r = read(body, path);
  if (r.kind !== 'value') return r;
  if (!Array.isArray(r.value)) return { kind: 'invalid', value: r.value };
  const out: string[] = [];
  for (const v of r.value) {
    if (isUnresolved(v)) return { kind: 'unresolved', expression: v as string };
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

/** Human form of a number of seconds, for messages. */
export function formatSeconds(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} days`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  return `${seconds} s`;
}

/** `${type.name.attr…}` → the resource it refers to in the same stack, or undefined. */
export function referencedResource(stack: SynthStack, expression: string): { type: string; name: string; body: Record<string, unknown>; rest: PathSegment[] } | undefined {
  const m = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)((?:\.[A-Za-z0-9_-]+|\[\d+\])*)\}$/.exec(expression.trim());
  if (!m) return undefined;
  const body = stack.json.resource?.[m[1]!]?.[m[2]!];
  if (!body) return undefined;
  return { type: m[1]!, name: m[2]!, body, rest: parsePath(m[3] ?? '') };
}

/**
 * Resolves a simple same-stack reference (`${kubernetes_namespace_v1.ns.metadata[0].name}`) to
 * the literal it points at, following up to a few hops. Anything else stays unresolved.
 */
export function resolveReference(stack: SynthStack, value: unknown, hops = 4): Read {
  if (!isUnresolved(value)) return value === undefined || value === null ? { kind: 'absent' } : { kind: 'value', value };
  let expr = value as string;
  for (let i = 0; i < hops; i++) {
    const ref = referencedResource(stack, expr);
    if (!ref) return { kind: 'unresolved', expression: expr };
    const r = read(ref.body, ref.rest);
    if (r.kind !== 'unresolved') return r;
    expr = r.expression;
  }
  return { kind: 'unresolved', expression: expr };
}

const stackTypeIndex = new WeakMap<SynthStack, Map<string, ResourceRef[]>>();

/** Resources of some types in one stack, from a per-stack index built once (stack rules stay cheap). */
export function stackResources(stack: SynthStack, ...types: string[]): ResourceRef[] {
  let index = stackTypeIndex.get(stack);
  if (!index) {
    index = new Map();
    for (const r of resourcesOf(stack)) {
      const list = index.get(r.type);
      if (list) list.push(r);
      else index.set(r.type, [r]);
    }
    stackTypeIndex.set(stack, index);
  }
  return types.flatMap((t) => index.get(t) ?? []);
}
