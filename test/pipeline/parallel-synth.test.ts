/**
 * Parallel synthesis writes the tree one cdktf App writes, byte for byte: every stack, manifest.json
 * (with each stack's dependencies), slz-context.json, stack-graph.json, every report and the marker.
 *
 * In-process (TypeScript sources) the shards run one after another in the test's thread: the same
 * shard builds and manifest assembly the worker threads run. Through the built binary they run on
 * worker threads of the shard runner. SovereignApp (the typescript-fork's main.ts) is not sharded:
 * its stacks are built by the caller's code, which a worker cannot re-run in part, so it always
 * synthesizes one App in one thread; the fork's landing-zone file is compared here through
 * `slz synth` like the other examples.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadLandingZone } from '../../src/landing-zone';
import type { ResolvedLandingZone } from '../../src/landing-zone/validate';
import { synthesizeLandingZone } from '../../src/pipeline';
import { defaultJobs, mergeManifests, MIN_STACKS_PER_SHARD, splitShards, type Manifest } from '../../src/pipeline/shards';
import { planLandingZone } from '../../stacks/plan';
import { generateLandingZone } from '../helpers/generate';
import { readTree, tempDir } from '../helpers/synth';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'slz.js');
const TODAY = '2026-11-21';
const EXAMPLES = ['minimal', 'ministry-health', 'national-registry', 'asean-shared-service', 'sovereign-ai-workspace', 'typescript-fork'];

function load(file: string): ResolvedLandingZone {
  const r = loadLandingZone(file);
  if (!r.ok) throw new Error(`${file}: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.value;
}

/** Two regions, 18 tenants; every third tenant runs in one region only, so the regions' tenant lists differ. */
function multiRegionFile(): string {
  const doc = parse(generateLandingZone(18, join(ROOT, 'examples', 'ministry-health', 'landing-zone.yaml'))) as { regions: { name: string }[]; tenants: Record<string, unknown>[] };
  doc.tenants.forEach((t, i) => {
    if (i % 3 === 0) t.regions = [doc.regions[i % 2]!.name];
  });
  const file = join(tempDir('slz-shards-'), 'landing-zone.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}

/** Every file of two trees, compared by path and bytes; the first difference named. */
function expectSameTree(a: string, b: string): void {
  const left = readTree(a);
  const right = readTree(b);
  expect([...right.keys()].sort()).toEqual([...left.keys()].sort());
  const differing = [...left.keys()].filter((k) => !left.get(k)!.equals(right.get(k)!));
  expect(differing).toEqual([]);
}

describe('sharded synthesis is byte-identical to one App (shards in this thread)', () => {
  const cases: [string, string][] = [...EXAMPLES.map((e): [string, string] => [e, join(ROOT, 'examples', e, 'landing-zone.yaml')]), ['generated, two regions', '']];

  it.each(cases)('%s', (_name, path) => {
    const file = path || multiRegionFile();
    const lz = load(file);
    const stacks = planLandingZone(lz).length;
    const dir = tempDir('slz-shards-');
    const single = synthesizeLandingZone(lz, join(dir, 'one'), { jobs: 1, today: TODAY });
    expect(single.jobs).toBe(1);
    // Two shards, three, and more shards than stacks (one stack each).
    for (const jobs of [2, 3, stacks + 2]) {
      const out = join(dir, `jobs-${jobs}`);
      const sharded = synthesizeLandingZone(lz, out, { jobs, today: TODAY });
      expect(sharded.jobs).toBe(Math.min(jobs, stacks));
      expectSameTree(join(dir, 'one'), out);
      // No shard directory is left in the tree.
      expect(readdirSync(out).filter((n) => n.startsWith('.shard-'))).toEqual([]);
    }
  });
});

describe('slz synth writes the stacks a plain cdktf App writes', () => {
  // slz skips cdktf's preparing pass (LANDING_ZONE_ONLY): it only wires cross-stack references,
  // which the stacks of a landing-zone file never make. A construct that made one would show here.
  const cases: [string, string][] = [...EXAMPLES.map((e): [string, string] => [e, join(ROOT, 'examples', e, 'landing-zone.yaml')]), ['full', join(ROOT, 'test', 'fixtures', 'landing-zones', 'full.yaml')], ['generated, two regions', '']];

  it.each(cases)('%s', (_name, path) => {
    const lz = load(path || multiRegionFile());
    const dir = tempDir('slz-plain-');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildLandingZone } = require('../../stacks/landing-zone') as typeof import('../../stacks/landing-zone');
    buildLandingZone(lz, { outdir: join(dir, 'plain') }).app.synth();
    synthesizeLandingZone(lz, join(dir, 'slz'), { jobs: 1, today: TODAY });
    const plain = readTree(join(dir, 'plain'));
    const slz = readTree(join(dir, 'slz'));
    const cdktfFiles = [...slz.keys()].filter((k) => k === 'manifest.json' || k.startsWith(`stacks${sep}`)).sort();
    expect([...plain.keys()].sort()).toEqual(cdktfFiles);
    expect(cdktfFiles.filter((k) => !plain.get(k)!.equals(slz.get(k)!))).toEqual([]);
  });
});

describe('slz synth --jobs (worker threads of the shard runner, built binary)', () => {
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, [BIN, 'synth', ...args], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1795219200', ...env } });

  it('writes the same tree with one thread and with three', () => {
    const file = multiRegionFile();
    const dir = tempDir('slz-shards-');
    for (const jobs of ['1', '3']) {
      const r = run([file, '--out', join(dir, jobs), '--jobs', jobs, '--debug']);
      expect([0, 1]).toContain(r.status);
      expect(r.stderr).toContain(`synth: ${jobs} shard${jobs === '1' ? '' : 's'};`);
    }
    expectSameTree(join(dir, '1'), join(dir, '3'));
    // manifest.json records each stack's dependencies across shards, and the stack graph is built from them.
    const manifest = JSON.parse(readFileSync(join(dir, '3', 'manifest.json'), 'utf8')) as Manifest;
    const admission = Object.values(manifest.stacks).find((s) => s.name.includes('-admission-'))!;
    expect(admission.dependencies.length).toBeGreaterThan(2);
  });

  it('leaves the previous output unchanged when a shard thread dies, and says why', () => {
    const file = join(ROOT, 'examples', 'ministry-health', 'landing-zone.yaml');
    const dir = tempDir('slz-shards-');
    const out = join(dir, 'out');
    expect([0, 1]).toContain(run([file, '--out', out, '--jobs', '1']).status);
    mkdirSync(join(out, 'stacks', 'mine'), { recursive: true });
    writeFileSync(join(out, 'terraform.tfstate'), '{"version":4}');
    const before = readTree(out);
    const r = run([file, '--out', out, '--jobs', '2'], { SLZ_CRASH_AT: 'shard-1' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/shard 1 stopped \(exit code 70\)/);
    expect(r.stderr).toMatch(/is unchanged/);
    const after = readTree(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [k, v] of before) expect(after.get(k)!.equals(v)).toBe(true);
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('refuses a --jobs that is not a whole number of at least 1', () => {
    const file = join(ROOT, 'examples', 'minimal', 'landing-zone.yaml');
    for (const jobs of ['0', '-2', '1.5', 'many']) {
      const r = run([file, '--out', join(tempDir('slz-shards-'), 'out'), '--jobs', jobs]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/--jobs.*whole number/);
    }
  });
});

describe('shard plan and manifest assembly', () => {
  const lz = () => load(join(ROOT, 'examples', 'ministry-health', 'landing-zone.yaml'));

  it('splits the plan into contiguous shards of even size, never more than there are stacks', () => {
    const plan = planLandingZone(lz());
    for (let jobs = 1; jobs <= plan.length + 3; jobs++) {
      const shards = splitShards(plan, jobs);
      expect(shards).toHaveLength(Math.min(jobs, plan.length));
      expect(shards.flat()).toEqual(plan.map((s) => s.name));
      const sizes = shards.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('defaults to one shard per core while each shard gets enough stacks', () => {
    expect(defaultJobs(3, 8)).toBe(1);
    expect(defaultJobs(2 * MIN_STACKS_PER_SHARD - 1, 8)).toBe(1);
    expect(defaultJobs(2 * MIN_STACKS_PER_SHARD, 8)).toBe(2);
    expect(defaultJobs(1002, 2)).toBe(2);
    expect(defaultJobs(1002, 1)).toBe(1);
  });

  it('takes dependencies from the plan, and refuses shards that do not add up to it', () => {
    const plan = planLandingZone(lz());
    const shards = splitShards(plan, 2);
    const entry = (name: string, dependencies: string[] = []) => ({ name, constructPath: name, dependencies, annotations: [] });
    // Each shard saw only the dependencies between its own stacks.
    const manifests: Manifest[] = shards.map((names) => ({
      version: '0.21.0',
      stacks: Object.fromEntries(names.map((n) => [n, entry(n, plan.find((p) => p.name === n)!.dependsOn.filter((d) => names.includes(d)))])),
    }));
    const merged = mergeManifests(plan, shards, manifests);
    for (const p of plan) expect(merged.stacks[p.name]!.dependencies).toEqual(p.dependsOn);

    const missing = manifests.map((m, k) => (k === 1 ? { ...m, stacks: {} } : m));
    expect(() => mergeManifests(plan, shards, missing)).toThrow(/no shard synthesized/);
    const extraDependency = manifests.map((m, k) => (k === 0 ? { ...m, stacks: { ...m.stacks, [shards[0]![0]!]: entry(shards[0]![0]!, ['somewhere-else']) } } : m));
    expect(() => mergeManifests(plan, shards, extraDependency)).toThrow(/recorded dependencies/);
    const foreign = manifests.map((m, k) => (k === 0 ? { ...m, stacks: { ...m.stacks, [shards[1]![0]!]: entry(shards[1]![0]!) } } : m));
    expect(() => mergeManifests(plan, shards, foreign)).toThrow(/was not given/);
  });
});
