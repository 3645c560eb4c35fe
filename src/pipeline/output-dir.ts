/**
 * Writing an output directory without losing anything the user owns:
 * - DIR is replaced only when it holds no file, or is a previous output of this tool (marker
 *   file), never `/` or the home directory, never through a symbolic link;
 * - one writer at a time: a lock file beside DIR, created exclusively, taken over only when the
 *   process that holds it is gone;
 * - every file in the old DIR that slz did not write (Terraform state and its backup, lock files,
 *   `.terraform/`, `*.tofu`, `*.tfvars`, anything else) is carried into the new tree before the
 *   swap — hard-linked, else copied; symbolic links are recreated, never followed. The files slz
 *   wrote are listed in the marker, so nothing is guessed from names. A stack that is no longer
 *   synthesized but holds such files moves to `orphaned/<stack>/` with its last configuration,
 *   so it can still be destroyed;
 * - while Terraform or OpenTofu holds a state lock inside DIR, synth refuses (exit 2);
 * - the new tree is written into a temporary sibling and swapped in with renames, so DIR is
 *   always the old complete tree or the new one (with the user's files in both); if a run is
 *   killed between the two renames, the next run puts the old tree back before it starts.
 */
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, parse, posix, resolve, sep } from 'node:path';
import { UserError } from '../errors';

/** Present in every directory `slz synth` writes; its absence protects user data from replacement. */
export const OUTPUT_MARKER = '.slz-output';
/** Where stacks that are no longer synthesized keep the user's files and their last configuration. */
export const ORPHANED_DIR = 'orphaned';

const MARKER_HEADER = [
  'Written by sovereign-landing-zone (slz synth).',
  'The next synth replaces the files listed below; every other file in this directory (Terraform state,',
  '.terraform/, lock files, *.tofu, *.tfvars, ...) is yours and is carried over into the new tree.',
];
const LIST_START = '--- files written by slz ---';

/** Terraform's and OpenTofu's lock while they operate on local state. */
const STATE_LOCK = '.terraform.tfstate.lock.info';

export interface StagedOutput {
  /** Where to write the new tree. */
  readonly staging: string;
  /** The final directory. */
  readonly target: string;
  /** Held until commit or discard. */
  readonly lock: string;
}

/** What the commit did with files slz did not write. */
export interface CarryOver {
  /** Paths (relative, `/`-separated) carried into the new tree. */
  readonly carried: readonly string[];
  /** Stacks no longer synthesized whose folders held user files: now under `orphaned/<stack>/`. */
  readonly orphaned: readonly string[];
}

/**
 * Fault injection for the reliability tests: a run with SLZ_CRASH_AT=<point> dies there by
 * SIGKILL, as a killed CI job or a power cut would, leaving the disk exactly as it is.
 */
function crashPoint(point: string): void {
  if (process.env.SLZ_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
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
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new UserError([`--out: cannot write beside ${out} (${ioReason(e)})`]);
      const holder = Number(readFileSafe(lock));
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new UserError([`--out: another slz synth (pid ${holder}) is writing ${out}; run again when it has finished`]);
      }
      // The holder died (killed mid-run): its lock is stale.
      rmSync(lock, { force: true });
    }
  }
  throw new UserError([`--out: could not lock ${out}`]);
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

/** Every path under `dir` (relative, `/`-separated), symbolic links not followed. */
function walk(dir: string, base = ''): { rel: string; kind: 'file' | 'dir' | 'link' }[] {
  const out: { rel: string; kind: 'file' | 'dir' | 'link' }[] = [];
  for (const name of readdirSync(dir).sort()) {
    const rel = base ? `${base}/${name}` : name;
    const st = lstatSync(join(dir, name));
    if (st.isSymbolicLink()) out.push({ rel, kind: 'link' });
    else if (st.isDirectory()) {
      out.push({ rel, kind: 'dir' });
      out.push(...walk(join(dir, name), rel));
    } else out.push({ rel, kind: 'file' });
  }
  return out;
}

/** Files an older slz wrote before the marker listed them. */
function writtenByLegacySlz(rel: string): boolean {
  return rel === OUTPUT_MARKER || rel === 'manifest.json' || rel === 'slz-context.json' || rel.startsWith('reports/') || /^stacks\/[^/]+\/cdk\.tf\.json$/.test(rel);
}

