/**
 * `npm run bench`: builds once (the npm script), then runs each scenario in fresh child processes,
 * a warm-up first, several measured runs after, and prints medians with min–max as Markdown. The
 * same data goes to bench/results/latest.json (and the Markdown to latest.md) with machine
 * information and the load average before and after. Every ratio compares numbers measured in this
 * run, on this machine. Peers (Checkov, tf-summarize) run when installed (bench/peers.ts) and are
 * skipped with a line saying so otherwise.
 *
 * Environment: BENCH_SIZES (default 1,10,100,1000), BENCH_RUNS (default 5; 3 at 1,000 tenants),
 * BENCH_REVIEW_CHANGES (default 20000), BENCH_PEER_RUNS (default 3 at 100 tenants, 1 at 1,000).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, freemem, loadavg, release, tmpdir, totalmem, type as osType } from 'node:os';
import { join } from 'node:path';
import { generateLandingZone } from './generate';
import { generatePlan } from './generate-plan';
import { CHECKOV_COUNTERPARTS, CHECKOV_VERSION, checkovCopy, findCheckov, findTfSummarize, measure, runCheckov, TF_SUMMARIZE_VERSION, tfSummarizeCounts, versionOf, type CheckovRun, type Measured } from './peers';
import type { ScenarioResult } from './scenarios/common';

const ROOT = join(__dirname, '..', '..');
const SCENARIOS = join(__dirname, 'scenarios');
const SLZ = join(ROOT, 'bin', 'slz.js');
const sizes = (process.env.BENCH_SIZES ?? '1,10,100,1000').split(',').map(Number);
const runsFor = (size: number) => Number(process.env.BENCH_RUNS ?? (size >= 1000 ? 3 : 5));
const peerRunsFor = (size: number) => Number(process.env.BENCH_PEER_RUNS ?? (size >= 1000 ? 1 : 3));
const reviewChanges = Number(process.env.BENCH_REVIEW_CHANGES ?? 20000);
const work = mkdtempSync(join(tmpdir(), 'slz-bench-'));
const TODAY = '2026-11-21';
/** Sizes at which sharded synthesis is measured beside the single thread (and peers run). */
const SHARDED = (size: number) => size >= 100;

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

/**
 * One scenario in a fresh process. Under GNU time its peak RSS also covers the child processes it
 * waited for (the shard runner of a parallel synth), which the process cannot see itself.
 */
