/** Shared inputs for the compliance tests: real synthesized trees, their context, and ways to run one rule. */
import { join } from 'node:path';
import { contextFromFile } from '../../src/compliance/context';
import { evaluate } from '../../src/compliance/engine';
import type { Finding, LandingZoneContext, Rule, Suppression } from '../../src/compliance/types';
import { readSynthDir, type SynthStack } from '../../src/synthesized';
import { readContextFile } from '../../src/synthesized/context';
import { slz } from '../helpers/cli';
import { tempDir } from '../helpers/synth';

export const MINIMAL = 'examples/minimal/landing-zone.yaml';
export const FULL = 'test/fixtures/landing-zones/full.yaml';
export const TODAY = '2026-11-21';

export interface Tree {
  readonly dir: string;
  readonly stacks: SynthStack[];
  readonly context: LandingZoneContext;
  readonly suppressions: Suppression[];
}

/**
 * Synthesizes through the CLI into a fresh directory. `slz synth` exits 1 when compliance errors
 * are found (the tree is still written), so 0 and 1 are both accepted.
 */
export function synthesize(file: string): Tree {
  const dir = join(tempDir('slz-compliance-'), 'out');
  const run = slz('synth', file, '--out', dir);
  if (run.code !== 0 && run.code !== 1) throw new Error(`synth ${file} failed (${run.code}):\n${run.stderr}`);
  const ctxFile = readContextFile(dir);
  if (!ctxFile) throw new Error(`${dir} has no slz-context.json`);
  const { context, suppressions } = contextFromFile(ctxFile);
  return { dir, stacks: readSynthDir(dir), context, suppressions };
}

/** A deep copy of a tree's stacks, safe to mutate. */
export function copy(stacks: readonly SynthStack[]): SynthStack[] {
  return structuredClone(stacks) as SynthStack[];
}

export function stackNamed(stacks: readonly SynthStack[], fragment: string): SynthStack {
  const s = stacks.find((x) => x.name.includes(fragment));
  if (!s) throw new Error(`no stack matching ${fragment} in ${stacks.map((x) => x.name).join(', ')}`);
  return s;
}

type Json = Record<string, unknown>;

/** The bodies of every resource of a type in a stack (mutable: stacks come from `copy`). */
export function bodies(stack: SynthStack, type: string): Json[] {
  return Object.values((stack.json.resource?.[type] ?? {}) as Record<string, Json>);
}

/** The first resource body of a type in a stack. */
export function first(stack: SynthStack, type: string): Json {
  const b = bodies(stack, type)[0];
  if (!b) throw new Error(`${stack.name} has no ${type}`);
  return b;
}

/** Adds a resource to a stack (mutable copy), with construct-path metadata like cdktf writes. */
export function addResource(stack: SynthStack, type: string, name: string, body: Json): void {
  const json = stack.json as unknown as { resource?: Record<string, Record<string, Json>> };
  json.resource ??= {};
  json.resource[type] ??= {};
  json.resource[type][name] = { '//': { metadata: { path: `${stack.name}/${name}`, uniqueId: name } }, ...body };
}

/** Runs one rule on the stacks; returns its findings. */
export function run(rule: Rule, stacks: readonly SynthStack[], context?: LandingZoneContext, today = TODAY): Finding[] {
  return evaluate(stacks, [rule], { ...(context ? { landingZone: context } : {}), today, stacks }).findings;
}

/** `status:constructPath` of each finding, for compact assertions. */
export function summary(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.status}:${f.constructPath}${f.attribute ? `#${f.attribute}` : ''}`);
}

export function withContext(context: LandingZoneContext, patch: Partial<LandingZoneContext>): LandingZoneContext {
  return { ...context, ...patch };
}

type Container = Record<string | number, unknown>;

function walk(root: unknown, path: readonly (string | number)[]): Container {
  let cur = root as Container;
  for (const seg of path) {
    const next = cur[seg];
    if (next === undefined || next === null || typeof next !== 'object') throw new Error(`no ${String(seg)} on the way to ${path.join('.')}`);
    cur = next as Container;
  }
  return cur;
}

/** Sets a value deep inside a (copied) JSON document; intermediate objects must exist. */
export function setPath(root: unknown, path: readonly (string | number)[], value: unknown): void {
  const parent = walk(root, path.slice(0, -1));
  parent[path[path.length - 1]!] = value;
}

/** Deletes a key deep inside a (copied) JSON document. */
export function deletePath(root: unknown, path: readonly (string | number)[]): void {
  const parent = walk(root, path.slice(0, -1));
  delete parent[path[path.length - 1]!];
}

/** The address of the first resource of a type in a stack: ['resource', type, name]. */
export function resourcePath(stack: SynthStack, type: string, index = 0): ['resource', string, string] {
  const name = Object.keys(stack.json.resource?.[type] ?? {})[index];
  if (!name) throw new Error(`${stack.name} has no ${type}[${index}]`);
  return ['resource', type, name];
}
