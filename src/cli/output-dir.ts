/**
 * Writing an output directory without losing anything (issue: nothing lost on disk):
 * - DIR is replaced only when it is empty or a previous output of this tool (marker file), never
 *   `/` or the home directory, never through a symbolic link;
 * - one writer at a time: a lock file beside DIR, created exclusively, taken over only when the
 *   process that holds it is gone;
 * - the new tree is written into a temporary sibling and swapped in with renames, so DIR is
 *   always the old complete tree or the new one; if a run is killed between the two renames, the
 *   next run puts the old tree back before it starts.
 */
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, parse, resolve } from 'node:path';
import { CliError } from './errors';

/** Present in every directory `slz synth` writes; its absence protects user data from replacement. */
export const OUTPUT_MARKER = '.slz-output';

export interface StagedOutput {
  /** Where to write the new tree. */
  readonly staging: string;
  /** The final directory. */
  readonly target: string;
  /** Held until commit or discard. */
  readonly lock: string;
}

function siblings(target: string): { parent: string; prefix: string } {
  return { parent: dirname(target), prefix: `.${basename(target)}.slz-` };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'the destination is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  return code;
}

/** Takes the writer lock beside `target`, or explains who holds it. */
function acquireLock(target: string, out: string): string {
  const { parent, prefix } = siblings(target);
  const lock = join(parent, `${prefix}lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return lock;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new CliError([`--out: cannot write beside ${out} (${ioReason(e)})`]);
      const holder = Number(readFileSafe(lock));
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new CliError([`--out: another slz synth (pid ${holder}) is writing ${out}; run again when it has finished`]);
      }
      // The holder died (killed mid-run): its lock is stale.
      rmSync(lock, { force: true });
    }
  }
  throw new CliError([`--out: could not lock ${out}`]);
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '';
  }
}

/** Undoes what a killed run left: puts an old tree back if DIR is missing, removes temporary trees. */
function recover(target: string): void {
  const { parent, prefix } = siblings(target);
  if (!existsSync(parent)) return;
  const leftovers = readdirSync(parent).filter((n) => n.startsWith(prefix) && n !== `${prefix}lock`);
  const old = leftovers.find((n) => n.endsWith('-old'));
  if (old && !existsSync(target)) renameSync(join(parent, old), target);
  for (const n of leftovers) if (existsSync(join(parent, n))) rmSync(join(parent, n), { recursive: true, force: true });
}

/** Checks the destination, takes the lock and creates a staging directory beside it. */
export function stageOutput(out: string): StagedOutput {
  const target = resolve(out);
  if (target === parse(target).root) throw new CliError([`--out: refusing to write to the filesystem root (${target})`]);
  if (target === resolve(homedir())) throw new CliError([`--out: refusing to replace the home directory (${target})`]);
  const parent = dirname(target);
  try {
    mkdirSync(parent, { recursive: true });
  } catch (e) {
    throw new CliError([`--out: cannot create ${parent} (${ioReason(e)})`]);
  }
  const lock = acquireLock(target, out);
  try {
    recover(target);
    if (existsSync(target)) {
      const st = lstatSync(target);
      if (st.isSymbolicLink()) throw new CliError([`--out: ${out} is a symbolic link; give the real directory`]);
      if (!st.isDirectory()) throw new CliError([`--out: ${out} exists and is not a directory`]);
      const entries = readdirSync(target);
      const marker = entries.includes(OUTPUT_MARKER) && lstatSync(join(target, OUTPUT_MARKER)).isFile();
      if (entries.length > 0 && !marker) {
        throw new CliError([`--out: ${out} is not empty and is not an output of slz (no ${OUTPUT_MARKER} file); refusing to replace it — choose an empty or new directory`]);
      }
    }
    let staging: string;
    try {
      staging = mkdtempSync(join(parent, `${siblings(target).prefix}tmp-`));
      // mkdtemp creates 0700; outputs are read by CI users and reviewers like any other build output.
      chmodSync(staging, 0o777 & ~process.umask());
    } catch (e) {
      throw new CliError([`--out: cannot write beside ${out} (${ioReason(e)})`]);
    }
    return { staging, target, lock };
  } catch (e) {
    rmSync(lock, { force: true });
    throw e;
  }
}

/** Marks the staged tree and swaps it into place. The old tree is removed only after the new one is in. */
export function commitOutput(staged: StagedOutput): void {
  try {
    writeFileSync(join(staged.staging, OUTPUT_MARKER), 'Written by sovereign-landing-zone (slz synth). This directory is replaced whole on the next synth.\n');
    let old: string | undefined;
    if (existsSync(staged.target)) {
      old = `${staged.staging}-old`;
      renameSync(staged.target, old);
    }
    try {
      renameSync(staged.staging, staged.target);
    } catch (e) {
      if (old) renameSync(old, staged.target);
      throw e;
    }
    // rmSync removes symbolic links planted in the old tree, never what they point to.
    if (old) rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(staged.staging, { recursive: true, force: true });
    if (e instanceof CliError) throw e;
    throw new CliError([`--out: cannot write ${staged.target} (${ioReason(e)}); the previous output is unchanged`]);
  } finally {
    rmSync(staged.lock, { force: true });
  }
}

/** Removes a staging directory after a failure; the target was never touched. */
export function discardOutput(staged: StagedOutput): void {
  rmSync(staged.staging, { recursive: true, force: true });
  rmSync(staged.lock, { force: true });
}
