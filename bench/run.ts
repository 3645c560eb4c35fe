/**
 * `npm run bench`: builds once (the npm script), then runs each scenario in fresh child processes,
 * a warm-up first, several measured runs after, and prints medians with min–max as Markdown. The
 * same data goes to bench/results/latest.json with machine information. Every ratio compares
 * numbers measured in this run, on this machine.
 *
 * Environment: BENCH_SIZES (default 1,10,100,1000), BENCH_RUNS (default 5; 3 at 1,000 tenants),
 * BENCH_REVIEW_CHANGES (default 20000).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem, tmpdir, type as osType, release } from 'node:os';
import { join } from 'node:path';
import { generateLandingZone } from './generate';
import { generatePlan } from './generate-plan';
import type { ScenarioResult } from './scenarios/common';

const ROOT = join(__dirname, '..', '..');
const SCENARIOS = join(__dirname, 'scenarios');
const SLZ = join(ROOT, 'bin', 'slz.js');
const sizes = (process.env.BENCH_SIZES ?? '1,10,100,1000').split(',').map(Number);
const runsFor = (size: number) => Number(process.env.BENCH_RUNS ?? (size >= 1000 ? 3 : 5));
const reviewChanges = Number(process.env.BENCH_REVIEW_CHANGES ?? 20000);
const work = mkdtempSync(join(tmpdir(), 'slz-bench-'));

interface Stat {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

function stat(values: readonly number[]): Stat {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]! };
}

function scenario(name: string, args: readonly string[]): ScenarioResult {
  const r = spawnSync(process.execPath, [join(SCENARIOS, `${name}.js`), ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${name} ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ScenarioResult;
}

/** Warm-up, then measured runs; each run gets fresh output directories. */
function repeat(runs: number, once: (i: number) => ScenarioResult): ScenarioResult[] {
  once(-1);
  return Array.from({ length: runs }, (_, i) => once(i));
}

function summarize(results: readonly ScenarioResult[]): { phases: Record<string, Stat>; total: Stat; peakRssMiB: Stat; resources?: number; bytes?: number } {
  const phaseNames = Object.keys(results[0]!.phases);
  const phases = Object.fromEntries(phaseNames.map((p) => [p, stat(results.map((r) => r.phases[p]!))]));
  return {
    phases,
    total: stat(results.map((r) => Object.values(r.phases).reduce((a, b) => a + b, 0))),
    peakRssMiB: stat(results.map((r) => r.peakRssMiB)),
    ...(results[0]!.resources !== undefined ? { resources: results[0]!.resources } : {}),
    ...(results[0]!.bytes !== undefined ? { bytes: results[0]!.bytes } : {}),
  };
}

/** Whole-process wall time of a command, warm-up then `runs` times. */
function wallTime(args: readonly string[], runs = 10): Stat {
  const once = () => {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
    return performance.now() - t;
  };
  once();
  return stat(Array.from({ length: runs }, once));
}

const fmt = (s: Stat, unit = 'ms', digits = 0) => `${s.median.toFixed(digits)} ${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

const results: Record<string, unknown> = {};
const lines: string[] = [];
const out = (l = '') => {
  lines.push(l);
  process.stdout.write(`${l}\n`);
};

out(`# slz benchmark — ${new Date().toISOString().slice(0, 10)}`);
out();
out(`Node ${process.version}, ${osType()} ${release()}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB. Medians with min–max; ${process.env.BENCH_RUNS ?? '5 (3 at 1,000 tenants)'} runs after a warm-up, each in a fresh process.`);
out();

// 1–3. Pipeline scaling, raw cdktf baseline and the floor, per size.
out('## Pipeline vs raw cdktf vs floor');
out();
out('| tenants | resources | validate | synth | compliance | CBOM | pipeline total | raw cdktf | pipeline / raw | floor (stringify+write) | ms / resource | peak RSS |');
out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const pipeline: Record<number, ReturnType<typeof summarize>> = {};
let largestTree = '';
for (const size of sizes) {
  const file = join(work, `lz-${size}.yaml`);
  writeFileSync(file, generateLandingZone(size, join(ROOT, 'examples', 'minimal', 'landing-zone.yaml')));
  const runs = runsFor(size);
  const p = summarize(repeat(runs, (i) => scenario('pipeline', [file, join(work, `p-${size}-${i + 1}`)])));
  const tree = join(work, `p-${size}-1`);
  const b = summarize(repeat(runs, (i) => scenario('baseline', [tree, join(work, `b-${size}-${i + 1}`)])));
  const f = summarize(repeat(runs, (i) => scenario('floor', [tree, join(work, `f-${size}-${i + 1}`)])));
  pipeline[size] = p;
  if (largestTree) rmSync(largestTree, { recursive: true, force: true });
  largestTree = tree;
  results[`pipeline-${size}`] = { pipeline: p, baseline: b, floor: f };
  const ph = p.phases;
  const analysis = ph.compliance!.median + ph.cbom!.median;
  out(
    `| ${size} | ${p.resources} | ${fmt(ph.validate!)} | ${fmt(ph.synth!)} | ${fmt(ph.compliance!)} | ${fmt(ph.cbom!)} | ${fmt(p.total)} | ${fmt(b.total)} | ${ratio(p.total.median, b.total.median)} | ${fmt(f.total)} | ${(p.total.median / p.resources!).toFixed(2)} | ${fmt(p.peakRssMiB, 'MiB')} |`,
  );
  results[`analysis-share-${size}`] = analysis / ph.synth!.median;
  for (let i = 0; i <= runs; i++) for (const k of ['b', 'f', ...(i === 1 ? [] : ['p'])]) rmSync(join(work, `${k}-${size}-${i}`), { recursive: true, force: true });
}
out();
out('| tenants | compliance + CBOM as a share of synthesis | time per resource vs 100 tenants |');
out('|---:|---:|---:|');
for (const size of sizes) {
  const p = pipeline[size]!;
  const per = p.total.median / p.resources!;
  const base = pipeline[100] ? pipeline[100].total.median / pipeline[100].resources! : undefined;
  out(`| ${size} | ${(((results[`analysis-share-${size}`] as number) ?? 0) * 100).toFixed(1)} % | ${base ? ratio(per, base) : '—'} |`);
}
out();

