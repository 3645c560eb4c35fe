/**
 * examples/ci: the files `slz pipeline` generates for examples/ministry-health are committed there
 * and must be exactly what the current code writes (regenerate: see examples/ci/ministry-health/README.md);
 * the hand-written GitLab entry files and every GitHub workflow of examples/ci must pass the
 * engines' own checks.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findActionlint, gitInit, gitlabCiLocal, parseGithub, PIPELINE_FILES, pipelineRepo, ROOT, type PipelineRepo } from '../helpers/pipeline-repo';
import { tempDir } from '../helpers/synth';

const EXAMPLE = join(ROOT, 'examples/ci/ministry-health');

let repo: PipelineRepo;
beforeAll(() => {
  repo = pipelineRepo('ministry-health');
});

it.each(Object.entries(PIPELINE_FILES))('examples/ci/ministry-health: the %s file is what slz pipeline writes today', (target, file) => {
  const committed = readFileSync(join(EXAMPLE, file), 'utf8');
  // On failure: npx slz synth examples/ministry-health/landing-zone.yaml … and regenerate as the README says.
  expect(committed).toBe(repo.read(target as keyof typeof PIPELINE_FILES));
});

it.each(['.gitlab-ci.yml', 'gitlab-child-pipeline.yml'])('examples/ci/ministry-health/%s passes GitLab\'s CI schema (gitlab-ci-local) with the jobs it should have', (entry) => {
  const dir = join(tempDir(), 'repo');
  cpSync(EXAMPLE, dir, { recursive: true });
  copyFileSync(join(dir, entry), join(dir, '.gitlab-ci.yml'));
  gitInit(dir);
  const r = gitlabCiLocal(dir, ['--list']);
  expect(r.status).toBe(0);
  expect(r.output).toMatch(/json schema validated/);
  if (entry === '.gitlab-ci.yml') for (const job of ['slz:synth', 'slz:approve', 'slz:moh-admission-iskandar']) expect(r.output).toContain(job);
  else for (const job of ['slz:generate', 'slz:stacks']) expect(r.output).toContain(job);
});

const workflows = [...readdirSync(join(ROOT, 'examples/ci')).filter((f) => f.endsWith('.yml')).map((f) => `examples/ci/${f}`), 'examples/ci/ministry-health/.github/workflows/slz-stacks.yml'];

it.each(workflows)('%s parses with GitHub\'s workflow parser without an error', async (file) => {
  const r = await parseGithub(readFileSync(join(ROOT, file), 'utf8'));
  expect(r.errors).toEqual([]);
  expect(r.jobs.length).toBeGreaterThan(0);
});

const actionlint = findActionlint();
(actionlint ? it : it.skip)(`actionlint finds nothing in ${workflows.join(', ')}${actionlint ? '' : ' — SKIPPED: actionlint is not installed here'}`, () => {
  const r = spawnSync(actionlint!, ['-no-color', ...workflows], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
});
