/**
 * Every bad input answered: each command, given a missing file, a directory instead of a file, an
 * empty file, a binary file, a wrong encoding, an unknown flag or conflicting flags, exits 2 with a
 * one-line reason and no stack trace. Run through the real binary, as a user or CI would.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STACK_TRACE } from '../helpers/cli';
import { tempDir } from '../helpers/synth';

const BIN = join(__dirname, '..', '..', 'bin', 'slz.js');
const dir = tempDir();
const files = {
  missing: join(dir, 'does-not-exist.yaml'),
  directory: join(dir, 'a-directory'),
  empty: join(dir, 'empty.yaml'),
  binary: join(dir, 'binary.yaml'),
  latin1: join(dir, 'latin1.yaml'),
  notATree: join(dir, 'not-a-tree'),
  emptyTree: join(dir, 'empty-tree'),
};
mkdirSync(files.directory);
mkdirSync(files.notATree);
writeFileSync(join(files.notATree, 'readme.txt'), 'not synthesized');
mkdirSync(join(files.emptyTree, 'stacks'), { recursive: true });
writeFileSync(files.empty, '');
writeFileSync(files.binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x01]));
// "é" in Latin-1 is not valid UTF-8.
writeFileSync(files.latin1, Buffer.concat([Buffer.from('apiVersion: slz/v1\nkind: LandingZone\nmetadata: { name: x, agency: "Minist'), Buffer.from([0xe9]), Buffer.from('re", owner: a@b.my }\n')]));

function run(args: readonly string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, SLZ_SECRET_CANARY: 'canary-9f8e7d6c5b4a' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const out = join(dir, 'out');
const cases: [string, string[]][] = [
  // validate
  ['validate: missing file', ['validate', files.missing]],
  ['validate: directory', ['validate', files.directory]],
  ['validate: empty file', ['validate', files.empty]],
  ['validate: binary file', ['validate', files.binary]],
  ['validate: Latin-1 file', ['validate', files.latin1]],
  ['validate: unknown flag', ['validate', '--frobnicate']],
  // synth
  ['synth: missing file', ['synth', files.missing, '--out', out]],
  ['synth: directory', ['synth', files.directory, '--out', out]],
  ['synth: empty file', ['synth', files.empty, '--out', out]],
  ['synth: binary file', ['synth', files.binary, '--out', out]],
  ['synth: Latin-1 file', ['synth', files.latin1, '--out', out]],
  ['synth: unknown flag', ['synth', '--frobnicate']],
  ['synth: --out without a value', ['synth', '--out']],
  ['synth: --out is a file', ['synth', 'examples/minimal/landing-zone.yaml', '--out', files.empty]],
  // check
  ['check: missing directory', ['check', files.missing]],
  ['check: a file instead of a directory', ['check', files.empty]],
  ['check: a directory that is not a synthesized tree', ['check', files.notATree]],
  ['check: a tree without stacks', ['check', files.emptyTree]],
  ['check: bad --today', ['check', files.emptyTree, '--today', '2026-02-30']],
  ['check: unknown flag', ['check', '--frobnicate']],
  // cbom
  ['cbom: missing directory', ['cbom', files.missing]],
  ['cbom: a file instead of a directory', ['cbom', files.binary]],
  ['cbom: not a synthesized tree', ['cbom', files.notATree]],
  ['cbom: unknown flag', ['cbom', '--frobnicate']],
  // review
  ['review: missing plan', ['review', '--plan', files.missing]],
  ['review: plan is a directory without plans', ['review', '--plan', files.notATree]],
  ['review: empty plan', ['review', '--plan', files.empty]],
  ['review: binary plan', ['review', '--plan', files.binary]],
  ['review: Latin-1 plan', ['review', '--plan', files.latin1]],
  ['review: --plan with --base (conflicting)', ['review', '--plan', files.empty, '--base', files.notATree, '--head', files.notATree]],
  ['review: --base without --head', ['review', '--base', files.notATree]],
  ['review: nothing to review', ['review']],
  ['review: unknown format', ['review', '--plan', files.empty, '--format', 'pdf']],
  ['review: unknown gate', ['review', '--plan', files.empty, '--fail-on', 'sometimes']],
  ['review: unknown flag', ['review', '--frobnicate']],
  // init
  ['init: unknown example', ['init', 'nope', join(dir, 'new')]],
  ['init: missing folder argument', ['init', 'minimal']],
  ['init: into a file', ['init', 'minimal', files.empty]],
  ['init: unknown flag', ['init', '--frobnicate']],
  // jurisdictions, schema, the program
  ['jurisdictions: unknown code', ['jurisdictions', 'XX']],
  ['jurisdictions: unknown flag', ['jurisdictions', '--frobnicate']],
  ['schema: unexpected argument', ['schema', 'extra']],
  ['unknown command', ['frobnicate']],
];

describe.each(cases)('%s', (_name, args) => {
  const r = run(args);

  it('exits 2', () => {
    expect(r.code).toBe(2);
  });

  it('says why in one line, without a stack trace', () => {
    const lines = r.stderr.split('\n').filter((l) => l.trim() !== '' && !/^\(Did you mean/.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    // Commander adds a usage hint line for some errors; the reason itself is the first line.
    expect(lines[0]!.length).toBeGreaterThan(10);
  });

  it('prints no environment variable value, even with --debug', () => {
    const debug = run([...args, '--debug']);
    expect(r.stdout + r.stderr + debug.stdout + debug.stderr).not.toContain('canary-9f8e7d6c5b4a');
  });
});
