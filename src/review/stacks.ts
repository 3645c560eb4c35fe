/**
 * Synthesized trees as the review sees them: loading `--synth`, `--base` and `--head`, naming a
 * stack's role and tenant, and mapping plan addresses to construct paths through the `//`
 * metadata of `cdk.tf.json` (plan-review.md §8).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { constructPathOf, isExpression, readSynthDir, SynthReadError, type SynthStack, type TerraformJson } from '../synthesized';
import { readContextFile, type SynthContextFile } from '../synthesized/context';
import type { Change } from './model';
import { ReviewInputError } from './plan';

export interface SynthSet {
  /** The directory given (the synth root, or a stack's folder). Stack `file`s include it. */
  readonly dir: string;
  readonly stacks: readonly SynthStack[];
  readonly context?: SynthContextFile;
  readonly notes: readonly string[];
}

/**
 * Reads a synthesized tree: a synth output directory (`stacks/<stack>/cdk.tf.json`), one stack's folder,
 * or one `cdk.tf.json`. Throws ReviewInputError naming the flag.
 */
export function loadSynth(path: string, flag: string): SynthSet {
  const notes: string[] = [];
  const context = (dir: string): SynthContextFile | undefined => {
    try {
      return readContextFile(dir);
    } catch (e) {
      notes.push(`${flag}: ${join(dir, 'slz-context.json')} could not be read (${e instanceof Error ? e.message : String(e)}); stacks are grouped by name only`);
      return undefined;
    }
  };
  if (!existsSync(path)) throw new ReviewInputError([`${flag} ${path}: does not exist`]);
  const single = (file: string, stackDir: string): SynthSet => {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ReviewInputError([`${flag} ${file}: is not valid JSON (${e instanceof Error ? (e.message.split('\n')[0] ?? '').replace(/, ".*$/s, '') : String(e)})`]);
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new ReviewInputError([`${flag} ${file}: is not a Terraform JSON object`]);
    const root = resolve(stackDir, '..', '..');
    const ctx = existsSync(join(root, 'slz-context.json')) ? context(root) : undefined;
    const name = basename(resolve(stackDir));
    return { dir: stackDir, stacks: [{ name, file, json: json as TerraformJson }], ...(ctx ? { context: ctx } : {}), notes };
  };
  if (statSync(path).isFile()) return single(path, dirname(path));
  if (existsSync(join(path, 'cdk.tf.json'))) return single(join(path, 'cdk.tf.json'), path);
  try {
    // Stack files relative to the working directory, so reports point at files a reviewer can open.
    const stacks = readSynthDir(path).map((st) => ({ ...st, file: join(path, st.file) }));
    const ctx = context(path);
    return { dir: path, stacks, ...(ctx ? { context: ctx } : {}), notes };
  } catch (e) {
    // A base without stacks (the landing zone is new on this branch): everything is added.
    if (e instanceof SynthReadError && flag === '--base' && /holds no/.test(e.message)) {
      return { dir: path, stacks: [], notes: [`--base ${path} holds no stacks: every resource is new`] };
    }
    if (e instanceof SynthReadError) throw new ReviewInputError([`${flag} ${e.message}`]);
    throw e;
  }
}

export interface StackRole {
  readonly role: 'platform' | 'tenant' | 'admission' | 'other';
  readonly tenant?: string;
  readonly region?: string;
}

/** `<lz>-platform-<region>`, `<lz>-admission-<region>`, `<lz>-tenant-<tenant>-<region>` (exact with the synth context). */
export function describeStack(name: string, ctx?: SynthContextFile): StackRole {
  if (ctx) {
    for (const region of Object.keys(ctx.vaultDialects).sort((a, b) => b.length - a.length)) {
      if (name === `${ctx.name}-platform-${region}`) return { role: 'platform', region };
      if (name === `${ctx.name}-admission-${region}`) return { role: 'admission', region };
      const prefix = `${ctx.name}-tenant-`;
      if (name.startsWith(prefix) && name.endsWith(`-${region}`) && name.length > prefix.length + region.length + 1) {
        return { role: 'tenant', tenant: name.slice(prefix.length, name.length - region.length - 1), region };
      }
    }
  }
  let m = /^.+?-(platform|admission)-(.+)$/.exec(name);
  if (m) return { role: m[1] as 'platform' | 'admission', ...(m[2] ? { region: m[2] } : {}) };
  m = /^.+?-tenant-(.+)-([^-]+)$/.exec(name);
  if (m && m[1] && m[2]) return { role: 'tenant', tenant: m[1], region: m[2] };
  return { role: 'other' };
}

/** The tenant grouping label of a stack. */
export function tenantLabel(role: StackRole): string {
  if (role.role === 'tenant' && role.tenant) return role.tenant;
  if (role.role === 'platform') return '(platform)';
  if (role.role === 'admission') return '(admission)';
  return '(stack)';
}

