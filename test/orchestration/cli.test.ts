/** `slz pipeline` as a user runs it from the repository root: flags, --check, and refusals. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STACK_TRACE } from '../helpers/cli';
import { pipelineRepo, slzIn, type PipelineRepo } from '../helpers/pipeline-repo';
import { tempDir } from '../helpers/synth';

let repo: PipelineRepo;
beforeAll(() => {
  repo = pipelineRepo('minimal');
});

it('writes to stdout without --out, the same bytes as the file', () => {
  const r = slzIn(repo.dir, 'pipeline', '--for', 'atlantis', 'cdktf.out');
  expect(r.code).toBe(0);
  expect(r.stdout.replace(/--engine tofu\n/, '--engine tofu --out atlantis.yaml\n')).toBe(repo.read('atlantis'));
});

it('names the landing-zone file slz synth recorded, relative to the repository root', () => {
  expect(repo.read('gitlab')).toMatch(/SLZ_LANDING_ZONE: landing-zone\.yaml/);
  expect(repo.read('github')).toMatch(/SLZ_LANDING_ZONE: landing-zone\.yaml/);
});

it('--check: exit 0 when current, 1 with the command to regenerate when stale', () => {
  expect(slzIn(repo.dir, 'pipeline', '--for', 'github', 'cdktf.out', '--check', '.github/workflows/slz-stacks.yml').code).toBe(0);
  const file = join(repo.dir, '.github/workflows/slz-stacks.yml');
  const current = readFileSync(file, 'utf8');
  writeFileSync(file, current.replace('wave-2', 'wave-9'));
  const r = slzIn(repo.dir, 'pipeline', '--for', 'github', 'cdktf.out', '--check', '.github/workflows/slz-stacks.yml');
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/is stale.*\n.*npx slz pipeline --for github cdktf\.out --engine tofu --out \.github\/workflows\/slz-stacks\.yml/);
  writeFileSync(file, current);
});

it.each([
  [['pipeline', 'cdktf.out'], /--for/],
  [['pipeline', '--for', 'jenkins', 'cdktf.out'], /--for/],
  [['pipeline', '--for', 'gitlab', 'cdktf.out', '--engine', 'pulumi'], /--engine/],
  [['pipeline', '--for', 'github', 'cdktf.out', '--max-matrix', '300'], /--max-matrix must be an integer from 1 to 256/],
  [['pipeline', '--for', 'gitlab', 'cdktf.out', '--max-needs', '2'], /--max-needs must be an integer from 4 to 50/],
  [['pipeline', '--for', 'gitlab', 'nowhere'], /nowhere\/stack-graph\.json not found: synthesize first/],
  [['pipeline', '--for', 'gitlab', 'cdktf.out', '--out', 'a.yml', '--check', 'b.yml'], /--out FILE or --check FILE, not both/],
  [['pipeline', '--for', 'gitlab', 'cdktf.out', '--landing-zone', 'lz $(id).yaml'], /must be a path inside the repository/],
  [['pipeline', '--for', 'gitlab', 'cdktf.out', '--engine-version', '1.11; rm -rf /'], /--engine-version/],
])('slz %j → exit 2, a reason, no stack trace', (args, message) => {
  const r = slzIn(repo.dir, ...args);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(STACK_TRACE);
});

it('refuses a tree outside the repository (its paths could not be written into CI)', () => {
  const r = slzIn(tempDir(), 'pipeline', '--for', 'gitlab', join(repo.dir, 'cdktf.out'));
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/DIR ".*" must be a path inside the repository/);
});
