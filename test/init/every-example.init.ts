/**
 * `npm run test:init`: every bundled example, from `slz init` to `slz check`, on a fresh folder
 * with only the registry for dependencies (see test/helpers/fresh-project.ts). Slow (an npm
 * install of cdktf and both provider packages per example), so not part of `npm test`, which
 * runs the same chain for `minimal` only; `.ci/run` runs this.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { listExamples, nextSteps } from '../../src/cli/commands/init';
import { freshProject, readJson, registry, type StepRun } from '../helpers/fresh-project';

const EXAMPLES = listExamples();
/** Stacks only the example's code makes (not its landing-zone file): proof that main.ts ran. */
const CODE_STACKS: Record<string, string[]> = { 'typescript-fork': ['treasury-tenant-payments-cyberjaya'] };
const timings: Record<string, Record<string, number>> = {};

afterAll(() => {
  const rows = Object.entries(timings).map(([example, t]) => `${example.padEnd(24)} ${Object.entries(t).map(([s, v]) => `${s} ${v.toFixed(1)} s`).join(' · ')}`);
  process.stdout.write(`\nslz init → install → synth → check, per example:\n${rows.join('\n')}\n`);
});

describe('slz init on a fresh machine, every example', () => {
  it('covers every bundled example', () => {
    expect(EXAMPLES).toEqual(['asean-shared-service', 'minimal', 'ministry-health', 'national-registry', 'sovereign-ai-workspace', 'typescript-fork']);
  });

  it.each(EXAMPLES)('%s: every printed step works, and the check gives the synth’s verdict', (example) => {
    const p = freshProject(example);
    expect({ code: p.init.code, stderr: p.init.stderr }).toEqual({ code: 0, stderr: '' });
    const isTypeScript = example === 'typescript-fork';
    expect(p.printed).toEqual(nextSteps(isTypeScript));
    const failed = p.steps.find((s) => s.code !== 0);
    expect(failed ? `${failed.step} → exit ${failed.code}\n${failed.stdout}\n${failed.stderr}` : '').toBe('');
    expect(p.steps.map((s) => s.step)).toEqual(p.printed);
    timings[example] = { init: p.init.seconds, ...Object.fromEntries(p.steps.map((s: StepRun) => [s.step, s.seconds])) };

    const install = p.steps[0]!;
    expect(install.stderr).not.toMatch(/install-scripts|allow-scripts|ERR!|404/);
    const lock = readJson<{ packages: Record<string, { resolved?: string }> }>(join(p.dir, 'package-lock.json'));
    expect(lock.packages['node_modules/sovereign-landing-zone']?.resolved).toMatch(/^file:vendor\/sovereign-landing-zone-[0-9.]+\.tgz$/);
    // Nothing from a git host or any URL but the registry's own packages.
    const foreign = Object.entries(lock.packages).filter(([, e]) => e.resolved && !e.resolved.startsWith('file:vendor/') && !e.resolved.startsWith(registry()));
    expect(foreign).toEqual([]);

    const stacks = readdirSync(join(p.dir, 'cdktf.out', 'stacks'));
    expect(stacks.length).toBeGreaterThanOrEqual(3);
    expect(stacks).toEqual(expect.arrayContaining(CODE_STACKS[example] ?? []));
    const check = p.steps[p.steps.length - 1]!;
    expect(check.step).toBe('npx slz check');
    expect(check.stdout).toMatch(/— PASS: 0 errors/);
    expect(existsSync(join(p.dir, 'cdktf.out', 'reports', 'cbom.cdx.json'))).toBe(true);
  });
});
