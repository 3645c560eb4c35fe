/**
 * The generated GitLab pipeline run end to end by gitlab-ci-local with the REAL engine against
 * REAL servers: `slz synth` and the freshness check in slz:synth, the manual approval, then
 * `init/plan/apply` of every stack in `needs` order. The unit suite runs the same pipeline with a
 * recording shim in place of the engine (test/orchestration/validate.test.ts); this is the run
 * that replaces the shim.
 *
 * Servers: the kit's on loopback (test/e2e/harness), with examples/minimal pointed at them; or,
 * with VAULT_ADDR set, the user's own Vault and cluster and SLZ_E2E_LANDING_ZONE, a landing-zone
 * file for them (docs/e2e.md). Missing servers fail in CI; missing provider binaries are reported
 * and the suite says it did not run (the Go proxy refuses them: test/e2e/servers/README.md).
 *
 * State: `local`. Jobs share `../terraform-state/` only because gitlab-ci-local's shell executor
 * runs every job in the same folder; a real GitLab runner needs a shared backend (docs/pipelines.md).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { gate, iacTools, itWithLogs, pointAtKit, providerMirror, serverBinaries, startServers, writeCliConfig, type KitTarget, type Servers } from './harness';

const ROOT = join(__dirname, '..', '..');
const SLZ = join(ROOT, 'bin', 'slz.js');
const own = Boolean(process.env.VAULT_ADDR);
const kit = own ? undefined : serverBinaries();
const mirror = providerMirror();
const { tools } = iacTools();
const engine = process.env.SLZ_E2E_TERRAFORM === 'terraform' ? tools.find((t) => t.name === 'terraform') : tools[0];
const ownFile = process.env.SLZ_E2E_LANDING_ZONE;
const gitlabCiLocal = join(ROOT, 'node_modules', 'gitlab-ci-local', 'src', 'index.js');

/** examples/minimal pointed at the kit's servers (the test's own copy), local state. */
function kitLandingZone(s: Servers, dir: string): string {
  const lz = pointAtKit(parse(readFileSync(join(ROOT, 'examples', 'minimal', 'landing-zone.yaml'), 'utf8')) as KitTarget & { state?: unknown }, s, dir);
  lz.state = { backend: 'local' };
  const file = join(dir, 'landing-zone.yaml');
  writeFileSync(file, stringify(lz));
  return file;
}

