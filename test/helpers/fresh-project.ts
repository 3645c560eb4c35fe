/**
 * A new user's first hour, run for real: `slz init` from this checkout's built binary into an
 * empty temp folder, then every step init printed, run as printed in a shell, then `npm ci` on a
 * fresh copy of the project (what CI does with the committed lock file and tarball).
 *
 * The registry is used for the project's dependencies only. After `npm install`, the registry is
 * pointed at an unreachable address and npm is set offline, so a step that would fetch anything
 * (npx downloading slz, a dependency fetching at run time) fails instead of passing by accident.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from './synth';

const ROOT = resolve(__dirname, '..', '..');

export interface StepRun {
  readonly step: string;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

export interface FreshProject {
  readonly dir: string;
  readonly init: StepRun;
  /** The commands init printed after "Next:", in order, without the leading `cd DIR`. */
  readonly printed: readonly string[];
  readonly steps: readonly StepRun[];
}

/** Environment of the steps after `npm install`: no registry, no network for npm. */
const NO_NETWORK = {
  npm_config_registry: 'http://127.0.0.1:9/',
  npm_config_offline: 'true',
  npm_config_fetch_retries: '0',
};

function run(step: string, cwd: string, env: NodeJS.ProcessEnv = {}): StepRun {
  const started = process.hrtime.bigint();
  // A clean npm environment: nothing inherited from the npm that runs this test suite.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'INIT_CWD'));
  const r = spawnSync('bash', ['-c', step], { cwd, encoding: 'utf8', env: { ...inherited, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { step, code: r.status, stdout: r.stdout, stderr: r.stderr, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** `slz init EXAMPLE NAME` in a new temp folder, then each printed step. Stops at the first failing step. */
export function freshProject(example: string): FreshProject {
  const base = tempDir('slz-fresh-');
  const name = `my-${example}`;
  const init = run(`node ${JSON.stringify(join(ROOT, 'bin', 'slz.js'))} init ${example} ${name}`, base);
  const lines = init.stdout.split('\n');
  const next = lines.indexOf('Next:');
  const printed = next < 0 ? [] : lines.slice(next + 1).map((l) => l.trim()).filter(Boolean);
  const dir = join(base, name);
  const steps: StepRun[] = [];
  if (init.code !== 0 || printed[0] !== `cd ${name}`) return { dir, init, printed, steps };
  let installed = false;
  for (const step of printed.slice(1)) {
    const r = run(step, dir, installed ? NO_NETWORK : { npm_config_prefer_offline: 'true' });
    steps.push(r);
    if (r.code !== 0) break;
    if (step.startsWith('npm install')) installed = true;
  }
  return { dir, init, printed: printed.slice(1), steps };
}

/** A copy of the project as a fresh clone of its repository holds it (what .gitignore keeps), installed with `npm ci`. */
export function cleanCloneCi(project: string): { dir: string; ci: StepRun; git: StepRun } {
  const git = run('git init -q && git add -A && git -c user.name=t -c user.email=t@example.invalid commit -qm init && git ls-files', project);
  const clone = join(tempDir('slz-clone-'), 'clone');
  mkdirSync(clone);
  for (const file of git.stdout.split('\n').filter(Boolean)) {
    mkdirSync(join(clone, file, '..'), { recursive: true });
    cpSync(join(project, file), join(clone, file));
  }
  const ci = run('npm ci', clone, { npm_config_prefer_offline: 'true' });
  return { dir: clone, ci, git };
}

/** Files Terraform/OpenTofu and a user leave in the project, to check what git would keep. */
export function plantUserFiles(project: string, stack: string): void {
  const files: Record<string, string> = {
    [`terraform-state/${stack}.tfstate`]: '{"version":4}',
    [`terraform-state/${stack}.tfstate.backup`]: '{"version":4}',
    [`cdktf.out/stacks/${stack}/.terraform.lock.hcl`]: '# lock\n',
    [`cdktf.out/stacks/${stack}/.terraform/providers/x`]: 'binary',
    [`cdktf.out/stacks/${stack}/plan.bin`]: 'plan',
    ['plans/platform.json']: '{}',
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(project, path, '..'), { recursive: true });
    writeFileSync(join(project, path), content);
  }
}

/** The registry npm uses here (the only source a project's dependencies may come from). */
export function registry(): string {
  return run('npm config get registry', ROOT).stdout.trim();
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export function removeTree(dir: string): void {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