/** Which files of an existing output slz wrote, from its marker. */
export function writtenFiles(dir: string): (rel: string) => boolean {
  const text = readFileSafe(join(dir, OUTPUT_MARKER));
  const start = text.split('\n').indexOf(LIST_START);
  if (start < 0) return writtenByLegacySlz;
  const listed = new Set(text.split('\n').slice(start + 1).filter((l) => l.length > 0));
  return (rel) => rel === OUTPUT_MARKER || listed.has(rel);
}

function toPosix(rel: string): string {
  return rel.split(sep).join(posix.sep);
}

/** Checks the destination, takes the lock and creates a staging directory beside it. */
export function stageOutput(out: string): StagedOutput {
  const target = resolve(out);
  if (target === parse(target).root) throw new UserError([`--out: refusing to write to the filesystem root (${target})`]);
  if (target === resolve(homedir())) throw new UserError([`--out: refusing to replace the home directory (${target})`]);
  const parent = dirname(target);
  try {
    mkdirSync(parent, { recursive: true });
  } catch (e) {
    throw new UserError([`--out: cannot create ${parent} (${ioReason(e)})`]);
  }
  const lock = acquireLock(target, out);
  try {
    recover(target);
    if (existsSync(target)) {
      const st = lstatSync(target);
      if (st.isSymbolicLink()) throw new UserError([`--out: ${out} is a symbolic link; give the real directory`]);
      if (!st.isDirectory()) throw new UserError([`--out: ${out} exists and is not a directory`]);
      const entries = walk(target);
      const marker = existsSync(join(target, OUTPUT_MARKER)) && lstatSync(join(target, OUTPUT_MARKER)).isFile();
      // Empty folders alone (a cdktf App creates <outdir>/stacks when it is constructed) hold nothing to lose.
      if (!marker && entries.some((e) => e.kind !== 'dir')) {
        throw new UserError([`--out: ${out} is not empty and is not an output of slz (no ${OUTPUT_MARKER} file); refusing to replace it — choose an empty or new directory`]);
      }
      const locked = entries.find((e) => e.kind === 'file' && basename(e.rel) === STATE_LOCK);
      if (locked) {
        throw new UserError([
          `--out: ${join(out, dirname(locked.rel))} holds ${STATE_LOCK}: Terraform or OpenTofu is working on that state; run synth again when it has finished (if no run is alive, \`terraform force-unlock\` it)`,
        ]);
      }
    }
    let staging: string;
    try {
      staging = mkdtempSync(join(parent, `${siblings(target).prefix}tmp-`));
      // mkdtemp creates 0700; outputs are read by CI users and reviewers like any other build output.
      chmodSync(staging, 0o777 & ~process.umask());
    } catch (e) {
      throw new UserError([`--out: cannot write beside ${out} (${ioReason(e)})`]);
    }
    return { staging, target, lock };
  } catch (e) {
    rmSync(lock, { force: true });
    throw e;
  }
}

