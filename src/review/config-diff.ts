/**
 * Reviews without credentials (plan-review.md §9, mode B): a diff of two synthesized trees.
 * Added, removed and changed resources by stack and address, attribute diffs on literal values,
 * `${…}` references shown as references, and replacements *predicted* from the force-new table,
 * including replacements that cascade through references (a replaced CSR re-signs its
 * intermediate; a remounted engine moves every key that names its path).
 */
import { constructPathOf, isExpression, type SynthStack } from '../synthesized';
import { forceNewOf } from './force-new';
import type { AttrDiff, Change, Risk, RiskLevel } from './model';
import { attachHits } from './plan';
import { classify, levelOf, STACK_RULES } from './rules';
import { placeChange, type SynthSet } from './stacks';
import { appendKey, canonical, diffTrees, pathsOverlap, refTree } from './values';

interface Entry {
  readonly stack: string;
  readonly type: string;
  readonly name: string;
  readonly address: string;
  readonly base?: Record<string, unknown>;
  readonly head?: Record<string, unknown>;
  readonly baseRaw?: Record<string, unknown>;
  readonly headRaw?: Record<string, unknown>;
  action: 'create' | 'delete' | 'update' | 'replace' | 'noop';
  attrs: AttrDiff[];
  omitted: number;
  reason?: string;
}

/** Meta-arguments that are not attributes of the object. */
const META = new Set(['//', 'depends_on']);

function clean(body: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!body) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) if (!META.has(k)) out[k] = v;
  return out;
}

/** `${type.name.attr…}` with the rest of the traversal (`.metadata[0].name`). */
const REF = /\$\{([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\]|\["[^"]*"\])*)/g;

/** The value at a reference's traversal in a cdk.tf.json body (`[0]` on a single block is the block). */
function resolve(body: Record<string, unknown> | undefined, attr: string, rest: string): unknown {
  let cur: unknown = body?.[attr];
  for (const m of rest.matchAll(/\.([A-Za-z0-9_]+)|\[(\d+)\]|\["([^"]*)"\]/g)) {
    if (cur === undefined || cur === null) return undefined;
    if (m[2] !== undefined) {
      if (Array.isArray(cur)) cur = cur[Number(m[2])];
      else if (m[2] !== '0') return undefined;
      continue;
    }
    if (Array.isArray(cur)) cur = cur[0];
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[m[1] ?? m[3] ?? ''];
  }
  return cur;
}

/** Every reference `type.name.attr` inside a value, with the attribute path that holds it. */
interface Ref {
  readonly path: string;
  readonly type: string;
  readonly name: string;
  readonly attr: string;
  readonly rest: string;
  readonly expr: string;
}

function refsIn(value: unknown, path: string, out: Ref[], depth = 0): void {
  if (depth > 64) return;
  if (typeof value === 'string') {
    for (const m of value.matchAll(REF)) if (m[1] && m[2] && m[3] && m[1] !== 'var' && m[1] !== 'local' && m[1] !== 'data') out.push({ path, type: m[1], name: m[2], attr: m[3], rest: m[4] ?? '', expr: value });
  } else if (Array.isArray(value)) value.forEach((v, i) => refsIn(v, `${path}[${i}]`, out, depth + 1));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value as Record<string, unknown>)) refsIn(v, appendKey(path, k), out, depth + 1);
}

function indexStacks(set: SynthSet): Map<string, { stack: SynthStack; resources: Map<string, { type: string; name: string; body: Record<string, unknown> }> }> {
  const out = new Map<string, { stack: SynthStack; resources: Map<string, { type: string; name: string; body: Record<string, unknown> }> }>();
  for (const stack of set.stacks) {
    const resources = new Map<string, { type: string; name: string; body: Record<string, unknown> }>();
    for (const [type, byName] of Object.entries(stack.json.resource ?? {})) {
      for (const [name, body] of Object.entries(byName)) resources.set(`${type}.${name}`, { type, name, body });
    }
    out.set(stack.name, { stack, resources });
  }
  return out;
}

export interface ConfigDiff {
  readonly changes: Change[];
  /** Stack-level risks (state backend, provider configuration). */
  readonly risks: Risk[];
  readonly notes: string[];
}

