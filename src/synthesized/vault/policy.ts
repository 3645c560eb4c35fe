/**
 * A small, careful reader of Vault ACL policy text: `path "x" { capabilities = [...] }` blocks
 * (HCL) or the equivalent JSON form. Synchronous on purpose (`@cdktf/hcl2json` is async WASM).
 * Anything it does not understand is reported as unreadable so rules answer `unknown`, never pass.
 *
 * The text comes from `cdk.tf.json`, where Terraform would interpolate `${…}`: an unescaped
 * expression makes the policy unknown until plan time; `$${` / `%%{` are Terraform's escapes.
 * The plan review reads policies with it too (`policyGrants`, `policyPathCovers`).
 */

import { isExpression } from '../values';

export const VAULT_CAPABILITIES = ['create', 'read', 'update', 'patch', 'delete', 'list', 'sudo', 'deny', 'subscribe', 'recover'] as const;

export interface PolicyPath {
  readonly path: string;
  readonly capabilities: readonly string[];
}

export type PolicyRead = { readonly ok: true; readonly paths: readonly PolicyPath[] } | { readonly ok: false; readonly unresolved: boolean; readonly reason: string };

/** Legacy `policy = "…"` values and the capabilities they stand for (Vault docs, "Policies"). */
const LEGACY: Readonly<Record<string, readonly string[]>> = {
  deny: ['deny'],
  read: ['read', 'list'],
  write: ['create', 'read', 'update', 'delete', 'list'],
  sudo: ['create', 'read', 'update', 'delete', 'list', 'sudo'],
};

type Token = { readonly t: 'str'; readonly v: string } | { readonly t: 'word'; readonly v: string } | { readonly t: 'punct'; readonly v: string };

class Unreadable extends Error {}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '#' || (ch === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new Unreadable('unterminated /* comment');
      i = end + 2;
    } else if (ch === '"') {
      let v = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Unreadable('unterminated string');
        const c = text[i]!;
        if (c === '\n') throw new Unreadable('newline inside a string');
        if (c === '"') break;
        if (c === '\\') {
          const n = text[i + 1];
          const map: Record<string, string> = { n: '\n', t: '\t', '"': '"', '\\': '\\', r: '\r' };
          if (n === undefined || map[n] === undefined) throw new Unreadable(`unsupported escape \\${n ?? ''}`);
          v += map[n];
          i += 2;
          continue;
        }
        v += c;
        i++;
      }
      i++;
      out.push({ t: 'str', v });
    } else if ('{}[]=,:'.includes(ch)) {
      out.push({ t: 'punct', v: ch });
      i++;
    } else if (ch === '<' && text[i + 1] === '<') {
      throw new Unreadable('heredoc strings are not supported');
    } else if (/[A-Za-z0-9_.-]/.test(ch)) {
      let v = '';
      while (i < text.length && /[A-Za-z0-9_.-]/.test(text[i]!)) v += text[i++];
      out.push({ t: 'word', v });
    } else {
      throw new Unreadable(`unexpected character ${JSON.stringify(ch)}`);
    }
  }
  return out;
}

type Value = string | Value[] | { [k: string]: Value };

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    return this.i >= this.tokens.length;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private next(): Token {
    const t = this.tokens[this.i++];
    if (!t) throw new Unreadable('unexpected end of policy');
    return t;
  }

  private isPunct(v: string): boolean {
    const t = this.peek();
    return t !== undefined && t.t === 'punct' && t.v === v;
  }

  private expectPunct(v: string): void {
    const t = this.next();
    if (t.t !== 'punct' || t.v !== v) throw new Unreadable(`expected "${v}", found ${JSON.stringify(t.v)}`);
  }

  /** `path "x" { … }` (or `path "x" = { … }`) at top level. */
  topItem(): PolicyPath {
    const key = this.next();
    if (key.t !== 'word' || key.v !== 'path') throw new Unreadable(`unsupported top-level item ${JSON.stringify(key.v)} (only path blocks)`);
    const label = this.next();
    if (label.t !== 'str') throw new Unreadable('path needs a quoted path string');
    if (this.isPunct('=')) this.next();
    const body = this.object();
    return toPolicyPath(label.v, body);
  }

  private object(): Record<string, Value> {
    this.expectPunct('{');
    const obj: Record<string, Value> = {};
    while (!this.isPunct('}')) {
      const key = this.next();
      if (key.t === 'punct') throw new Unreadable(`unexpected "${key.v}" in a block`);
      if (this.isPunct('=') || this.isPunct(':')) this.next();
      const value = this.value();
      if (Object.prototype.hasOwnProperty.call(obj, key.v)) throw new Unreadable(`"${key.v}" is set twice in one block`);
      obj[key.v] = value;
      if (this.isPunct(',')) this.next();
    }
    this.expectPunct('}');
    return obj;
  }

  private value(): Value {
    const t = this.peek();
    if (!t) throw new Unreadable('unexpected end of policy');
    if (t.t === 'punct' && t.v === '{') return this.object();
    if (t.t === 'punct' && t.v === '[') {
      this.next();
      const list: Value[] = [];
      while (!this.isPunct(']')) {
        list.push(this.value());
        if (this.isPunct(',')) this.next();
        else if (!this.isPunct(']')) throw new Unreadable('expected "," or "]" in a list');
      }
      this.next();
      return list;
    }
    const v = this.next();
    if (v.t === 'punct') throw new Unreadable(`unexpected "${v.v}"`);
    return v.v;
  }
}