function scenario(name: string, args: readonly string[]): ScenarioResult {
  const node = [process.execPath, join(SCENARIOS, `${name}.js`), ...args];
  const stats = join(work, 'time.txt');
  const timed = existsSync('/usr/bin/time');
  const r = timed ? spawnSync('/usr/bin/time', ['-f', '%M', '-o', stats, ...node], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }) : spawnSync(node[0]!, node.slice(1), { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${name} ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  const result = JSON.parse(r.stdout.trim().split('\n').pop()!) as ScenarioResult;
  if (!timed || !existsSync(stats)) return result;
  const kib = Number(readFileSync(stats, 'utf8').trim().split('\n').pop());
  return Number.isFinite(kib) ? { ...result, peakRssMiB: Math.max(result.peakRssMiB, kib / 1024) } : result;
}

/** Warm-up, then measured runs; each run gets fresh output directories. */
function repeat(runs: number, once: (i: number) => ScenarioResult): ScenarioResult[] {
  once(-1);
  return Array.from({ length: runs }, (_, i) => once(i));
}

/**
 * Several scenarios measured in turns — a warm-up round, then `runs` rounds of each in order — so
 * that load from other work on the machine falls on all of them alike, not on whichever ran last.
 */
function interleave(runs: number, variants: Readonly<Record<string, (i: number) => ScenarioResult>>): Record<string, ScenarioResult[]> {
  const out: Record<string, ScenarioResult[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let i = -1; i < runs; i++) for (const [k, once] of Object.entries(variants)) {
    const r = once(i);
    if (i >= 0) out[k]!.push(r);
  }
  return out;
}

interface Summary {
  phases: Record<string, Stat>;
  total: Stat;
  peakRssMiB: Stat;
  cpuMs: Stat;
  resources?: number;
  bytes?: number;
  jobs?: number;
}

function summarize(results: readonly ScenarioResult[]): Summary {
  const phaseNames = Object.keys(results[0]!.phases);
  const phases = Object.fromEntries(phaseNames.map((p) => [p, stat(results.map((r) => r.phases[p]!))]));
  return {
    phases,
    total: stat(results.map((r) => Object.values(r.phases).reduce((a, b) => a + b, 0))),
    peakRssMiB: stat(results.map((r) => r.peakRssMiB)),
    cpuMs: stat(results.map((r) => r.cpuMs ?? 0)),
    ...(results[0]!.resources !== undefined ? { resources: results[0]!.resources } : {}),
    ...(results[0]!.bytes !== undefined ? { bytes: results[0]!.bytes } : {}),
    ...(results[0]!.jobs !== undefined ? { jobs: results[0]!.jobs } : {}),
  };
}

interface CommandStats {
  wall: Stat;
  rss?: Stat;
  cpu?: Stat;
  last: Measured;
}

/** A whole command, warm-up then `runs` times: wall, and RSS and CPU where GNU time reports them. */
function commandStats(runs: number, command: string, args: readonly string[], warm = true): CommandStats {
  if (warm) measure(command, args);
  return statsOf(Array.from({ length: runs }, () => measure(command, args)));
}

/** Whole commands in turns (a warm-up round, then `runs` rounds), as `interleave` does for scenarios. */
function commandsInTurn(runs: number, commands: Readonly<Record<string, readonly [string, readonly string[]]>>): Record<string, CommandStats> {
  const ms: Record<string, Measured[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = -1; i < runs; i++) for (const [k, [command, args]] of Object.entries(commands)) {
    const m = measure(command, args);
    if (i >= 0) ms[k]!.push(m);
  }
  return Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, statsOf(v)]));
}

function statsOf(ms: readonly Measured[]): CommandStats {
  const rss = ms.every((m) => m.rssMiB !== undefined) ? stat(ms.map((m) => m.rssMiB!)) : undefined;
  const cpu = ms.every((m) => m.cpuMs !== undefined) ? stat(ms.map((m) => m.cpuMs!)) : undefined;
  return { wall: stat(ms.map((m) => m.wallMs)), ...(rss ? { rss } : {}), ...(cpu ? { cpu } : {}), last: ms[ms.length - 1]! };
}

/** Whole-process wall time of a node command, warm-up then `runs` times. */
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

/** Every file of two trees, by path and bytes: the paths that differ. */
function treeDifferences(a: string, b: string): { files: number; differing: string[] } {
  const list = (dir: string, base = ''): string[] =>
    readdirSync(join(dir, base), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(dir, join(base, e.name)) : [join(base, e.name)]));
  const left = list(a).sort();
  const right = new Set(list(b));
  const differing = left.filter((f) => !right.has(f) || !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
  for (const f of right) if (!left.includes(f)) differing.push(f);
  return { files: left.length, differing };
}

const fmt = (s: Stat, unit = 'ms', digits = 0) => `${s.median.toFixed(digits)} ${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
const med = (s: Stat | undefined, unit = 'ms', digits = 0) => (s ? `${s.median.toFixed(digits)} ${unit}` : '—');
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const results: Record<string, unknown> = {};
const ratios: { what: string; measured: string; target: string; verdict: string }[] = [];
const lines: string[] = [];
const out = (l = '') => {
  lines.push(l);
  process.stdout.write(`${l}\n`);
};
const load = () => loadavg().map((l) => l.toFixed(1)).join(', ');
const loadBefore = load();
/** Two threads' throughput over one thread's on an integer loop (2.00 = two free cores), now. */
const probe = () => {
  const r = scenario('probe', []);
  return (2 * r.phases['one thread']!) / r.phases['two threads']!;
};
const probeBefore = probe();

out(`# slz benchmark — ${new Date().toISOString().slice(0, 10)}`);
out();
out(
  `Node ${process.version}, ${osType()} ${release()}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} (availableParallelism ${availableParallelism()}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB. Load average (1, 5, 15 min) at the start: ${loadBefore}; two threads of CPU work ran ${probeBefore.toFixed(2)}× one thread's throughput (2.00 = two free cores). Medians with min–max; ${process.env.BENCH_RUNS ?? '5 (3 at 1,000 tenants)'} runs after a warm-up, each in a fresh process. CPU is user + system of the process and the children it waited for.`,
);
out();

