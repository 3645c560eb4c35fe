import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitignoreFor, nextSteps } from '../src/cli/commands/init';
import { cleanCloneCi, freshProject, plantUserFiles, type FreshProject } from './helpers/fresh-project';
import { slz, STACK_TRACE } from './helpers/cli';
import { tempDir } from './helpers/synth';

describe('slz init', () => {
  it('copies an example into a new folder that validates and synthesizes with the local package', () => {
    const dir = join(tempDir(), 'my-ministry');
    const init = slz('init', 'ministry-health', dir, '--package', 'file:../sovereign-landing-zone');
    expect(init.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['.gitignore', 'README.md', 'landing-zone.yaml', 'package.json']);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string> };
    expect(pkg.name).toBe('my-ministry');
    expect(pkg.dependencies).toMatchObject({ 'sovereign-landing-zone': 'file:../sovereign-landing-zone', cdktf: expect.any(String), constructs: expect.any(String) });
    expect(slz('validate', join(dir, 'landing-zone.yaml')).code).toBe(0);
    const synth = slz('synth', join(dir, 'landing-zone.yaml'), '--out', join(dir, 'cdktf.out'));
    expect(synth.stderr).not.toMatch(/^synth:/m);
    expect(synth.code).toBe(0);
    expect(readdirSync(join(dir, 'cdktf.out', 'stacks'))).toHaveLength(9);
  });

  it('rewrites the example README’s paths to the new folder’s own file', () => {
    expect(readFileSync('examples/minimal/README.md', 'utf8')).toContain('npx slz synth examples/minimal/landing-zone.yaml');
    const dir = join(tempDir(), 'lz');
    expect(slz('init', 'minimal', dir, '--package', '^0.1.0').code).toBe(0);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('npx slz synth landing-zone.yaml');
    expect(readme).not.toContain('examples/minimal/');
  });

  it('prints the TypeScript fork’s steps: build and run main.ts, never slz synth (which ignores main.ts)', () => {
    const dir = join(tempDir(), 'fork');
    const r = slz('init', 'typescript-fork', dir, '--package', '^0.1.0');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Next:\n  cd ${dir}\n  npm install\n  npm run synth\n  npx slz check\n`);
    expect(r.stdout).not.toMatch(/slz synth/);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.scripts.synth).toBe('tsc && node main.js');
    expect(Object.keys(pkg.devDependencies).sort()).toEqual(['@types/node', 'typescript']);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe(gitignoreFor(true));
    // slz synth in the fork would build the file alone: it says so, and how to build the app.
    const synth = slz('synth', join(dir, 'landing-zone.yaml'), '--out', join(dir, 'cdktf.out'));
    expect(synth.stderr).toMatch(/main\.ts is beside the landing-zone file: slz synth builds the file alone, without what main\.ts adds; .*npm run synth/);
    expect(slz('synth', 'examples/minimal/landing-zone.yaml', '--out', join(tempDir(), 'out')).stderr).not.toMatch(/main\.ts/);
  });

  it('suggests the closest example name and exits 2', () => {
    const r = slz('init', 'ministy-health', join(tempDir(), 'x'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean ministry-health\?/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('refuses a non-empty folder and leaves it alone', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    const r = slz('init', 'minimal', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not empty/);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    expect(existsSync(join(dir, 'landing-zone.yaml'))).toBe(false);
  });

  it('needs both an example and a folder', () => {
    expect(slz('init', 'minimal').code).toBe(2);
  });
});

// The full chain for every example is `npm run test:init` (slow); npm test runs it for one.
describe('slz init on a fresh machine (minimal)', () => {
  let p: FreshProject;
  beforeAll(() => {
    p = freshProject('minimal');
  }, 300_000);

  it('every printed step works as printed, with the registry for dependencies only', () => {
    expect({ code: p.init.code, stderr: p.init.stderr }).toEqual({ code: 0, stderr: '' });
    expect(p.printed).toEqual(nextSteps(false));
    expect(p.steps.map((s) => `${s.step} → ${s.code}${s.code === 0 ? '' : `\n${s.stderr}`}`)).toEqual(p.printed.map((s) => `${s} → 0`));
    expect(p.steps[0]!.stderr).not.toMatch(/install-scripts|allow-scripts|ERR!/);
    expect(p.steps[p.steps.length - 1]!.stdout).toMatch(/— PASS: 0 errors/);
  });

  it('by default packs this copy into vendor/ without install-time scripts, and depends on the tarball', () => {
    const [tarball, ...more] = readdirSync(join(p.dir, 'vendor'));
    expect(more).toEqual([]);
    expect(tarball).toMatch(/^sovereign-landing-zone-\d+\.\d+\.\d+\.tgz$/);
    const pkg = JSON.parse(readFileSync(join(p.dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['sovereign-landing-zone']).toBe(`file:vendor/${tarball}`);
    expect(p.init.stdout).toContain('commit it with the project');
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', join(p.dir, 'vendor', tarball!), 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
    // npm treats prepare of a non-registry dependency as an install script (warned by npm 11, blocked by npm 12).
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
    expect(manifest).toMatchObject({ name: 'sovereign-landing-zone', bin: { slz: 'bin/slz.js' } });
  });

  it('git keeps the project and the tarball, never state, plans, output or node_modules; a clean clone installs with npm ci', () => {
    plantUserFiles(p.dir, 'minimal-platform-cyberjaya');
    const { dir, ci, git } = cleanCloneCi(p.dir);
    expect(git.code).toBe(0);
    const tracked = git.stdout.split('\n').filter(Boolean).sort();
    expect(tracked).toEqual(['.gitignore', 'README.md', 'landing-zone.yaml', 'package-lock.json', 'package.json', expect.stringMatching(/^vendor\/sovereign-landing-zone-[0-9.]+\.tgz$/)]);
    expect({ code: ci.code, stderr: ci.code === 0 ? '' : ci.stderr }).toEqual({ code: 0, stderr: '' });
    expect(existsSync(join(dir, 'node_modules', '.bin', 'slz'))).toBe(true);
  });
});
