import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
    expect(synth.code).toBeLessThanOrEqual(1);
    expect(readdirSync(join(dir, 'cdktf.out', 'stacks'))).toHaveLength(9);
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