// 1. Pipeline (one thread and sharded), raw cdktf baseline and the floor, per size.
out('## Pipeline vs raw cdktf');
out();
out('`slz synth` whole: validate, cdktf synthesis, stack graph, compliance and its three reports, CBOM, OpenBao audit stanzas, atomic swap. Raw cdktf: the same resources through the provider classes in one plain cdktf App, synthesized (bench/scenarios/baseline.ts).');
out();
out('| tenants | resources | jobs | validate | synth | compliance | CBOM | read + write | pipeline | CPU | raw cdktf | raw CPU | pipeline / raw | floor | peak RSS |');
out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const pipeline: Record<number, Record<number, Summary>> = {};
const baselines: Record<number, Summary> = {};
const keptTrees: Record<number, string> = {};
for (const size of sizes) {
  const file = join(work, `lz-${size}.yaml`);
  writeFileSync(file, generateLandingZone(size, join(ROOT, 'examples', 'minimal', 'landing-zone.yaml')));
  const runs = runsFor(size);
  pipeline[size] = {};
  const jobsList = SHARDED(size) ? [1, 2] : [1];
  // The raw baseline and the floor re-create what the first one-thread run wrote (its warm-up's tree, then each run's own).
  const tree = join(work, `p-${size}-j1-1`);
  const measured = interleave(runs, {
    ...Object.fromEntries(jobsList.map((jobs) => [`j${jobs}`, (i: number) => scenario('pipeline', [file, join(work, `p-${size}-j${jobs}-${i + 1}`), String(jobs)])])),
    baseline: (i) => scenario('baseline', [join(work, `p-${size}-j1-${i + 1}`), join(work, `b-${size}-${i + 1}`)]),
    floor: (i) => scenario('floor', [join(work, `p-${size}-j1-${i + 1}`), join(work, `f-${size}-${i + 1}`)]),
  });
  for (const jobs of jobsList) pipeline[size][jobs] = summarize(measured[`j${jobs}`]!);
  const b = summarize(measured.baseline!);
  const f = summarize(measured.floor!);
  baselines[size] = b;
  results[`pipeline-${size}`] = { pipeline: pipeline[size], baseline: b, floor: f };
  for (const jobs of jobsList) {
    const p = pipeline[size][jobs]!;
    const ph = p.phases;
    out(
      `| ${size} | ${p.resources} | ${p.jobs} | ${med(ph.validate)} | ${med(ph.synth)} | ${med(ph.compliance)} | ${med(ph.cbom)} | ${(ph.read!.median + ph.write!.median).toFixed(0)} ms | ${fmt(p.total)} | ${med(p.cpuMs)} | ${fmt(b.total)} | ${med(b.cpuMs)} | **${ratio(p.total.median, b.total.median)}** | ${med(f.total)} | ${med(p.peakRssMiB, 'MiB')} |`,
    );
  }
  if (SHARDED(size)) {
    // The sharded tree must be the single-thread tree, byte for byte.
    const d = treeDifferences(tree, join(work, `p-${size}-j2-1`));
    results[`identity-${size}`] = d;
    keptTrees[size] = tree;
  }
  for (let i = 0; i <= runs; i++) {
    for (const k of ['b', 'f']) rmSync(join(work, `${k}-${size}-${i}`), { recursive: true, force: true });
    for (const jobs of jobsList) if (!(jobs === 1 && i === 1 && SHARDED(size))) rmSync(join(work, `p-${size}-j${jobs}-${i}`), { recursive: true, force: true });
  }
  if (!SHARDED(size)) rmSync(tree, { recursive: true, force: true });
}
out();
for (const size of sizes.filter(SHARDED)) {
  const p1 = pipeline[size]![1]!;
  const p2 = pipeline[size]![2]!;
  const d = results[`identity-${size}`] as { files: number; differing: string[] };
  out(
    `${size} tenants: 2 shards take ${ratio(p2.total.median, p1.total.median)} the time of one thread (speed-up ${(p1.total.median / p2.total.median).toFixed(2)}×; synth phase alone ${(p1.phases.synth!.median / p2.phases.synth!.median).toFixed(2)}×) for ${ratio(p2.cpuMs.median, p1.cpuMs.median)} the CPU. Sharded tree vs one-thread tree: ${d.differing.length === 0 ? `**byte-identical** (${d.files} files)` : `**DIFFERENT** in ${d.differing.length} of ${d.files} files (${d.differing.slice(0, 5).join(', ')})`}.`,
  );
  out();
  const best = Math.min(p1.total.median, p2.total.median);
  const b = baselines[size]!;
  ratios.push({ what: `pipeline / raw cdktf, ${size.toLocaleString('en')} tenants (2 shards; one thread)`, measured: `${ratio(p2.total.median, b.total.median)}; ${ratio(p1.total.median, b.total.median)}`, target: size >= 1000 ? '≤ 1.0×' : '(tracked)', verdict: size >= 1000 ? (best / b.total.median <= 1 ? 'met' : 'missed') : '' });
}