/** One file or link of the old tree into the new one: a hard link where the filesystem allows it, else a copy. */
function carry(from: string, to: string, kind: 'file' | 'link'): void {
  mkdirSync(dirname(to), { recursive: true });
  if (kind === 'link') {
    symlinkSync(readlinkSync(from), to);
    return;
  }
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Carries every path of the old tree that slz did not write into the staged tree. A stack that
 * is no longer synthesized keeps its files and last configuration under `orphaned/<stack>/`; if it
 * is synthesized again, its files move back. Where the new tree has a file at the same path (the
 * user's file shadows one slz now writes), synth refuses.
 */
function carryOver(staged: StagedOutput): CarryOver & { configs: readonly string[] } {
  if (!existsSync(staged.target)) return { carried: [], orphaned: [], configs: [] };
  const written = writtenFiles(staged.target);
  const newStacks = new Set(existsSync(join(staged.staging, 'stacks')) ? readdirSync(join(staged.staging, 'stacks')) : []);
  const entries = walk(staged.target);
  const orphanedNow = new Set<string>();
  const destinationOf = (rel: string): string => {
    const inStacks = /^stacks\/([^/]+)(\/.*)?$/.exec(rel);
    if (inStacks && !newStacks.has(inStacks[1]!)) {
      orphanedNow.add(inStacks[1]!);
      return `${ORPHANED_DIR}/${inStacks[1]}${inStacks[2] ?? ''}`;
    }
    const inOrphans = new RegExp(`^${ORPHANED_DIR}/([^/]+)(/.*)?$`).exec(rel);
    return inOrphans && newStacks.has(inOrphans[1]!) ? `stacks/${inOrphans[1]}${inOrphans[2] ?? ''}` : rel;
  };
  const moves = entries.filter((e) => e.kind !== 'dir' && !written(e.rel)).map((e) => ({ from: e.rel, kind: e.kind as 'file' | 'link', to: destinationOf(e.rel) }));
  // An orphaned stack keeps its last configuration, so `destroy` still works from its folder; a
  // stack synthesized again gets the new one instead.
  const configs: { from: string; kind: 'file'; to: string }[] = [];
  for (const e of entries) {
    const config = /^(stacks|orphaned)\/([^/]+)\/cdk\.tf\.json$/.exec(e.rel);
    if (!config || e.kind !== 'file' || !written(e.rel) || newStacks.has(config[2]!)) continue;
    if (config[1] === 'orphaned' || orphanedNow.has(config[2]!)) configs.push({ from: e.rel, kind: 'file', to: `${ORPHANED_DIR}/${config[2]}/cdk.tf.json` });
  }
  const clash = moves.find((m) => existsSync(join(staged.staging, m.to)));
  if (clash) {
    throw new UserError([
      `--out: ${join(staged.target, clash.from)} is not a file slz wrote, but slz now writes a file at ${clash.to}; move it out of the output directory and run synth again (nothing was changed)`,
    ]);
  }
  for (const [i, m] of [...moves, ...configs].entries()) {
    carry(join(staged.target, m.from), join(staged.staging, m.to), m.kind);
    if (i === 2) crashPoint('carrying');
  }
  const newlyOrphaned = [...orphanedNow].filter((n) => !existsSync(join(staged.target, ORPHANED_DIR, n)));
  return { carried: moves.map((m) => m.to).sort(), orphaned: newlyOrphaned.sort(), configs: configs.map((c) => c.to) };
}

function markerText(staging: string, carried: readonly string[]): string {
  const carriedSet = new Set(carried);
  const files = walk(staging)
    .filter((e) => e.kind === 'file' && e.rel !== OUTPUT_MARKER && !carriedSet.has(e.rel))
    .map((e) => toPosix(e.rel));
  return `${[...MARKER_HEADER, LIST_START, ...files].join('\n')}\n`;
}

/**
 * Carries the user's files over, marks the staged tree and swaps it into place. The old tree is
 * removed only after the new one, with every carried file, is in.
 */
export function commitOutput(staged: StagedOutput): CarryOver {
  try {
    const { configs: _configs, ...result } = carryOver(staged);
    writeFileSync(join(staged.staging, OUTPUT_MARKER), markerText(staged.staging, result.carried));
    const missing = result.carried.find((rel) => {
      try {
        lstatSync(join(staged.staging, rel));
        return false;
      } catch {
        return true;
      }
    });
    if (missing) throw new UserError([`--out: could not carry ${missing} into the new tree; ${staged.target} is unchanged`]);
    let old: string | undefined;
    if (existsSync(staged.target)) {
      old = `${staged.staging}-old`;
      crashPoint('before-swap');
      renameSync(staged.target, old);
      crashPoint('between-renames');
    }
    try {
      renameSync(staged.staging, staged.target);
    } catch (e) {
      if (old) renameSync(old, staged.target);
      throw e;
    }
    crashPoint('after-swap');
    // rmSync removes symbolic links planted in the old tree, never what they point to; the
    // user's files live on in the new tree (hard links or copies).
    if (old) rmSync(old, { recursive: true, force: true });
    return result;
  } catch (e) {
    rmSync(staged.staging, { recursive: true, force: true });
    if (e instanceof UserError) throw e;
    throw new UserError([`--out: cannot write ${staged.target} (${ioReason(e)}); the previous output is unchanged`]);
  } finally {
    rmSync(staged.lock, { force: true });
  }
}

/** Removes a staging directory after a failure; the target was never touched. */
export function discardOutput(staged: StagedOutput): void {
  rmSync(staged.staging, { recursive: true, force: true });
  rmSync(staged.lock, { force: true });
}
