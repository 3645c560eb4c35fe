/**
 * Peer tools the benchmark runs beside slz on the same inputs, when they are installed: Checkov
 * (against `slz check`) and tf-summarize (against `slz review`). Neither is a dependency of this
 * repository; `npm run bench` prints a skip line for a peer it cannot find and never fails for one.
 *
 * Where they are looked for: SLZ_BENCH_CHECKOV / SLZ_BENCH_TF_SUMMARIZE (a path), else the cache
 * the install commands below use (SLZ_BENCH_PEERS, default ~/.cache/slz-bench), else PATH.
 *   python3 -m venv ~/.cache/slz-bench/checkov-venv && ~/.cache/slz-bench/checkov-venv/bin/pip install checkov==3.3.30
 *   GOBIN=~/.cache/slz-bench/bin go install github.com/dineshba/tf-summarize@v0.3.20
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export const CHECKOV_VERSION = '3.3.30';
export const TF_SUMMARIZE_VERSION = 'v0.3.20';

const PEERS = process.env.SLZ_BENCH_PEERS ?? join(homedir(), '.cache', 'slz-bench');

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const p = join(dir, name);
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

function find(explicit: string | undefined, cached: string, name: string): string | undefined {
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  return existsSync(cached) ? cached : onPath(name);
}

export function findCheckov(): string | undefined {
  return find(process.env.SLZ_BENCH_CHECKOV, join(PEERS, 'checkov-venv', 'bin', 'checkov'), 'checkov');
}

export function findTfSummarize(): string | undefined {
  return find(process.env.SLZ_BENCH_TF_SUMMARIZE, join(PEERS, 'bin', 'tf-summarize'), 'tf-summarize');
}

/** First line a tool prints for its version flag. */
export function versionOf(command: string, flag: string): string {
  const r = spawnSync(command, [flag], { encoding: 'utf8' });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n')[0] ?? '?';
}