/** `type.name` with the instance key removed (`a.b[0]` → `a.b`), for the cdk.tf.json lookup. */
function baseAddress(change: Pick<Change, 'type' | 'name' | 'mode'>): string {
  return `${change.mode === 'data' ? 'data.' : ''}${change.type}.${change.name}`;
}

function lookup(stack: SynthStack, change: Pick<Change, 'type' | 'name' | 'mode'>): Record<string, unknown> | undefined {
  const kind = change.mode === 'data' ? stack.json.data : stack.json.resource;
  return kind?.[change.type]?.[change.name];
}

/** Every string leaf of a value (for telling apart stacks with the same addresses, e.g. regions). */
function stringLeaves(v: unknown, out: Set<string>, depth = 0): void {
  if (depth > 32) return;
  if (typeof v === 'string') {
    if (!isExpression(v) && v.length < 300) out.add(v);
  } else if (Array.isArray(v)) for (const x of v) stringLeaves(x, out, depth + 1);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (k !== '//') stringLeaves(x, out, depth + 1);
}

export interface StackChoice {
  readonly stack?: SynthStack;
  readonly note?: string;
}

/**
 * Which stack of a synth set a plan belongs to: the file-name hint when it names a stack; else
 * the stack holding most of the plan's root-module addresses; ties broken by how many literal
 * values of the planned objects appear in the stack (region names, hosts, labels).
 */
export function chooseStack(set: SynthSet, rawChanges: readonly unknown[], planPath: string): StackChoice {
  if (set.stacks.length === 1) return { stack: set.stacks[0] };
  const hint = basename(planPath).replace(/(\.tfplan)?(\.plan)?\.json$/i, '').replace(/^plan[-_.]/, '');
  const named = set.stacks.find((s) => s.name === hint);
  if (named) return { stack: named };
  const entries = rawChanges
    .map((r) => r as { type?: string; name?: string; mode?: string; module_address?: string; change?: { after?: unknown; before?: unknown } })
    .filter((r) => !r.module_address && typeof r.type === 'string' && typeof r.name === 'string')
    .map((r) => ({ key: { type: r.type as string, name: r.name as string, mode: (r.mode === 'data' ? 'data' : 'managed') as 'data' | 'managed' }, raw: r }));
  if (entries.length === 0) return { note: `${planPath}: no root-module resources to match against --synth; construct paths are not shown` };
  const scores = set.stacks.map((stack) => ({ stack, hits: entries.filter((e) => lookup(stack, e.key)).length, values: 0 }));
  const best = Math.max(...scores.map((s) => s.hits));
  if (best === 0) return { note: `${planPath}: none of its addresses is in --synth ${set.dir}; construct paths are not shown` };
  let tied = scores.filter((s) => s.hits === best);
  if (tied.length > 1) {
    const sample = entries.filter((e) => tied.every((t) => lookup(t.stack, e.key))).slice(0, 300);
    for (const t of tied) {
      for (const e of sample) {
        const planned = new Set<string>();
        stringLeaves(e.raw.change?.after ?? e.raw.change?.before, planned);
        const synth = new Set<string>();
        stringLeaves(lookup(t.stack, e.key), synth);
        for (const s of synth) if (planned.has(s)) t.values++;
      }
    }
    const bestValues = Math.max(...tied.map((t) => t.values));
    tied = tied.filter((t) => t.values === bestValues);
  }
  const chosen = tied[0];
  if (!chosen) return {};
  const note =
    tied.length > 1
      ? `${planPath}: matches stacks ${tied.map((t) => t.stack.name).join(', ')} equally; mapped to ${chosen.stack.name} (name the plan file <stack>.json or pass --synth DIR/stacks/<stack> to choose)`
      : undefined;
  return { stack: chosen.stack, ...(note ? { note } : {}) };
}

/** Sets stack, tenant, construct path and file of a change from its stack's metadata. */
export function placeChange(change: Change, stack: SynthStack | undefined, ctx: SynthContextFile | undefined, fallbackFile?: string): void {
  if (stack) {
    change.stack = stack.name;
    change.tenant = tenantLabel(describeStack(stack.name, ctx));
    change.file = stack.file;
    if (!change.moduleAddress) {
      const body = lookup(stack, change);
      const path = body ? constructPathOf(body) : undefined;
      if (path) change.constructPath = path;
    }
  } else if (fallbackFile) {
    change.file = fallbackFile;
  }
  for (const r of change.risks) {
    if (change.stack) r.stack = change.stack;
    if (change.constructPath) r.constructPath = change.constructPath;
    if (change.file) r.file = change.file;
  }
}

export { baseAddress };
