/**
 * The generated merge-request pipeline's `slz:review` job, run by gitlab-ci-local (shell executor):
 * it fetches the target branch's commit from the repository's remote (a local bare repository),
 * synthesizes it in a git worktree with the real slz, reviews base against head, writes both Code
 * Quality reports and posts the one merge-request note. Test doubles, because neither can run on
 * this machine: GitLab's Notes API is a local HTTP server that records requests, and the engine in
 * the stack jobs is a recording shim.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Ajv from 'ajv';
import { ROOT, SLZ, slzIn } from '../helpers/pipeline-repo';
import { tempDir } from '../helpers/synth';

const requests: { method: string; url: string; token?: string; body?: string }[] = [];
let server: Server;
let api = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', ...(req.headers['private-token'] ? { token: String(req.headers['private-token']) } : {}), ...(raw ? { body: (JSON.parse(raw) as { body: string }).body } : {}) });
      res.writeHead(req.method === 'GET' ? 200 : 201, { 'Content-Type': 'application/json' }).end(req.method === 'GET' ? '[]' : '{"id":31}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=ci@example.invalid', '-c', 'user.name=slz test', ...args], { cwd, encoding: 'utf8' }).trim();
}

function run(cwd: string, args: string[]): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [require.resolve('gitlab-ci-local/src/index.js'), '--force-shell-executor', '--no-color', ...args], { cwd, env: { ...process.env, PATH: `${join(cwd, '.shim')}:${process.env.PATH ?? ''}` } });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    const timer = setTimeout(() => child.kill(), 240_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status: status ?? -1, output });
    });
  });
}

it('merge request: slz:review synthesizes the target branch, gates on the review, writes Code Quality and posts one note (GitLab API: recording test double)', async () => {
  const root = tempDir('slz-mr-');
  const repo = join(root, 'repo');
  mkdirSync(repo);
  // The target branch: the base landing zone. The merge request: the head one (a key deleted, an egress rule widened).
  copyFileSync(join(ROOT, 'test/fixtures/review/base.yaml'), join(repo, 'landing-zone.yaml'));
  writeFileSync(join(repo, '.gitignore'), 'cdktf.out/\n.gitlab-ci-local/\n.slz-base/\n.slz-base-out/\n.shim/\n*.json\nslz-review.md\n');
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'base');
  const base = git(repo, 'rev-parse', 'HEAD');
  git(root, 'clone', '-q', '--bare', 'repo', 'origin.git');
  git(repo, 'remote', 'add', 'origin', `file://${join(root, 'origin.git')}`);
  git(repo, 'checkout', '-q', '-b', 'widen-egress');
  copyFileSync(join(ROOT, 'test/fixtures/review/head.yaml'), join(repo, 'landing-zone.yaml'));
  expect(slzIn(repo, 'synth', 'landing-zone.yaml', '--out', 'cdktf.out').code).toBeLessThanOrEqual(1);
  expect(slzIn(repo, 'pipeline', '--for', 'gitlab', 'cdktf.out', '--out', '.gitlab/slz-pipeline.yml').code).toBe(0);
  writeFileSync(join(repo, '.gitlab-ci.yml'), 'include:\n  - local: .gitlab/slz-pipeline.yml\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'widen mykad-verify, delete the tokens key');
  mkdirSync(join(repo, '.shim'));
  for (const [name, body] of [
    ['npm', 'exit 0'],
    ['npx', `[ "$1" = slz ] && shift && exec "${process.execPath}" "${SLZ}" "$@"\nexit 127`],
    ['engine', `echo "$(basename "$PWD") $*" >> "${join(root, 'engine.log')}"`],
  ] as const) {
    writeFileSync(join(repo, '.shim', name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(repo, '.shim', name), 0o755);
  }

  const r = await run(repo, [
    ...['CI_PIPELINE_SOURCE=merge_request_event', 'CI_MERGE_REQUEST_IID=7', `CI_MERGE_REQUEST_DIFF_BASE_SHA=${base}`, `CI_API_V4_URL=${api}`, 'CI_PROJECT_ID=42', 'SLZ_GITLAB_TOKEN=glpat-recorded', `SLZ_ENGINE=${join(repo, '.shim', 'engine')}`].flatMap((v) => ['--variable', v]),
  ]);

  // The head deletes a key (CRITICAL) and widens egress (HIGH): the review gate fails the job — after writing and posting everything.
  expect(r.output).toMatch(/^ FAIL +slz:review/m);
  expect(r.output).toMatch(/review: gate tripped \(--fail-on high\)/);
  for (const job of ['slz:synth', 'slz:moh-platform-cyberjaya', 'slz:moh-tenant-patient-records-cyberjaya', 'slz:moh-admission-cyberjaya']) expect(r.output).toMatch(new RegExp(`^ PASS +${job}`, 'm'));
  expect(r.output).not.toMatch(/slz:approve/);
  expect(readFileSync(join(root, 'engine.log'), 'utf8')).not.toMatch(/ apply /);

  expect(requests.map((q) => q.method)).toEqual(['GET', 'POST']);
  expect(requests[1]!.url).toBe('/api/v4/projects/42/merge_requests/7/notes');
  expect(requests[1]!.token).toBe('glpat-recorded');
  expect(requests[1]!.body).toMatch(/^<!-- slz-review -->/);
  expect(requests[1]!.body).toMatch(/RV-KEY-DELETE/);

  const schema = new Ajv({ strict: true }).compile(JSON.parse(readFileSync(join(ROOT, 'test/fixtures/schemas/gitlab-codequality.schema.json'), 'utf8')) as object);
  for (const f of ['gl-code-quality-review.json', 'gl-code-quality-compliance.json']) {
    expect(existsSync(join(repo, f))).toBe(true);
    const issues = JSON.parse(readFileSync(join(repo, f), 'utf8')) as { location: { path: string } }[];
    expect(schema(issues) ? [] : schema.errors).toEqual([]);
    for (const i of issues) expect(i.location.path).toBe('landing-zone.yaml');
  }
});