describe('the generated GitLab pipeline, run by gitlab-ci-local with the real engine on real servers', () => {
  const serversMissing = own ? (ownFile && existsSync(ownFile) ? [] : ['SLZ_E2E_LANDING_ZONE (a landing-zone file for your servers)']) : kit!.missing;
  if (!gate('GitLab pipeline on real servers with gitlab-ci-local', [...serversMissing, ...(existsSync(gitlabCiLocal) ? [] : ['gitlab-ci-local (npm ci)'])], { failInCi: true })) return;
  const toolsMissing = [...(mirror.mirror || own ? [] : [mirror.summary.replace(/^missing: /, '')]), ...(engine ? [] : ['tofu (npm run e2e:servers) or terraform on PATH'])];
  if (!gate('GitLab pipeline on real servers with gitlab-ci-local', toolsMissing, { failInCi: false })) return;

  let servers: Servers | undefined;
  const step = itWithLogs(() => servers);
  const work = mkdtempSync(join(tmpdir(), 'slz-e2e-gitlab-'));
  const repo = join(work, 'repo');
  let stacks: string[][] = [];
  const variables: Record<string, string> = {};

  beforeAll(async () => {
    mkdirSync(join(repo, '.shim'), { recursive: true });
    let file = ownFile!;
    if (!own) {
      servers = await startServers({ binaries: kit!.binaries! });
      file = kitLandingZone(servers, work);
      Object.assign(variables, { VAULT_ADDR: servers.vault.address, VAULT_TOKEN: servers.vault.rootToken, VAULT_CACERT: servers.vault.caFile, KUBECONFIG: servers.kubernetes.kubeconfig });
    } else {
      for (const k of ['VAULT_ADDR', 'VAULT_TOKEN', 'VAULT_CACERT', 'KUBECONFIG']) if (process.env[k]) variables[k] = process.env[k]!;
    }
    if (mirror.mirror) variables.TF_CLI_CONFIG_FILE = writeCliConfig(join(work, 'cli.tfrc'), mirror.mirror);
    writeFileSync(join(repo, 'landing-zone.yaml'), readFileSync(file));
    execFileSync(process.execPath, [SLZ, 'synth', 'landing-zone.yaml', '--out', 'cdktf.out'], { cwd: repo, stdio: 'pipe' });
    execFileSync(process.execPath, [SLZ, 'pipeline', '--for', 'gitlab', 'cdktf.out', '--engine', engine!.name, '--out', '.gitlab/slz-pipeline.yml'], { cwd: repo, stdio: 'pipe' });
    writeFileSync(join(repo, '.gitlab-ci.yml'), 'include:\n  - local: .gitlab/slz-pipeline.yml\n');
    // Dependencies are this checkout's: `npm ci` has nothing to do, `npx slz` is this CLI.
    writeFileSync(join(repo, '.shim', 'npm'), '#!/bin/sh\nexit 0\n');
    writeFileSync(join(repo, '.shim', 'npx'), `#!/bin/sh\n[ "$1" = slz ] && shift && exec "${process.execPath}" "${SLZ}" "$@"\nexit 127\n`);
    for (const f of ['npm', 'npx']) chmodSync(join(repo, '.shim', f), 0o755);
    for (const cmd of [['init', '-q', '-b', 'main'], ['add', '-A'], ['-c', 'user.email=e2e@example.invalid', '-c', 'user.name=e2e', 'commit', '-qm', 'e2e'], ['remote', 'add', 'origin', 'https://gitlab.example.invalid/e2e/lz.git']]) execFileSync('git', cmd, { cwd: repo });
    stacks = (JSON.parse(readFileSync(join(repo, 'cdktf.out', 'stack-graph.json'), 'utf8')) as { waves: string[][] }).waves;
  }, 10 * 60_000);

  afterAll(async () => {
    // The kit's servers go with their data; on the user's own servers the stacks are destroyed.
    if (own) for (const s of [...stacks].reverse().flat()) spawnSync(engine!.path, [`-chdir=${join(repo, 'cdktf.out', 'stacks', s)}`, 'destroy', '-input=false', '-auto-approve'], { stdio: 'inherit' });
    await servers?.stop();
    process.stdout.write(`gitlab-ci-local log: ${join(work, 'gitlab-ci-local.log')}\n`);
  }, 20 * 60_000);

  step(
    'applies every stack, each after the stacks it needs, every job passes, and the state holds what was applied',
    async () => {
      const pass = Object.entries(variables).flatMap(([k, v]) => ['--variable', `${k}=${v}`]);
      const r = spawnSync(process.execPath, [gitlabCiLocal, '--force-shell-executor', '--no-color', '--manual', 'slz:approve', '--variable', 'SLZ_MODE=apply', '--variable', `SLZ_ENGINE=${engine!.path}`, ...pass], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, ...variables, PATH: `${join(repo, '.shim')}:${process.env.PATH ?? ''}` },
        timeout: 30 * 60_000,
      });
      writeFileSync(join(work, 'gitlab-ci-local.log'), `${r.stdout}\n${r.stderr}`);
      if (r.status !== 0) throw new Error(`gitlab-ci-local exited ${String(r.status)}:\n${`${r.stdout}\n${r.stderr}`.split('\n').slice(-80).join('\n')}`);
      const passed = [...r.stdout.matchAll(/^ PASS +(\S+)/gm)].map((m) => m[1]);
      expect(passed.sort()).toEqual(['slz:approve', 'slz:synth', ...stacks.flat().map((s) => `slz:${s}`)].sort());
      // Each stack job started only after every job it needs had passed: its line comes later.
      const graph = JSON.parse(readFileSync(join(repo, 'cdktf.out', 'stack-graph.json'), 'utf8')) as { stacks: Record<string, { dependsOn: string[] }> };
      const started = (job: string) => r.stdout.search(new RegExp(`^${job.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +starting`, 'm'));
      const finished = (job: string) => r.stdout.search(new RegExp(`^${job.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +finished in`, 'm'));
      for (const [stack, { dependsOn }] of Object.entries(graph.stacks)) {
        // Every stack job waits for the approval, and for each stack it depends on.
        for (const dep of ['approve', ...dependsOn]) {
          const [after, before] = [started(`slz:${stack}`), finished(`slz:${dep}`)];
          expect({ stack, dep, started: after >= 0, order: after > before && before >= 0 }).toEqual({ stack, dep, started: true, order: true });
        }
      }
      for (const s of stacks.flat()) {
        const list = spawnSync(engine!.path, [`-chdir=${join(repo, 'cdktf.out', 'stacks', s)}`, 'state', 'list'], { encoding: 'utf8', env: { ...process.env, ...variables } });
        expect({ stack: s, resources: list.stdout.trim().split('\n').filter(Boolean).length > 0 }).toEqual({ stack: s, resources: true });
      }
      if (servers) {
        // What the pipeline applied is on the servers: the tenant's transit key and namespace.
        const key = await servers.vault.client.read<{ data: { exportable: boolean } }>('tenants/records/transit/keys/records');
        expect(key.data.exportable).toBe(false);
        expect((await servers.kubernetes.client.request('GET', '/api/v1/namespaces/records')).status).toBe(200);
      }
    },
    30 * 60_000,
  );
});