export interface Measured {
  readonly wallMs: number;
  /** Peak RSS of the command (GNU time), when /usr/bin/time is there. */
  readonly rssMiB?: number;
  /** User + system CPU of the command (GNU time). */
  readonly cpuMs?: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/** Runs a whole command once: wall time, and peak RSS and CPU through GNU time when it is installed. */
export function measure(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Measured {
  const stats = join(tmpdir(), `slz-bench-time-${process.pid}`);
  const timed = existsSync(GNU_TIME);
  const t = performance.now();
  const r = timed
    ? spawnSync(GNU_TIME, ['-f', '%M %U %S', '-o', stats, command, ...args], { encoding: 'utf8', env, maxBuffer: 512 * 1024 * 1024 })
    : spawnSync(command, args, { encoding: 'utf8', env, maxBuffer: 512 * 1024 * 1024 });
  const wallMs = performance.now() - t;
  let extra: { rssMiB?: number; cpuMs?: number } = {};
  if (timed && existsSync(stats)) {
    const [rssKiB, user, sys] = readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    extra = { rssMiB: rssKiB! / 1024, cpuMs: (user! + sys!) * 1000 };
    rmSync(stats, { force: true });
  }
  return { wallMs, ...extra, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

// ---------------------------------------------------------------------------------------------
// Checkov

/**
 * Checkov 3.3.30's terraform_json parser stops at `terraform.required_version` (a string where it
 * expects a block: bridgecrewio/checkov#7454, fix proposed in #7467), so it parses none of the
 * stacks cdktf writes with a required version. The benchmark runs it on the tree as written, and
 * on a copy without that one attribute, which no Checkov check reads.
 */
export function checkovCopy(synthDir: string, into: string): void {
  rmSync(into, { recursive: true, force: true });
  for (const name of readdirSync(join(synthDir, 'stacks'))) {
    const json = JSON.parse(readFileSync(join(synthDir, 'stacks', name, 'cdk.tf.json'), 'utf8')) as { terraform?: Record<string, unknown> };
    delete json.terraform?.required_version;
    mkdirSync(join(into, name), { recursive: true });
    writeFileSync(join(into, name, 'cdk.tf.json'), JSON.stringify(json, null, 2));
  }
}

export interface CheckovRun extends Measured {
  readonly parsed: number;
  readonly parsingErrors: number;
  readonly passed: number;
  readonly failed: number;
  /** check id → name, resource types, passed and failed counts. */
  readonly checks: ReadonlyMap<string, { name: string; types: Set<string>; passed: number; failed: number }>;
}

interface CheckovEntry {
  readonly check_id: string;
  readonly check_name: string;
  /** `resource.<name>` in the terraform_json framework: the type is not in it. */
  readonly resource: string;
  readonly file_abs_path?: string;
}

/** `checkov -d DIR --framework terraform_json`, offline (`--skip-download`), JSON output. */
export function runCheckov(checkov: string, dir: string): CheckovRun {
  const m = measure(checkov, ['-d', dir, '--framework', 'terraform_json', '-o', 'json', '--compact', '--skip-download'], { ...process.env, BC_SKIP_MAPPING: 'TRUE' });
  const doc = JSON.parse(m.stdout || '{}') as unknown;
  const report = (Array.isArray(doc) ? doc[0] : doc) as { results?: { passed_checks?: CheckovEntry[]; failed_checks?: CheckovEntry[] }; summary?: Record<string, number>; passed?: number; parsing_errors?: number };
  const summary = report.summary ?? (report as Record<string, number>);
  const checks = new Map<string, { name: string; types: Set<string>; passed: number; failed: number }>();
  // Checkov names the resource without its type here: the type is read back from the stack file.
  const typesByName = new Map<string, Map<string, string>>();
  const typeOf = (e: CheckovEntry): string => {
    const name = e.resource.replace(/^resource\./, '');
    const file = e.file_abs_path;
    if (!file || !existsSync(file)) return name;
    let byName = typesByName.get(file);
    if (!byName) {
      byName = new Map();
      const json = JSON.parse(readFileSync(file, 'utf8')) as { resource?: Record<string, Record<string, unknown>> };
      for (const [type, resources] of Object.entries(json.resource ?? {})) for (const n of Object.keys(resources)) byName.set(n, type);
      typesByName.set(file, byName);
    }
    return byName.get(name) ?? name;
  };
  const add = (e: CheckovEntry, outcome: 'passed' | 'failed') => {
    const c = checks.get(e.check_id) ?? { name: e.check_name, types: new Set<string>(), passed: 0, failed: 0 };
    c.types.add(typeOf(e));
    c[outcome]++;
    checks.set(e.check_id, c);
  };
  for (const e of report.results?.passed_checks ?? []) add(e, 'passed');
  for (const e of report.results?.failed_checks ?? []) add(e, 'failed');
  const passed = summary.passed ?? 0;
  const failed = summary.failed ?? 0;
  return { ...m, parsed: readdirSync(dir).length - (summary.parsing_errors ?? 0), parsingErrors: summary.parsing_errors ?? 0, passed, failed, checks };
}

/**
 * The slz rules that judge what each Checkov check judges, matched by what the check looks at
 * (its title) and the CIS Kubernetes Benchmark control our rule cites. A check missing here is
 * listed as having no slz counterpart.
 */
export const CHECKOV_COUNTERPARTS: Readonly<Record<string, { readonly rules: readonly string[]; readonly basis: string }>> = {
  CKV_K8S_21: { rules: ['KT-NS6'], basis: 'default namespace not used (KT-NS6 cites CIS-K8S 5.7.4)' },
  CKV_K8S_41: { rules: ['KT-SA1', 'KT-RB6'], basis: 'default service accounts not used (CIS-K8S 5.1.5)' },
  CKV_K8S_42: { rules: ['KT-SA1', 'KT-RB6'], basis: 'default service accounts not used (CIS-K8S 5.1.5)' },
  CKV_K8S_49: { rules: ['KT-RB1'], basis: 'no wildcards in roles (CIS-K8S 5.1.3)' },
  CKV_K8S_29: { rules: ['KT-WL1'], basis: 'security context on pods and containers (KT-WL1 cites CIS-K8S 5.7.3)' },
  CKV_K8S_27: { rules: ['KT-WL2', 'KT-PLT1'], basis: 'no host socket mounted (hostPath: CIS-K8S 5.2.12)' },
};

// ---------------------------------------------------------------------------------------------
// tf-summarize

/** tf-summarize's counts (`-json-sum`): changes per action. */
export function tfSummarizeCounts(tfSummarize: string, plan: string): Record<string, number> | undefined {
  const r = spawnSync(tfSummarize, ['-json-sum', plan], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  try {
    const doc = JSON.parse(r.stdout) as { changes?: Record<string, number> } & Record<string, unknown>;
    const counts = (doc.changes ?? doc) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(counts).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
  } catch {
    return undefined;
  }
}
