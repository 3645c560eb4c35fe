/**
 * The generated GitLab pipeline run end to end by gitlab-ci-local with the REAL engine against
 * REAL servers: `slz synth` and the freshness check in slz:synth, the manual approval, then
 * `tofu init/plan/apply` of every stack in `needs` order. The unit suite runs the same pipeline
 * with a recording shim in place of the engine (test/orchestration/validate.test.ts); this is the
 * run that replaces the shim.
 *
 * Hook for the e2e server kit (branch `kit`, test/e2e/harness): it needs, as test/e2e/minimal.e2e.ts
 * does, VAULT_ADDR + VAULT_TOKEN, kubectl with a current context, tofu or terraform able to install
 * the providers (TF_CLI_CONFIG_FILE with a mirror), and SLZ_E2E_LANDING_ZONE: a landing-zone file
 * for those servers (the kit writes one for its loopback servers). Without them it registers a
 * test that says what is missing and DID NOT RUN — nothing is faked. With CI=true that test fails.
 *
 * State: the file's backend. With `local`, jobs share `../terraform-state/` only because
 * gitlab-ci-local's shell executor runs every job in the same folder; a real GitLab runner needs a
 * shared backend (docs/pipelines.md).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SLZ = join(ROOT, 'bin', 'slz.js');
const which = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() || undefined;
const engine = process.env.SLZ_E2E_TERRAFORM === 'terraform' ? which('terraform') : (which('tofu') ?? which('terraform'));
const file = process.env.SLZ_E2E_LANDING_ZONE;
const missing = [
  !process.env.VAULT_ADDR && 'VAULT_ADDR',
  !process.env.VAULT_TOKEN && 'VAULT_TOKEN',
  !which('kubectl') && 'kubectl on PATH',
  !engine && 'tofu or terraform on PATH',
  !(file && existsSync(file)) && 'SLZ_E2E_LANDING_ZONE (a landing-zone file for these servers)',
  !existsSync(join(ROOT, 'node_modules', 'gitlab-ci-local', 'src', 'index.js')) && 'gitlab-ci-local (npm ci)',
].filter((m): m is string => typeof m === 'string');

if (missing.length) {
  it(`GitLab pipeline on real servers with gitlab-ci-local DID NOT RUN (missing: ${missing.join(', ')})`, () => {
    if (process.env.CI === 'true') throw new Error(`missing: ${missing.join(', ')}`);
  });
} else {
  describe('the generated GitLab pipeline, run by gitlab-ci-local with the real engine on real servers', () => {
    const repo = join(mkdtempSync(join(tmpdir(), 'slz-e2e-gitlab-')), 'repo');
    let stacks: string[][] = [];

    beforeAll(() => {
      mkdirSync(join(repo, '.shim'), { recursive: true });
      copyFileSync(file!, join(repo, 'landing-zone.yaml'));
      execFileSync(process.execPath, [SLZ, 'synth', 'landing-zone.yaml', '--out', 'cdktf.out'], { cwd: repo, stdio: 'inherit' });
      const kind = engine!.endsWith('terraform') ? 'terraform' : 'tofu';
      execFileSync(process.execPath, [SLZ, 'pipeline', '--for', 'gitlab', 'cdktf.out', '--engine', kind, '--out', '.gitlab/slz-pipeline.yml'], { cwd: repo, stdio: 'inherit' });
      writeFileSync(join(repo, '.gitlab-ci.yml'), 'include:\n  - local: .gitlab/slz-pipeline.yml\n');
      // Dependencies are this checkout's: `npm ci` has nothing to do, `npx slz` is this CLI.
      writeFileSync(join(repo, '.shim', 'npm'), '#!/bin/sh\nexit 0\n');
      writeFileSync(join(repo, '.shim', 'npx'), `#!/bin/sh\n[ "$1" = slz ] && shift && exec "${process.execPath}" "${SLZ}" "$@"\nexit 127\n`);
      for (const f of ['npm', 'npx']) chmodSync(join(repo, '.shim', f), 0o755);
      for (const cmd of [['init', '-q', '-b', 'main'], ['add', '-A'], ['-c', 'user.email=e2e@example.invalid', '-c', 'user.name=e2e', 'commit', '-qm', 'e2e'], ['remote', 'add', 'origin', 'https://gitlab.example.invalid/e2e/lz.git']]) execFileSync('git', cmd, { cwd: repo });
      stacks = (JSON.parse(readFileSync(join(repo, 'cdktf.out', 'stack-graph.json'), 'utf8')) as { waves: string[][] }).waves;
    }, 10 * 60_000);

    afterAll(() => {
      for (const s of [...stacks].reverse().flat()) spawnSync(engine!, [`-chdir=${join(repo, 'cdktf.out', 'stacks', s)}`, 'destroy', '-input=false', '-auto-approve'], { stdio: 'inherit' });
    }, 20 * 60_000);

    it('applies every stack, each after the stacks it needs, and every job passes', () => {
      const pass = ['VAULT_ADDR', 'VAULT_TOKEN', 'VAULT_CACERT', 'KUBECONFIG', 'TF_CLI_CONFIG_FILE'].flatMap((k) => (process.env[k] ? ['--variable', `${k}=${process.env[k]}`] : []));
      const r = spawnSync(process.execPath, [require.resolve('gitlab-ci-local/src/index.js'), '--force-shell-executor', '--no-color', '--manual', 'slz:approve', '--variable', 'SLZ_MODE=apply', '--variable', `SLZ_ENGINE=${engine}`, ...pass], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${join(repo, '.shim')}:${process.env.PATH ?? ''}` },
        timeout: 30 * 60_000,
      });
      process.stdout.write(r.stdout);
      expect(r.status).toBe(0);
      const passed = [...r.stdout.matchAll(/^ PASS +(\S+)/gm)].map((m) => m[1]);
      expect(passed.sort()).toEqual(['slz:approve', 'slz:synth', ...stacks.flat().map((s) => `slz:${s}`)].sort());
      for (const s of stacks.flat()) {
        const list = spawnSync(engine!, [`-chdir=${join(repo, 'cdktf.out', 'stacks', s)}`, 'state', 'list'], { encoding: 'utf8' });
        expect(list.stdout.trim().split('\n').length).toBeGreaterThan(0);
      }
    }, 30 * 60_000);
  });
}
