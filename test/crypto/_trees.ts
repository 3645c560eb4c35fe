/** Synthesized trees for the CBOM tests, and plain-code access to their JSON (no src/crypto code). */
import { join } from 'node:path';
import type { SynthStack } from '../../src/synthesized';
import { readSynthDir } from '../../src/synthesized';
import { readContextFile, type SynthContextFile } from '../../src/synthesized/context';
import { slz } from '../helpers/cli';
import { tempDir } from '../helpers/synth';

export const FIXTURES = {
  minimal: 'examples/minimal/landing-zone.yaml',
  full: 'test/fixtures/landing-zones/full.yaml',
  allTypes: 'test/fixtures/landing-zones/pqc-all-types.yaml',
  openbao: 'test/fixtures/landing-zones/pqc-openbao.yaml',
} as const;

/** The day verdicts are evaluated on in these tests (the BOM itself does not depend on it). */
export const TODAY = '2026-11-21';

export interface Tree {
  readonly dir: string;
  readonly stacks: SynthStack[];
  readonly context: SynthContextFile;
}

/** Synthesizes a landing zone through the CLI. Exit 1 (compliance findings, tree still written) is accepted. */
export function synthFixture(file: string): Tree {
  const out = join(tempDir('slz-cbom-'), 'out');
  const run = slz('synth', file, '--out', out);
  if (run.code !== 0 && run.code !== 1) throw new Error(`synth ${file} failed (${run.code}):\n${run.stderr}`);
  const context = readContextFile(out);
  if (!context) throw new Error(`synth ${file} wrote no slz-context.json`);
  return { dir: out, stacks: readSynthDir(out), context };
}

/** A deep copy, safe to mutate. */
export function copy(tree: Tree): Tree {
  return { dir: tree.dir, stacks: structuredClone(tree.stacks), context: structuredClone(tree.context) };
}

export type Json = Record<string, unknown>;

/** Every resource of a type, counted and read with plain loops over the JSON. */
export function jsonResources(stacks: readonly SynthStack[], type: string): { stack: SynthStack; name: string; body: Json }[] {
  const out: { stack: SynthStack; name: string; body: Json }[] = [];
  for (const stack of stacks) {
    const byType = (stack.json.resource ?? {}) as Record<string, Record<string, Json>>;
    for (const [name, body] of Object.entries(byType[type] ?? {})) out.push({ stack, name, body });
  }
  return out;
}

/** The construct path cdktf wrote into a resource's `//` metadata. */
export function pathOf(body: Json): string {
  return ((body['//'] as { metadata: { path: string } }).metadata.path);
}

/** Components of a BOM by `cryptoProperties.assetType`. */
export function componentsOf(bom: Json, assetType?: string): Json[] {
  const all = (bom.components as Json[] | undefined) ?? [];
  return assetType === undefined ? all : all.filter((c) => (c.cryptoProperties as Json | undefined)?.assetType === assetType);
}

export function componentByRef(bom: Json, ref: string): Json {
  const c = componentsOf(bom).find((x) => x['bom-ref'] === ref);
  if (!c) throw new Error(`no component ${ref}`);
  return c;
}

export function propertyValues(component: Json, name: string): string[] {
  return ((component.properties as { name: string; value: string }[] | undefined) ?? []).filter((p) => p.name === name).map((p) => p.value);
}