// 2. Cold start.
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

// 3. Review of a large plan, and tf-summarize on the same file.
const plan = join(work, 'plan.json');
writeFileSync(plan, generatePlan(reviewChanges));
const planBytes = statSync(plan).size;
{
  const m = interleave(5, { review: () => scenario('review', [plan]), parse: () => scenario('parse', [plan]) });
  const r = summarize(m.review!);
  const parse = summarize(m.parse!);
  results.review = { changes: reviewChanges, fileBytes: planBytes, review: r, parse };
  const rssLimit = (4 * planBytes) / 2 ** 20 + 100;
  out(`## Review of ${reviewChanges.toLocaleString('en')} changes (${(planBytes / 2 ** 20).toFixed(1)} MiB plan)`);
  out();
  out('| | time | CPU (whole process) | peak RSS |');
  out('|---|---:|---:|---:|');
  out(`| \`slz review\` (md), in process | ${fmt(r.total)} | ${med(r.cpuMs)} | ${fmt(r.peakRssMiB, 'MiB')} |`);
  out(`| \`JSON.parse\` of the file | ${fmt(parse.total)} | ${med(parse.cpuMs)} | ${fmt(parse.peakRssMiB, 'MiB')} |`);
  out(`| ratio | **${ratio(r.total.median, parse.total.median)}** | ${ratio(r.cpuMs.median, parse.cpuMs.median)} | limit 4 × file + 100 MiB = ${rssLimit.toFixed(0)} MiB |`);
  out();
  ratios.push({ what: `review / JSON.parse, ${reviewChanges.toLocaleString('en')} changes`, measured: ratio(r.total.median, parse.total.median), target: '≤ 3×', verdict: r.total.median / parse.total.median <= 3 ? 'met' : 'missed' });
  ratios.push({ what: 'review peak RSS', measured: `${r.peakRssMiB.median.toFixed(0)} MiB`, target: `≤ ${rssLimit.toFixed(0)} MiB`, verdict: r.peakRssMiB.median <= rssLimit ? 'met' : 'missed' });

  const tfs = findTfSummarize();
  out(`### Beside tf-summarize (whole processes, same plan file)`);
  out();
  if (!tfs) {
    out(`tf-summarize not found: skipped (install: \`GOBIN=~/.cache/slz-bench/bin go install github.com/dineshba/tf-summarize@${TF_SUMMARIZE_VERSION}\`, or set SLZ_BENCH_TF_SUMMARIZE).`);
    results.tfSummarize = { skipped: true };
  } else {
    const version = versionOf(tfs, '-v');
    const both = commandsInTurn(5, { slz: [process.execPath, [SLZ, 'review', '--plan', plan, '--format', 'md', '--fail-on', 'never']], tfs: [tfs, ['-md', plan]] });
    const slzRun = both.slz!;
    const tfsRun = both.tfs!;
    const counts = tfSummarizeCounts(tfs, plan);
    const slzJson = JSON.parse(spawnSync(process.execPath, [SLZ, 'review', '--plan', plan, '--format', 'json', '--fail-on', 'never'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }).stdout) as { counts: { actions: Record<string, number>; risks: Record<string, number> } };
    results.tfSummarize = { version, slz: slzRun, tfSummarize: tfsRun, counts, slzCounts: slzJson.counts };
    out(`tf-summarize: ${tfs} (\`-v\` prints "${version}").`);
    out();
    out('| | time | CPU | peak RSS | output | reports |');
    out('|---|---:|---:|---:|---:|---|');
    out(`| \`slz review --format md\` | ${fmt(slzRun.wall)} | ${med(slzRun.cpu)} | ${med(slzRun.rss, 'MiB')} | ${(slzRun.last.stdout.length / 1024).toFixed(0)} KiB | counts per action (${Object.entries(slzJson.counts.actions).filter(([, n]) => n).map(([k, n]) => `${k} ${n}`).join(', ')}); a risk level per change, ranked (${Object.entries(slzJson.counts.risks).map(([k, n]) => `${n} ${k}`).join(', ')}); reasons, attribute diffs of the highest risks within GitHub's 65,536-character comment limit |`);
    out(`| \`tf-summarize -md\` | ${fmt(tfsRun.wall)} | ${med(tfsRun.cpu)} | ${med(tfsRun.rss, 'MiB')} | ${(tfsRun.last.stdout.length / 1024).toFixed(0)} KiB | counts per action (${counts ? Object.entries(counts).filter(([, n]) => n).map(([k, n]) => `${k} ${n}`).join(', ') : '?'}) and every changed address in one table; no risk, no reason, no attribute |`);
    out(`| ratio | **${ratio(slzRun.wall.median, tfsRun.wall.median)}** | ${slzRun.cpu && tfsRun.cpu ? ratio(slzRun.cpu.median, tfsRun.cpu.median) : '—'} | | | |`);
    out();
    ratios.push({ what: 'slz review / tf-summarize (whole processes)', measured: ratio(slzRun.wall.median, tfsRun.wall.median), target: '≤ 1.0×', verdict: slzRun.wall.median <= tfsRun.wall.median ? 'met' : 'missed' });
  }
}

