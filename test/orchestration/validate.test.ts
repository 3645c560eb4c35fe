/**
 * The generated files, checked by the engines' own tools where they run here:
 *  - GitHub Actions: GitHub's workflow parser (@actions/workflow-parser) and, when installed,
 *    actionlint;
 *  - Atlantis: the repo-config schema written from Atlantis's documented reference;
 *  - GitLab CI: gitlab-ci-local, which validates the file against GitLab's CI schema and runs the
 *    jobs with its shell executor in `needs` order. No GitLab, Vault, cluster or provider registry
 *    is reachable from this machine, so `tofu` is replaced by a recording shim there — and only
 *    there: `slz synth` and `slz pipeline --check` inside the jobs are the real CLI. The run with
 *    the real engine against real servers is test/e2e/pipeline-gitlab.e2e.ts.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { githubWorkflow, gitlabPipeline } from '../../src/orchestration';
import { landingZoneGraph } from '../helpers/graph';
import { findActionlint, gitInit, gitlabCiLocal, parseGithub, pipelineRepo, ROOT, SLZ, type PipelineRepo } from '../helpers/pipeline-repo';
import { tempDir } from '../helpers/synth';

const opts = { engine: 'tofu', synthDir: 'cdktf.out', landingZoneFile: 'landing-zone.yaml' } as const;

let repo: PipelineRepo;
beforeAll(() => {
  repo = pipelineRepo('ministry-health');
});

describe('GitHub Actions workflow, parsed by GitHub\'s own parser (@actions/workflow-parser)', () => {
  it('parses the workflow generated for ministry-health without an error', async () => {
    const r = await parseGithub(repo.read('github'));
    expect(r.errors).toEqual([]);
    expect(r.jobs).toEqual(['synth', 'approve', 'wave-0', 'wave-1', 'wave-2']);
  });
  it('parses the workflow for 1,000 tenants × 2 regions (wave 1 split into 8 matrices) without an error', async () => {
    const r = await parseGithub(githubWorkflow(landingZoneGraph(1000, ['north', 'south']), opts));
    expect(r.errors).toEqual([]);
    expect(r.jobs.filter((j) => j.startsWith('wave-1-'))).toHaveLength(8);
  });
  it('is a real parser: it reports a job that needs an unknown job', async () => {
    const broken = repo.read('github').replace('needs:\n      - synth\n      - approve', 'needs:\n      - synth\n      - no-such-job');
    expect(broken).not.toBe(repo.read('github'));
    const r = await parseGithub(broken);
    expect(r.errors.join('\n')).toMatch(/no-such-job/);
  });
});

const actionlint = findActionlint();
if (!actionlint) process.stderr.write('actionlint not found: its check is SKIPPED (go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12, or set ACTIONLINT)\n');
(actionlint ? describe : describe.skip)(`actionlint (${actionlint ? actionlint : 'NOT INSTALLED HERE: skipped; go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12'})`, () => {
  const lint = (file: string) => spawnSync(actionlint!, ['-no-color', file], { encoding: 'utf8' });
  it('finds nothing in the generated workflow (expressions, contexts, matrix, needs, shell scripts)', () => {
    const r = lint(join(repo.dir, '.github/workflows/slz-stacks.yml'));
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
  it('is really checking: it reports a reference to a matrix key that does not exist', () => {
    const file = join(tempDir(), 'broken.yml');
    writeFileSync(file, repo.read('github').replace('slz-stack-${{ matrix.stack }}', 'slz-stack-${{ matrix.nope }}'));
    const r = lint(file);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/nope/);
  });
});

describe('Atlantis repo config, against the schema of Atlantis\'s documented reference', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/schemas/atlantis-repo-config.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
  type Project = { name: string; dir: string; depends_on?: string[]; execution_order_group: number };
  it('validates, with unique names, existing folders and dependencies in earlier groups', () => {
    const cfg = parse(repo.read('atlantis')) as { projects: Project[] };
    expect(validate(cfg) ? [] : validate.errors).toEqual([]);
    const byName = new Map(cfg.projects.map((p) => [p.name, p]));
    expect(byName.size).toBe(cfg.projects.length);
    for (const p of cfg.projects) {
      expect(readFileSync(join(repo.dir, p.dir, 'cdk.tf.json'), 'utf8').length).toBeGreaterThan(0);
      for (const d of p.depends_on ?? []) expect(byName.get(d)!.execution_order_group).toBeLessThan(p.execution_order_group);
    }
  });
  type Cfg = { version: number; projects: Record<string, unknown>[] };
  it.each([
    ['an unknown key', (c: Cfg) => (c.projects[0]!['dependson'] = ['x'])],
    ['a project without dir', (c: Cfg) => delete c.projects[0]!['dir']],
    ['a workspace with a slash', (c: Cfg) => (c.projects[0]!['workspace'] = 'a/b')],
    ['version 2', (c: Cfg) => (c.version = 2)],
  ])('the schema refuses %s', (_what, mutate) => {
    const cfg = parse(repo.read('atlantis')) as Cfg;
    mutate(cfg);
    expect(validate(cfg)).toBe(false);
  });
});

describe('GitLab CI pipeline', () => {
  it('is refused by GitLab\'s CI schema (in gitlab-ci-local) when a job is malformed, so the passing runs below mean something', () => {
    const dir = join(tempDir(), 'repo');
    mkdirSync(join(dir, '.gitlab'), { recursive: true });
    writeFileSync(join(dir, '.gitlab-ci.yml'), 'include:\n  - local: .gitlab/slz-pipeline.yml\n');
    writeFileSync(join(dir, '.gitlab/slz-pipeline.yml'), gitlabPipeline(landingZoneGraph(1, ['r1']), opts).replace('resource_group: slz-lz-platform-r1', 'resource_group: [not, a, string]'));
    gitInit(dir);
    const r = gitlabCiLocal(dir, ['--list']);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/resource_group/);
  });

  describe('run by gitlab-ci-local, jobs in needs order — ENGINE REPLACED BY A RECORDING SHIM (no GitLab, Vault, cluster or provider registry on this machine)', () => {
    let runDir: string;
    let shim: string;
    beforeAll(() => {
      runDir = repo.dir;
      writeFileSync(join(runDir, '.gitlab-ci.yml'), 'include:\n  - local: .gitlab/slz-pipeline.yml\n');
      gitInit(runDir);
      shim = shims(runDir);
    });
    const stacks = () => Object.keys((JSON.parse(readFileSync(join(runDir, 'cdktf.out/stack-graph.json'), 'utf8')) as { stacks: object }).stacks);
    const graph = () => JSON.parse(readFileSync(join(runDir, 'cdktf.out/stack-graph.json'), 'utf8')) as { stacks: Record<string, { dependsOn: string[] }> };

    it('default branch: synth (real slz, freshness check), the manual approval, then plan+apply of every stack after its dependencies', () => {
      const log = join(runDir, 'engine-apply.log');
      const r = gitlabCiLocal(runDir, ['--manual', 'slz:approve', '--variable', 'SLZ_MODE=apply', '--variable', `SLZ_ENGINE=${shim}`, '--variable', `SHIM_LOG=${log}`]);
      expect(r.status).toBe(0);
      const passed = [...r.output.matchAll(/^ PASS +(\S+)/gm)].map((m) => m[1]);
      expect(passed.sort()).toEqual(['slz:approve', 'slz:synth', ...stacks().map((s) => `slz:${s}`)].sort());
      expect(r.output).toMatch(/pipeline: \.gitlab\/slz-pipeline\.yml is current/);
      const lines = readFileSync(log, 'utf8').trim().split('\n');
      for (const s of stacks()) {
        expect(lines.filter((l) => l.startsWith(`${s} `)).map((l) => l.split(' ')[1])).toEqual(['init', 'plan', 'apply']);
        const start = lines.indexOf(`${s} init -input=false`);
        for (const d of graph().stacks[s]!.dependsOn) expect(lines.indexOf(`${d} apply -input=false -lock-timeout=10m tfplan`)).toBeLessThan(start);
      }
      process.stderr.write(`gitlab-ci-local (apply): ${passed.length} jobs passed, engine calls ${lines.length}\n`);
    });

    it('merge request: plan only, no approval job, nothing applied', () => {
      const log = join(runDir, 'engine-plan.log');
      const r = gitlabCiLocal(runDir, ['--variable', 'SLZ_MODE=plan', '--variable', `SLZ_ENGINE=${shim}`, '--variable', `SHIM_LOG=${log}`]);
      expect(r.status).toBe(0);
      const passed = [...r.output.matchAll(/^ PASS +(\S+)/gm)].map((m) => m[1]);
      expect(passed).not.toContain('slz:approve');
      expect(passed.sort()).toEqual(['slz:synth', ...stacks().map((s) => `slz:${s}`)].sort());
      const lines = readFileSync(log, 'utf8').trim().split('\n');
      expect(lines.filter((l) => / apply /.test(l))).toEqual([]);
      expect(lines.filter((l) => / plan /.test(l))).toHaveLength(stacks().length);
    });

    it('fails the synth job when the committed pipeline is stale (a stack was added since it was generated)', () => {
      const file = join(runDir, '.gitlab/slz-pipeline.yml');
      const current = readFileSync(file, 'utf8');
      try {
        writeFileSync(file, current.replace(/\nslz:[^\n]*-admission-[^\n]*:\n(?: {2}[^\n]*\n)+/, '\n'));
        const r = gitlabCiLocal(runDir, ['slz:synth', '--variable', 'SLZ_MODE=plan']);
        expect(r.status).not.toBe(0);
        expect(r.output).toMatch(/is stale/);
      } finally {
        writeFileSync(file, current);
      }
    });
  });
});

/** The recording shims: `npm` does nothing (dependencies are already here), `npx slz` is this checkout's CLI, the engine writes what it was asked to do. */
function shims(dir: string): string {
  const bin = join(dir, '.shim');
  mkdirSync(bin, { recursive: true });
  const write = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  write('npm', 'exit 0');
  write('npx', `if [ "$1" = slz ]; then shift; exec "${process.execPath}" "${SLZ}" "$@"; fi\necho "npx $1: not available in this test" >&2; exit 127`);
  write('tofu-shim', 'echo "$(basename "$PWD") $*" >> "$SHIM_LOG"');
  return join(bin, 'tofu-shim');
}