export function diffSynthSets(base: SynthSet, head: SynthSet): ConfigDiff {
  const b = indexStacks(base);
  const h = indexStacks(head);
  const notes: string[] = [];
  const risks: Risk[] = [];
  const entries = new Map<string, Entry>();
  const stackNames = [...new Set([...h.keys(), ...b.keys()])].sort();

  for (const stackName of stackNames) {
    const bs = b.get(stackName);
    const hs = h.get(stackName);
    if (!bs) notes.push(`stack ${stackName} is new`);
    if (!hs) notes.push(`stack ${stackName} is removed: everything in it would be destroyed when its state is applied empty (or the stack is abandoned, leaving its objects unmanaged)`);
    const addresses = [...new Set([...(hs?.resources.keys() ?? []), ...(bs?.resources.keys() ?? [])])];
    for (const address of addresses) {
      const br = bs?.resources.get(address);
      const hr = hs?.resources.get(address);
      const r = (hr ?? br) as { type: string; name: string };
      const baseBody = clean(br?.body);
      const headBody = clean(hr?.body);
      const entry: Entry = {
        stack: stackName,
        type: r.type,
        name: r.name,
        address,
        ...(baseBody && br ? { base: baseBody, baseRaw: br.body } : {}),
        ...(headBody && hr ? { head: headBody, headRaw: hr.body } : {}),
        action: 'noop',
        attrs: [],
        omitted: 0,
      };
      if (!baseBody) entry.action = 'create';
      else if (!headBody) entry.action = 'delete';
      else if (canonical(baseBody) !== canonical(headBody)) entry.action = 'update';
      if (entry.action !== 'noop') {
        const d = diffTrees(refTree(baseBody), refTree(headBody), entry.action === 'update' ? forceNewOf(r.type) : []);
        entry.attrs = d.attrs;
        entry.omitted = d.omitted;
        if (entry.action === 'update') {
          const forced = d.attrs.filter((a) => a.forcesReplacement).map((a) => a.path);
          if (forced.length) {
            entry.action = 'replace';
            entry.reason = `${forced.join(', ')} cannot change in place`;
          }
        }
      }
      entries.set(`${stackName}|${address}`, entry);
    }
    if (bs && hs) {
      for (const rule of STACK_RULES) {
        for (const reason of rule.check(stackName, bs.stack.json, hs.stack.json)) risks.push({ ruleId: rule.id, level: rule.level, reason, stack: stackName, file: hs.stack.file });
      }
    }
  }

  cascade(entries);

  const changes: Change[] = [];
  for (const e of entries.values()) {
    const actions = e.action === 'replace' ? ['delete', 'create'] : e.action === 'noop' ? ['no-op'] : [e.action];
    const change: Change = {
      id: `config:${e.stack}:${e.address}`,
      source: 'config',
      address: e.address,
      mode: 'managed',
      type: e.type,
      name: e.name,
      actions,
      action: e.action,
      ...(e.action === 'replace' ? { replaceOrder: 'delete-before-create' as const } : {}),
      destroys: e.action === 'delete' || e.action === 'replace',
      predicted: true,
      moved: false,
      ...(e.reason ? { actionReason: { code: 'predicted_replace', text: `Predicted replacement: ${e.reason} (confirm with terraform plan)` } } : {}),
      replacePaths: [],
      attrs: e.attrs,
      ...(e.omitted ? { attrsOmitted: e.omitted } : {}),
      risks: [],
      level: 'INFO' as RiskLevel,
    };
    attachHits(change, classify({ change, before: refTree(e.base), after: refTree(e.head) }), levelOf);
    const stack = h.get(e.stack)?.stack ?? b.get(e.stack)?.stack;
    placeChange(change, stack, (h.has(e.stack) ? head : base).context ?? head.context ?? base.context);
    // A removed resource has its construct path in the base tree only.
    const path = constructPathOf(e.headRaw ?? e.baseRaw ?? {});
    if (path) {
      change.constructPath = path;
      for (const r of change.risks) r.constructPath = path;
    }
    changes.push(change);
  }
  return { changes, risks, notes };
}

/**
 * Replacements and updates that follow through references, to a fixed point: when X is
 * replaced, or X's referenced attribute changes, each resource whose attribute refers to it is
 * updated, or replaced when that attribute forces replacement.
 */
function cascade(entries: Map<string, Entry>): void {
  const refsOf = new Map<string, ReturnType<typeof collect>>();
  function collect(e: Entry) {
    const out: Ref[] = [];
    if (e.head) for (const [k, v] of Object.entries(e.head)) refsIn(v, appendKey('', k), out);
    return out;
  }
  for (const [key, e] of entries) if (e.head && e.base) refsOf.set(key, collect(e));
  for (let round = 0; round < 50; round++) {
    let changed = false;
    for (const [key, e] of entries) {
      if (e.action === 'replace' || !e.base || !e.head) continue;
      for (const ref of refsOf.get(key) ?? []) {
        const x = entries.get(`${e.stack}|${ref.type}.${ref.name}`);
        if (!x || (x.action !== 'replace' && x.action !== 'update')) continue;
        const hv = resolve(x.head, ref.attr, ref.rest);
        const bv = resolve(x.base, ref.attr, ref.rest);
        const literal = hv !== undefined && !isExpression(hv);
        // A configured value is known at plan time: only a different value propagates. A computed
        // one (absent from the body) is unknown again when its owner is replaced.
        const stable = literal ? canonical(hv) === canonical(bv) : x.action !== 'replace';
        if (stable) continue;
        const target = `${ref.type}.${ref.name}.${ref.attr}${ref.rest}`;
        const why = x.action === 'replace' ? `${x.address} is replaced` : `its value changes`;
        const forces = forceNewOf(e.type).some((f) => pathsOverlap(ref.path, f));
        if (!e.attrs.some((a) => a.path === ref.path)) {
          e.attrs.push({ path: ref.path, before: { kind: 'ref', expr: ref.expr }, after: { kind: 'unknown' }, ...(forces ? { forcesReplacement: true } : {}) });
        }
        if (forces) {
          e.action = 'replace';
          e.reason = `${ref.path} refers to ${target}, which changes because ${why}`;
          changed = true;
          break;
        }
        if (e.action === 'noop') {
          e.action = 'update';
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
}