// 6. Pipeline generation (slz pipeline) from the largest output's stack graph.
const largestSharded = sizes.filter(SHARDED).pop();
if (largestSharded !== undefined) {
  const g = summarize(repeat(3, () => scenario('orchestration', [keptTrees[largestSharded]!])));
  results.orchestration = g;
  out(`## slz pipeline (${largestSharded.toLocaleString('en')} tenants, ${g.resources} stacks)`);
  out();
  out('| stack graph from the tree | GitLab CI | GitHub Actions | Atlantis | generation total (3 files) |');
  out('|---:|---:|---:|---:|---:|');
  const ph = g.phases;
  const gen = ph.gitlab!.median + ph.github!.median + ph.atlantis!.median;
  out(`| ${fmt(ph.graph!)} | ${fmt(ph.gitlab!)} | ${fmt(ph.github!)} | ${fmt(ph.atlantis!)} | ${gen.toFixed(0)} ms |`);
  out();
}

// 4. Compliance alone on the largest output.
const largest = sizes.filter(SHARDED).pop();
if (largest !== undefined) {
  const tree = keptTrees[largest]!;
  const c = summarize(repeat(3, () => scenario('compliance', [tree])));
  results.complianceAlone = c;
  out(`## Compliance alone (${largest.toLocaleString('en')} tenants, ${((c.bytes ?? 0) / 2 ** 20).toFixed(1)} MiB of JSON)`);
  out();
  out(`| JSON.parse | compliance | compliance / parse |`);
  out('|---:|---:|---:|');
  out(`| ${fmt(c.phases['JSON.parse']!)} | ${fmt(c.phases.compliance!)} | ${ratio(c.phases.compliance!.median, c.phases['JSON.parse']!.median)} |`);
  out();
}