// 4. Cold start.
out('## Cold start (whole process)');
out();
const floor = wallTime(['-e', '0']);
const help = wallTime([SLZ, '--help']);
const validate = wallTime([SLZ, 'validate', join(ROOT, 'examples', 'minimal', 'landing-zone.yaml')]);
results.coldStart = { nodeFloor: floor, help, validate };
out('| command | time | vs `node -e 0` |');
out('|---|---:|---:|');
out(`| \`node -e 0\` | ${fmt(floor)} | 1.00× |`);
out(`| \`slz --help\` | ${fmt(help)} | ${ratio(help.median, floor.median)} |`);
out(`| \`slz validate\` (minimal) | ${fmt(validate)} | ${ratio(validate.median, floor.median)} |`);
out();

// 5. Review of a large plan.
if (existsSync(join(ROOT, 'dist', 'src', 'cli', 'commands', 'review.js'))) {
  const plan = join(work, 'plan.json');
  writeFileSync(plan, generatePlan(reviewChanges));
  const size = statSync(plan).size;
  const r = summarize(repeat(3, () => scenario('review', [plan])));
  const parse = summarize(repeat(3, () => scenario('parse', [plan])));
  results.review = { changes: reviewChanges, fileBytes: size, review: r, parse };
  out(`## Review of ${reviewChanges.toLocaleString('en')} changes (${(size / 2 ** 20).toFixed(1)} MiB plan)`);
  out();
  out('| | time | peak RSS |');
  out('|---|---:|---:|');
  out(`| \`slz review\` (md) | ${fmt(r.total)} | ${fmt(r.peakRssMiB, 'MiB')} |`);
  out(`| \`JSON.parse\` of the file | ${fmt(parse.total)} | ${fmt(parse.peakRssMiB, 'MiB')} |`);
  out(`| ratio | ${ratio(r.total.median, parse.total.median)} | RSS ${(r.peakRssMiB.median / (size / 2 ** 20)).toFixed(2)} × file size |`);
  out();
}

// 6. Pipeline generation (slz pipeline) from the largest output's stack graph.
if (largestTree) {
  const g = summarize(repeat(3, () => scenario('orchestration', [largestTree])));
  results.orchestration = g;
  out(`## slz pipeline (${sizes[sizes.length - 1]} tenants, ${g.resources} stacks)`);
  out();
  out('| stack graph from the tree | GitLab CI | GitHub Actions | Atlantis | generation total (3 files) |');
  out('|---:|---:|---:|---:|---:|');
  const ph = g.phases;
  const gen = ph.gitlab!.median + ph.github!.median + ph.atlantis!.median;
  out(`| ${fmt(ph.graph!)} | ${fmt(ph.gitlab!)} | ${fmt(ph.github!)} | ${fmt(ph.atlantis!)} | ${gen.toFixed(0)} ms |`);
  out();
}

// 7. Compliance alone on the largest output.
if (largestTree) {
  const tree = largestTree;
  const c = summarize(repeat(3, () => scenario('compliance', [tree])));
  results.complianceAlone = c;
  out(`## Compliance alone (${sizes[sizes.length - 1]} tenants, ${((c.bytes ?? 0) / 2 ** 20).toFixed(1)} MiB of JSON)`);
  out();
  out(`| JSON.parse | compliance | compliance / parse |`);
  out('|---:|---:|---:|');
  out(`| ${fmt(c.phases['JSON.parse']!)} | ${fmt(c.phases.compliance!)} | ${ratio(c.phases.compliance!.median, c.phases['JSON.parse']!.median)} |`);
  out();
}

const resultsDir = join(ROOT, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  join(resultsDir, 'latest.json'),
  `${JSON.stringify({ date: new Date().toISOString(), machine: { node: process.version, os: `${osType()} ${release()}`, cpus: cpus().map((c) => c.model), totalMemGiB: totalmem() / 2 ** 30, freeMemGiB: freemem() / 2 ** 30 }, sizes, results, markdown: lines.join('\n') }, null, 2)}\n`,
);
rmSync(work, { recursive: true, force: true });
process.stdout.write(`\nwrote bench/results/latest.json\n`);
