/**
 * Writing an output directory without losing anything: synthesize into a sibling temp directory,
 * then swap it in with renames, so DIR is always either the old complete tree or the new one.
 * DIR is only replaced when it is empty or a previous output of this tool (marker file).
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
}

/** Checks the destination and creates a staging directory beside it. */
export function stageOutput(out: string): StagedOutput {
  const target = resolve(out);
  if (target === parse(target).root) throw new CliError([`--out: refusing to write to the filesystem root (${target})`]);
  if (target === resolve(homedir())) throw new CliError([`--out: refusing to replace the home directory (${target})`]);
  if (existsSync(target)) {
    const st = lstatSync(target);
    if (st.isSymbolicLink()) throw new CliError([`--out: ${out} is a symbolic link; give the real directory`]);
    if (!st.isDirectory()) throw new CliError([`--out: ${out} exists and is not a directory`]);
    const entries = readdirSync(target);
    if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
      throw new CliError([`--out: ${out} is not empty and is not an output of slz (no ${OUTPUT_MARKER} file); refusing to replace it`, 'choose an empty or new directory']);
    }
  }
  const parent = dirname(target);
  try {
    mkdirSync(parent, { recursive: true });
    const staging = mkdtempSync(join(parent, `.${basename(target)}.slz-tmp-`));
    return { staging, target };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new CliError([`--out: cannot write beside ${out} (${code === 'EACCES' || code === 'EROFS' ? 'the destination is read-only' : code})`]);
  }
}

/** Marks the staged tree and swaps it into place. The old tree is removed only after the new one is in. */
export function commitOutput(staged: StagedOutput): void {
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
  if (old) rmSync(old, { recursive: true, force: true });
}

/** Removes a staging directory after a failure; the target was never touched. */
export function discardOutput(staged: StagedOutput): void {
  rmSync(staged.staging, { recursive: true, force: true });
}