// 5. slz check beside Checkov on the same trees.
{
  const checkov = findCheckov();
  out('## `slz check` beside Checkov (whole processes, same synthesized trees)');
  out();
  if (!checkov) {
    out(`Checkov not found: skipped (install: \`python3 -m venv ~/.cache/slz-bench/checkov-venv && ~/.cache/slz-bench/checkov-venv/bin/pip install checkov==${CHECKOV_VERSION}\`, or set SLZ_BENCH_CHECKOV).`);
    results.checkov = { skipped: true };
  } else {
    const version = versionOf(checkov, '--version');
    out(`Checkov ${version} (${checkov}), \`--framework terraform_json --skip-download\`. Checkov ${CHECKOV_VERSION} stops at \`terraform.required_version\` in every cdktf stack (bridgecrewio/checkov#7454): it is run on the tree as written, and on a copy without that one attribute (which no Checkov check reads) so it sees the resources.`);
    out();
    out('| tenants | stacks | `slz check` | CPU | RSS | Checkov, tree as written | Checkov, copy | CPU | RSS | Checkov / slz check |');
    out('|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|');
    let parity: CheckovRun | undefined;
    const checkovResults: Record<number, unknown> = {};
    for (const size of sizes.filter(SHARDED)) {
      const tree = keptTrees[size]!;
      const runs = peerRunsFor(size);
      const check = [SLZ, 'check', tree, '--today', TODAY];
      const asIs = runCheckov(checkov, join(tree, 'stacks'));
      const copy = join(work, `checkov-${size}`);
      checkovCopy(tree, copy);
      // In turns, after a warm-up of slz (Checkov's own first run above warmed its files).
      measure(process.execPath, check);
      const slzMs: Measured[] = [];
      const copyRuns: CheckovRun[] = [];
      for (let i = 0; i < runs; i++) {
        slzMs.push(measure(process.execPath, check));
        copyRuns.push(runCheckov(checkov, copy));
      }
      const slzRun = statsOf(slzMs);
      const wall = stat(copyRuns.map((r) => r.wallMs));
      const cpu = copyRuns.every((r) => r.cpuMs !== undefined) ? stat(copyRuns.map((r) => r.cpuMs!)) : undefined;
      const rss = copyRuns.every((r) => r.rssMiB !== undefined) ? stat(copyRuns.map((r) => r.rssMiB!)) : undefined;
      const last = copyRuns[copyRuns.length - 1]!;
      parity = last;
      checkovResults[size] = { slz: slzRun, asIs: { wallMs: asIs.wallMs, parsed: asIs.parsed, parsingErrors: asIs.parsingErrors, passed: asIs.passed, failed: asIs.failed }, copy: { wall, cpu, rss, passed: last.passed, failed: last.failed, parsingErrors: last.parsingErrors } };
      const stacks = readdirSync(join(tree, 'stacks')).length;
      out(
        `| ${size.toLocaleString('en')} | ${stacks} | ${fmt(slzRun.wall)} | ${med(slzRun.cpu)} | ${med(slzRun.rss, 'MiB')} | ${sec(asIs.wallMs)}: ${asIs.parsingErrors} of ${stacks} stacks not parsed, ${asIs.passed + asIs.failed} checks | ${fmt(wall)}: ${last.passed} passed, ${last.failed} failed | ${med(cpu)} | ${med(rss, 'MiB')} | **${(wall.median / slzRun.wall.median).toFixed(1)}×** |`,
      );
      ratios.push({ what: `Checkov / slz check, ${size.toLocaleString('en')} tenants`, measured: `${(wall.median / slzRun.wall.median).toFixed(1)}×`, target: '≥ 20×', verdict: wall.median / slzRun.wall.median >= 20 ? 'met' : 'missed' });
      rmSync(copy, { recursive: true, force: true });
    }
    out();
    results.checkov = { version, runs: checkovResults };
    if (parity) {
      // Findings parity: which Checkov checks fire on our stacks, and which slz rules have no Checkov counterpart.
      const slzReport = JSON.parse(readFileSync(join(keptTrees[largest!]!, 'reports', 'compliance.json'), 'utf8')) as { findings: { ruleId: string; status?: string; level: string }[]; rules?: { id: string }[] };
      const firing = new Map<string, number>();
      for (const f of slzReport.findings) firing.set(f.ruleId, (firing.get(f.ruleId) ?? 0) + 1);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { ALL_PACKS } = require('../src/compliance') as typeof import('../src/compliance');
      const allRules = ALL_PACKS.flatMap((p) => p.rules.map((r) => r.id));
      out(`### Findings parity (${largest!.toLocaleString('en')} tenants)`);
      out();
      out('Every Checkov check that evaluated a resource of our stacks, and the slz rules that judge the same thing:');
      out();
      out('| Checkov check | resources | passed | failed | slz counterpart | matched by |');
      out('|---|---|---:|---:|---|---|');
      const mapped = new Set<string>();
      for (const [id, c] of [...parity.checks].sort(([a], [b]) => a.localeCompare(b))) {
        const cp = CHECKOV_COUNTERPARTS[id];
        for (const r of cp?.rules ?? []) mapped.add(r);
        out(`| ${id} ${c.name} | ${[...c.types].sort().join(', ')} | ${c.passed} | ${c.failed} | ${cp ? cp.rules.join(', ') : '—'} | ${cp?.basis ?? 'no slz rule judges this'} |`);
      }
      out();
      const without = allRules.filter((r) => !mapped.has(r));
      const byPack = ALL_PACKS.map((p) => `${p.id}: ${p.rules.filter((r) => without.includes(r.id)).map((r) => r.id).join(', ')}`);
      out(`slz rules with no Checkov counterpart on these stacks (${without.length} of ${allRules.length}): ${byPack.join('; ')}.`);
      out();
      results.parity = { checks: Object.fromEntries([...parity.checks].map(([k, v]) => [k, { ...v, types: [...v.types] }])), withoutCounterpart: without, slzFindingsByRule: Object.fromEntries(firing) };
    }
  }
}

