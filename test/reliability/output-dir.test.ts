/**
 * Nothing lost on disk: `slz synth` leaves DIR as the old complete tree or the new one, whatever
 * happens — invalid input, a killed process, a concurrent run, a planted symlink, a read-only disk.
 * These tests run the built CLI (dist/, made by `npm ci`) in child processes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { generateLandingZone } from '../helpers/generate';
import { readTree, tempDir } from '../helpers/synth';

const BIN = join(__dirname, '..', '..', 'bin', 'slz.js');
const MINIMAL = 'examples/minimal/landing-zone.yaml';

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function treeHash(dir: string): string {
  const h = createHash('sha256');
  for (const [file, content] of [...readTree(dir)].sort(([a], [b]) => a.localeCompare(b))) h.update(file).update('\0').update(content);
  return h.digest('hex');
}

/** A complete output: marker, manifest, and every stack the manifest names. */
function isComplete(dir: string): boolean {
  if (!existsSync(join(dir, '.slz-output')) || !existsSync(join(dir, 'manifest.json'))) return false;
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { stacks: Record<string, { synthesizedStackPath: string }> };
  return Object.values(manifest.stacks).every((s) => {
    try {
      JSON.parse(readFileSync(join(dir, s.synthesizedStackPath), 'utf8'));
      return true;
    } catch {
      return false;
    }
  });
}

let big: string;
beforeAll(() => {
  big = join(tempDir(), 'big.yaml');
  writeFileSync(big, generateLandingZone(150));
});

describe('slz synth keeps the output directory whole', () => {
  it('leaves the previous output byte-identical when the input is invalid', () => {
    const out = join(tempDir(), 'out');
    expect(run('synth', MINIMAL, '--out', out).code).toBe(0);
    const before = treeHash(out);
    const bad = join(tempDir(), 'bad.yaml');
    writeFileSync(bad, readFileSync(MINIMAL, 'utf8').replace('retentionDays: 365', 'retentionDays: 3'));
    const r = run('synth', bad, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing was written/);
    expect(treeHash(out)).toBe(before);
  });

  it('leaves the old or the new complete tree when killed at any moment, and recovers on the next run', async () => {
    const out = join(tempDir(), 'out');
    expect(run('synth', MINIMAL, '--out', out).code).toBe(0);
    const old = treeHash(out);
    for (const delay of [30, 120, 300, 600, 900, 1400]) {
      const child = spawn(process.execPath, [BIN, 'synth', big, '--out', out], { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      const now = existsSync(out) ? treeHash(out) : 'missing';
      if (now !== old) expect(isComplete(out)).toBe(true);
      // A later run takes over the dead process's lock and cleans what it left.
      const next = run('synth', MINIMAL, '--out', out);
      expect(next.stderr).toBe('');
      expect(next.code).toBe(0);
      expect(treeHash(out)).toBe(old);
      expect(readdirSync(join(out, '..')).filter((n) => n.includes('.slz-'))).toEqual([]);
    }
  }, 120_000);

  it('lets one of two concurrent runs write and tells the other why it stopped', async () => {
    const out = join(tempDir(), 'out');
    const first = spawn(process.execPath, [BIN, 'synth', big, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    const lock = join(out, '..', '.out.slz-lock');
    // Generous: under load, starting node and validating 150 tenants can take seconds.
    for (let i = 0; i < 3000 && !existsSync(lock); i++) await new Promise((r) => setTimeout(r, 10));
    expect(existsSync(lock)).toBe(true);
    const second = run('synth', MINIMAL, '--out', out);
    expect(second.code).toBe(2);
    expect(second.stderr.trim()).toMatch(/^--out: another slz synth \(pid \d+\) is writing .*; run again when it has finished$/);
    const code = await new Promise((r) => first.on('exit', r));
    expect(code).toBe(0);
    expect(isComplete(out)).toBe(true);
    expect(readdirSync(join(out, 'stacks'))).toHaveLength(152);
  }, 60_000);

  it('does not follow a symbolic link planted inside the output directory', () => {
    const out = join(tempDir(), 'out');
    expect(run('synth', MINIMAL, '--out', out).code).toBe(0);
    const precious = join(tempDir(), 'precious');
    mkdirSync(precious);
    writeFileSync(join(precious, 'evidence.txt'), 'keep');
    symlinkSync(precious, join(out, 'stacks', 'planted'));
    expect(run('synth', MINIMAL, '--out', out).code).toBe(0);
    expect(readFileSync(join(precious, 'evidence.txt'), 'utf8')).toBe('keep');
    // The link is the user's: it is kept (as a link, where no stack of that name is synthesized), never followed.
    expect(existsSync(join(out, 'stacks', 'planted'))).toBe(false);
    expect(lstatSync(join(out, 'orphaned', 'planted')).isSymbolicLink()).toBe(true);
    expect(readdirSync(precious)).toEqual(['evidence.txt']);
  });

  it('refuses an output directory that is itself a symbolic link', () => {
    const real = join(tempDir(), 'real');
    mkdirSync(real);
    const link = join(tempDir(), 'link');
    symlinkSync(real, link);
    const r = run('synth', MINIMAL, '--out', link);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a symbolic link/);
  });

  it('refuses the filesystem root and the home directory with one line', () => {
    for (const out of ['/', homedir()]) {
      const r = run('synth', MINIMAL, '--out', out);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/refusing to (write to the filesystem root|replace the home directory)/);
    }
  });

  it('answers a read-only destination with exit 2 and one line', () => {
    // Root ignores permission bits, so as root the test uses a read-only filesystem (/sys in containers).
    const readOnly = process.getuid?.() === 0 ? '/sys' : (() => {
      const d = tempDir();
      spawnSync('chmod', ['0555', d]);
      return d;
    })();
    const probe = spawnSync('sh', ['-c', `touch ${readOnly}/.slz-probe 2>/dev/null && rm -f ${readOnly}/.slz-probe`]);
    expect(probe.status).not.toBe(0);
    const r = run('synth', MINIMAL, '--out', join(readOnly, 'slz-out'));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/read-only/)]);
  });
});
