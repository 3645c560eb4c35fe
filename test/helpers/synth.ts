/** Synthesizes landing zones into temp directories and reads the stacks back, for tests. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { slz, type CliRun } from './cli';

export interface SynthTree {
  readonly dir: string;
  readonly run: CliRun;
  /** Stack name → parsed cdk.tf.json. */
  readonly stacks: Record<string, TerraformJson>;
}

export interface TerraformJson {
  terraform: { required_providers?: Record<string, { source: string; version: string }>; required_version?: string; backend?: Record<string, unknown> };
  provider?: Record<string, Record<string, unknown>[]>;
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  variable?: Record<string, Record<string, unknown>>;
}

export function tempDir(prefix = 'slz-'): string {
  return mkdtempSync(join(process.env.SLZ_TEST_TMP ?? tmpdir(), prefix));
}

export function synthTree(file: string, out = join(tempDir(), 'out')): SynthTree {
  const run = slz('synth', file, '--out', out);
  if (run.code !== 0) throw new Error(`synth ${file} failed (${run.code}):\n${run.stderr}`);
  const stacks: Record<string, TerraformJson> = {};
  for (const name of readdirSync(join(out, 'stacks')).sort()) {
    stacks[name] = JSON.parse(readFileSync(join(out, 'stacks', name, 'cdk.tf.json'), 'utf8')) as TerraformJson;
  }
  return { dir: out, run, stacks };
}

/** Every resource of a type across all stacks, with its stack. */
export function resourcesOf(tree: SynthTree, type: string): { stack: string; name: string; body: Record<string, unknown> }[] {
  const out: { stack: string; name: string; body: Record<string, unknown> }[] = [];
  for (const [stack, json] of Object.entries(tree.stacks)) {
    for (const [name, body] of Object.entries(json.resource?.[type] ?? {})) out.push({ stack, name, body });
  }
  return out;
}

/** Relative path → content for every file under a directory (for byte-identity checks). */
export function readTree(dir: string, base = dir): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) for (const [k, v] of readTree(p, base)) files.set(k, v);
    else files.set(p.slice(base.length + 1), readFileSync(p));
  }
  return files;
}