// 6. `slz pipeline` generation at the largest size, when the command exists in this build.
if (largest !== undefined) {
  out(`## \`slz pipeline\` generation (${largest.toLocaleString('en')} tenants)`);
  out();
  if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'commands', 'pipeline.js'))) {
    out('`slz pipeline` is not in this build: skipped.');
    out();
    results.pipelineCommand = { skipped: true };
  } else {
    const tree = keptTrees[largest]!;
    const rows: Record<string, unknown> = {};
    out('| engine | time | CPU | peak RSS | file |');
    out('|---|---:|---:|---:|---:|');
    for (const target of ['gitlab', 'github', 'atlantis']) {
      const file = join(work, `pipeline-${target}.yml`);
      const r = commandStats(3, process.execPath, [SLZ, 'pipeline', tree, '--for', target, '--out', file]);
      if (r.last.status !== 0) {
        out(`| ${target} | failed (exit ${r.last.status}): ${r.last.stderr.split('\n')[0]} | | | |`);
        continue;
      }
      rows[target] = r;
      out(`| ${target} | ${fmt(r.wall)} | ${med(r.cpu)} | ${med(r.rss, 'MiB')} | ${(statSync(file).size / 1024).toFixed(0)} KiB |`);
    }
    out();
    results.pipelineCommand = rows;
  }
}

// The ratios, measured in this run.
out('## Ratios of this run');
out();
out('| | measured | target | |');
out('|---|---:|---:|---|');
for (const r of ratios) out(`| ${r.what} | ${r.measured} | ${r.target} | ${r.verdict ? `**${r.verdict}**` : ''} |`);
out();
const loadAfter = load();
const probeAfter = probe();
out(`Load average at the end: ${loadAfter}; two threads ran ${probeAfter.toFixed(2)}× one thread's throughput (other sessions build and test on this machine).`);

const resultsDir = join(ROOT, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  join(resultsDir, 'latest.json'),
  `${JSON.stringify({ date: new Date().toISOString(), machine: { node: process.version, os: `${osType()} ${release()}`, cpus: cpus().map((c) => c.model), availableParallelism: availableParallelism(), totalMemGiB: totalmem() / 2 ** 30, freeMemGiB: freemem() / 2 ** 30, loadBefore, loadAfter, parallelThroughput: { before: probeBefore, after: probeAfter } }, sizes, results, ratios, markdown: lines.join('\n') }, null, 2)}\n`,
);
writeFileSync(join(resultsDir, 'latest.md'), `${lines.join('\n')}\n`);
rmSync(work, { recursive: true, force: true });
process.stdout.write(`\nwrote bench/results/latest.json and latest.md\n`);
