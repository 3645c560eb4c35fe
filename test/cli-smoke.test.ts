import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { slz, STACK_TRACE } from './helpers/cli';
import { tempDir } from './helpers/synth';

describe('slz CLI basics', () => {
  it('validates the bundled minimal example', () => {
    const r = slz('validate', 'examples/minimal/landing-zone.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid — MY SULIT \(level 3, CONFIDENTIAL, strict\)/);
  });

  it('answers an unknown flag with exit 2 and no stack trace', () => {
    const r = slz('validate', '--nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('answers an unknown command with exit 2', () => {
    const r = slz('frobnicate');
    expect(r.code).toBe(2);
  });
});

describe('no silent default input', () => {
  const BIN = join(__dirname, '..', 'bin', 'slz.js');

  it.each(['synth', 'validate'])('slz %s with no FILE and no ./landing-zone.yaml exits 2, writes nothing and says how to start', (command) => {
    const cwd = tempDir();
    const r = spawnSync(process.execPath, [BIN, command], { cwd, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${command}: no landing-zone file given and no \\./landing-zone\\.yaml in `));
    expect(r.stderr).toMatch(/slz init minimal my-landing-zone/);
    expect(r.stderr).toMatch(new RegExp(`slz ${command} .*examples/minimal/landing-zone\\.yaml`));
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('slz synth with no FILE reads ./landing-zone.yaml when there is one', () => {
    const cwd = tempDir();
    copyFileSync('examples/minimal/landing-zone.yaml', join(cwd, 'landing-zone.yaml'));
    const r = spawnSync(process.execPath, [BIN, 'synth'], { cwd, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^landing-zone\.yaml → cdktf\.out: 3 stacks/);
  });
});
