/**
 * A landing-zone repository in a temp folder, as a user has it: the landing-zone file at the root,
 * `slz synth` output in cdktf.out/, and the files `slz pipeline` generates for each engine, written
 * by the CLI (a child process with the repository as working directory, as in CI).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { tempDir } from './synth';

export const ROOT = join(__dirname, '..', '..');
export const SLZ = join(ROOT, 'bin', 'slz.js');

export const PIPELINE_FILES = { gitlab: '.gitlab/slz-pipeline.yml', github: '.github/workflows/slz-stacks.yml', atlantis: 'atlantis.yaml' } as const;

export interface PipelineRepo {
  readonly dir: string;
  read(target: keyof typeof PIPELINE_FILES): string;
}

export function slzIn(cwd: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [SLZ, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function pipelineRepo(example: string, engine: 'tofu' | 'terraform' = 'tofu'): PipelineRepo {
  const dir = join(tempDir('slz-repo-'), 'repo');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(ROOT, 'examples', example, 'landing-zone.yaml'), join(dir, 'landing-zone.yaml'));
  const synth = slzIn(dir, 'synth', 'landing-zone.yaml', '--out', 'cdktf.out');
  if (synth.code > 1) throw new Error(`synth failed: ${synth.stderr}`);
  for (const [target, file] of Object.entries(PIPELINE_FILES)) {
    const r = slzIn(dir, 'pipeline', '--for', target, 'cdktf.out', '--engine', engine, '--out', file);
    if (r.code !== 0) throw new Error(`pipeline --for ${target} failed: ${r.stderr}`);
  }
  return { dir, read: (t) => readFileSync(join(dir, PIPELINE_FILES[t]), 'utf8') };
}

/** actionlint, if installed here: $ACTIONLINT, PATH, or where `go install` puts it. */
export function findActionlint(): string | undefined {
  const candidates = [process.env.ACTIONLINT, ...(process.env.PATH ?? '').split(':').map((p) => join(p, 'actionlint')), join(process.env.GOBIN ?? join(process.env.GOPATH ?? join(homedir(), 'go'), 'bin'), 'actionlint')];
  return candidates.find((c): c is string => !!c && existsSync(c));
}

/** Initializes a git repository (gitlab-ci-local reads the commit, the branch and the remote from it). */
export function gitInit(dir: string): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.email=ci@example.invalid', '-c', 'user.name=slz test', 'commit', '-qm', 'landing zone');
  git('remote', 'add', 'origin', 'https://gitlab.example.invalid/agency/landing-zone.git');
}

/** GitHub's own workflow parser: its errors (none for a valid workflow) and the job ids. */
export async function parseGithub(content: string): Promise<{ errors: string[]; jobs: string[] }> {
  const result = parseWorkflow({ name: 'slz-stacks.yml', content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (!result.value) return { errors, jobs: [] };
  const template = await convertWorkflowTemplate(result.context, result.value);
  return { errors: [...errors, ...(template.errors ?? []).map((e) => String((e as { Message?: string }).Message ?? e))], jobs: template.jobs.map((j) => j.id.value) };
}

/** gitlab-ci-local (devDependency) with its shell executor, in `cwd`, with `cwd/.shim` first on PATH. */
export function gitlabCiLocal(cwd: string, args: string[]): { status: number; output: string } {
  const r = spawnSync(process.execPath, [require.resolve('gitlab-ci-local/src/index.js'), '--force-shell-executor', '--no-color', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(cwd, '.shim')}:${process.env.PATH ?? ''}`, FORCE_COLOR: '0' },
    timeout: 240_000,
  });
  return { status: r.status ?? -1, output: `${r.stdout}\n${r.stderr}` };
}
