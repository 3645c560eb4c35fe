/**
 * Parallel synthesis: the stacks of a landing zone split into shards, each built and synthesized
 * by its own thread, into the same staging directory. cdktf synthesizes one App on one thread; a
 * shard is an App holding only its stacks (`buildLandingZone` `only`), so each thread constructs
 * and resolves a part of the tree. The shards run in a child process (shard 0 on its main thread,
 * the others on worker threads) that the pipeline waits for, so `synthesizeLandingZone` stays
 * synchronous and a thread that dies fails the synth instead of hanging it.
 *
 * Every file is what a single App writes: a platform stack built without its tenants still ships
 * their logs, and manifest.json is written by cdktf's own Manifest, with every stack's
 * dependencies taken from the plan both builds follow. The tree is byte-identical to a
 * single-process synth (test/pipeline/parallel-synth.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { planLandingZone, type PlannedStack } from '../../stacks/plan';
import type { ResolvedLandingZone } from '../landing-zone/validate';
import { landingZoneApp } from './landing-zone-app';
import { withoutTokenTraces } from './token-traces';

/**
 * Below this many stacks per shard, starting a process and a thread (each loading cdktf and the
 * providers) costs about what it saves: measured, 2 shards of 51 stacks (100 tenants) gained nothing,
 * 2 of 501 (1,000 tenants) roughly halved cdktf synthesis on two free cores.
 */
export const MIN_STACKS_PER_SHARD = 200;

/** The default `--jobs`: one shard per core, as long as each shard gets MIN_STACKS_PER_SHARD stacks. */
export function defaultJobs(stacks: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(stacks / MIN_STACKS_PER_SHARD)));
}

/** Contiguous runs of the plan, as even as whole stacks allow; never more shards than stacks. */
export function splitShards(plan: readonly PlannedStack[], jobs: number): string[][] {
  const n = Math.max(1, Math.min(Math.floor(jobs), plan.length));
  return Array.from({ length: n }, (_, k) => plan.slice(Math.floor((k * plan.length) / n), Math.floor(((k + 1) * plan.length) / n)).map((s) => s.name));
}

/** One stack's entry in cdktf's manifest.json. */
export interface StackManifest {
  readonly name: string;
  readonly constructPath: string;
  readonly dependencies: readonly string[];
  readonly [field: string]: unknown;
}

/** cdktf's manifest.json: `{ version, stacks }`. */
export interface Manifest {
  readonly version: string;
  readonly stacks: Readonly<Record<string, StackManifest>>;
}

/**
 * Builds and synthesizes the named stacks into `staging/stacks/`, through a cdktf App of their
 * own (in `staging/.shard-<index>`, removed after); returns that App's manifest.
 */
export function synthShard(landingZone: ResolvedLandingZone, names: readonly string[], staging: string, index: number): Manifest {
  const outdir = join(staging, `.shard-${index}`);
  return withoutTokenTraces(() => {
    const app = landingZoneApp(landingZone, outdir, new Set(names));
    app.synth();
    for (const name of readdirSync(join(outdir, 'stacks'))) renameSync(join(outdir, 'stacks', name), join(staging, 'stacks', name));
    rmSync(outdir, { recursive: true, force: true });
    return JSON.parse(JSON.stringify(app.manifest.buildManifest())) as Manifest;
  });
}

/**
 * One manifest for the whole tree. Each shard recorded only the dependencies between its own
 * stacks; every stack gets its dependencies from the plan, which is what `buildLandingZone`
 * adds them from. A shard that recorded anything else (a stack outside the plan, a dependency
 * the plan does not list) cannot be assembled into what a single App writes: that throws.
 */
export function mergeManifests(plan: readonly PlannedStack[], shards: readonly (readonly string[])[], manifests: readonly Manifest[]): Manifest {
  const version = manifests[0]?.version ?? '';
  const stacks: Record<string, StackManifest> = {};
  const shardOf = new Map<string, number>();
  shards.forEach((names, k) => names.forEach((n) => shardOf.set(n, k)));
  manifests.forEach((m, k) => {
    if (m.version !== version) throw new Error(`parallel synth: shards ran different cdktf versions (${version}, ${m.version})`);
    for (const [name, entry] of Object.entries(m.stacks)) {
      if (shardOf.get(name) !== k) throw new Error(`parallel synth: shard ${k} synthesized ${name}, which it was not given`);
      stacks[name] = entry;
    }
  });
  const merged: Record<string, StackManifest> = {};
  for (const p of plan) {
    const entry = stacks[p.name];
    if (!entry) throw new Error(`parallel synth: no shard synthesized ${p.name}`);
    const pathOf = (name: string) => stacks[name]?.constructPath ?? name;
    const local = p.dependsOn.filter((d) => shardOf.get(d) === shardOf.get(p.name)).map(pathOf);
    if (JSON.stringify(entry.dependencies) !== JSON.stringify(local)) {
      throw new Error(`parallel synth: ${p.name} recorded dependencies ${JSON.stringify(entry.dependencies)} where the plan has ${JSON.stringify(local)}`);
    }
    merged[p.name] = { ...entry, dependencies: p.dependsOn.map(pathOf) };
  }
  return { version, stacks: merged };
}

/** Writes manifest.json with cdktf's own writer (key order, spacing), as `App.synth()` does. */
export function writeManifest(dir: string, manifest: Manifest): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- cdktf loads only when synthesizing
  const { Manifest: CdktfManifest } = require('cdktf') as typeof import('cdktf');
  const writer = new CdktfManifest(manifest.version, dir, false);
  Object.assign(writer.stacks, manifest.stacks);
  writer.writeToFile();
}

/** What the shard runner process is given on stdin (v8 serialization: the landing zone as it is in memory). */
export interface ShardJob {
  readonly landingZone: ResolvedLandingZone;
  readonly shards: readonly (readonly string[])[];
  readonly staging: string;
}

/** manifest.json of the whole tree from the shards' manifests: written by the runner process, or in-process without it. */
export function assembleManifest(job: ShardJob, manifests: readonly Manifest[]): void {
  writeManifest(job.staging, mergeManifests(planLandingZone(job.landingZone), job.shards, manifests));
}

const RUNNER = join(__dirname, 'shard-runner.js');

/** Compiled (dist/), with the runner beside this file; not from TypeScript sources. */
export function shardRunnerAvailable(): boolean {
  return existsSync(RUNNER);
}

/**
 * Synthesizes a landing zone into `staging` in `jobs` shards. Compiled (dist/), the shards run in
 * parallel in the runner process; from TypeScript sources (tests under ts-jest/swc) there is no
 * runner to start, and the same shards run one after another in this thread — the same files.
 */
export function synthesizeInShards(landingZone: ResolvedLandingZone, staging: string, jobs: number): void {
  const job: ShardJob = { landingZone, shards: splitShards(planLandingZone(landingZone), jobs), staging };
  mkdirSync(join(staging, 'stacks'), { recursive: true });
  if (!shardRunnerAvailable()) {
    assembleManifest(job, job.shards.map((names, k) => synthShard(landingZone, names, staging, k)));
    return;
  }
  const run = spawnSync(process.execPath, [...process.execArgv, RUNNER], { input: serialize(job), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  if (run.status !== 0) {
    const reason = run.stderr.trim() || (run.signal ? `killed by ${run.signal}` : `exit code ${run.status}`);
    throw new Error(`parallel synth failed: ${reason}`);
  }
}