function toPolicyPath(path: string, body: Record<string, Value>): PolicyPath {
  const caps = new Set<string>();
  const c = body['capabilities'];
  if (c !== undefined) {
    if (!Array.isArray(c)) throw new Unreadable(`capabilities of "${path}" is not a list`);
    for (const v of c) {
      if (typeof v !== 'string') throw new Unreadable(`capabilities of "${path}" holds a non-string`);
      if (!(VAULT_CAPABILITIES as readonly string[]).includes(v)) throw new Unreadable(`unknown capability "${v}" on "${path}"`);
      caps.add(v);
    }
  }
  const legacy = body['policy'];
  if (legacy !== undefined) {
    if (typeof legacy !== 'string' || !LEGACY[legacy]) throw new Unreadable(`unknown policy value on "${path}"`);
    for (const v of LEGACY[legacy]!) caps.add(v);
  }
  return { path, capabilities: [...caps] };
}

function fromJson(doc: unknown): PolicyPath[] {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Unreadable('JSON policy is not an object');
  const out: PolicyPath[] = [];
  for (const [k, v] of Object.entries(doc)) {
    if (k !== 'path') throw new Unreadable(`unsupported top-level key "${k}" (only path)`);
    const entries = Array.isArray(v) ? v : [v];
    for (const e of entries) {
      if (!e || typeof e !== 'object') throw new Unreadable('path is not an object');
      for (const [p, body] of Object.entries(e as Record<string, unknown>)) {
        if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Unreadable(`path "${p}" is not an object`);
        out.push(toPolicyPath(p, body as Record<string, Value>));
      }
    }
  }
  return out;
}

/** Reads policy text as it appears in `cdk.tf.json` (Terraform escapes still in place). */
export function readVaultPolicy(text: string): PolicyRead {
  if (isExpression(text)) {
    return { ok: false, unresolved: true, reason: 'the policy text holds a Terraform expression, known only at plan time' };
  }
  const literal = text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  try {
    if (literal.trim().startsWith('{')) {
      let doc: unknown;
      try {
        doc = JSON.parse(literal);
      } catch {
        throw new Unreadable('starts like a JSON policy but is not valid JSON');
      }
      return { ok: true, paths: fromJson(doc) };
    }
    const parser = new Parser(tokenize(literal));
    const paths: PolicyPath[] = [];
    while (!parser.done()) paths.push(parser.topItem());
    return { ok: true, paths };
  } catch (e) {
    if (e instanceof Unreadable) return { ok: false, unresolved: false, reason: e.message };
    throw e;
  }
}

/**
 * Path → capabilities of a policy (a path written in several blocks has the union of them);
 * undefined when the policy cannot be read or holds an expression.
 */
export function policyGrants(text: string): Map<string, Set<string>> | undefined {
  const parsed = readVaultPolicy(text);
  if (!parsed.ok) return undefined;
  const out = new Map<string, Set<string>>();
  for (const p of parsed.paths) {
    const set = out.get(p.path) ?? new Set<string>();
    for (const c of p.capabilities) set.add(c);
    out.set(p.path, set);
  }
  return out;
}

const GLOBS = new Map<string, RegExp>();

/**
 * Whether a policy path pattern covers a path, as Vault matches them: `+` is one segment, a
 * trailing `*` any suffix.
 */
export function policyPathCovers(pattern: string, path: string): boolean {
  if (pattern === path) return true;
  if (!pattern.includes('*') && !pattern.includes('+')) return false;
  let re = GLOBS.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.replace(/[.?^${}()|[\]\\]/g, '\\$&').replace(/\+/g, '[^/]+').replace(/\*$/, '.*')}$`);
    if (GLOBS.size > 10_000) GLOBS.clear();
    GLOBS.set(pattern, re);
  }
  return re.test(path);
}
