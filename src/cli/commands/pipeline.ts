/**
 * `slz pipeline --for gitlab|github|atlantis [DIR] [--out FILE | --check FILE]`: the CI or Atlantis
 * file that plans and applies DIR's stacks in their graph's order. Reads only DIR/stack-graph.json
 * and DIR/slz-context.json. Exit 0 written (or current), 1 `--check` found the file stale, 2 bad input.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { checkPaths, ENGINES, generatePipeline, OrchestrationInputError, readOrchestrationInput, TARGETS, type Engine, type GenerateOptions, type Target } from '../../orchestration';
import { CliError, EXIT_FINDINGS, EXIT_OK } from '../errors';
import type { Output } from '../output';

export interface PipelineCommandOptions {
  readonly for?: string;
  readonly out?: string;
  readonly check?: string;
  readonly engine?: string;
  readonly engineVersion?: string;
  readonly landingZone?: string;
  readonly defaultBranch?: string;
  readonly maxMatrix?: string;
  readonly maxNeeds?: string;
}

/** A path as the generated file names it: relative to the working directory (the repository root), with `/`. */
function repoPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel.split(sep).join('/') || '.';
}

function integer(flag: string, v: string | undefined, min: number, max: number, problems: string[]): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`pipeline: ${flag} must be an integer from ${min} to ${max} (got ${JSON.stringify(v)})`);
    return undefined;
  }
  return n;
}

export function runPipeline(dir: string | undefined, opts: PipelineCommandOptions, io: Output): number {
  const root = dir ?? 'cdktf.out';
  const problems: string[] = [];
  const target = opts.for as Target | undefined;
  if (!target || !(TARGETS as readonly string[]).includes(target)) problems.push(`pipeline: --for must be one of ${TARGETS.join(', ')}${opts.for ? ` (got "${opts.for}")` : ''}`);
  const engine = (opts.engine ?? 'tofu') as Engine;
  if (!(ENGINES as readonly string[]).includes(engine)) problems.push(`pipeline: --engine must be one of ${ENGINES.join(', ')} (got "${opts.engine}")`);
  if (opts.out !== undefined && opts.check !== undefined) problems.push('pipeline: give --out FILE or --check FILE, not both');
  const maxMatrix = integer('--max-matrix', opts.maxMatrix, 1, 256, problems);
  const maxNeeds = integer('--max-needs', opts.maxNeeds, 4, 50, problems);
  if (problems.length) throw new CliError(problems);

  let input: ReturnType<typeof readOrchestrationInput>;
  try {
    input = readOrchestrationInput(root);
  } catch (e) {
    if (e instanceof OrchestrationInputError) throw new CliError(e.lines);
    throw e;
  }
  const source = input.context?.source?.file;
  const landingZoneFile = opts.landingZone ?? (source ? repoPath(resolve(root, source)) : 'landing-zone.yaml');
  const file = opts.out ?? opts.check;
  const gen: GenerateOptions = {
    engine,
    synthDir: repoPath(root),
    landingZoneFile,
    ...(file ? { pipelineFile: repoPath(file) } : {}),
    ...(opts.engineVersion ? { engineVersion: opts.engineVersion } : {}),
    ...(opts.defaultBranch ? { defaultBranch: opts.defaultBranch } : {}),
    ...(maxMatrix !== undefined ? { maxMatrix } : {}),
    ...(maxNeeds !== undefined ? { maxNeeds } : {}),
  };
  const pathProblems = checkPaths(gen);
  if (file && isAbsolute(repoPath(file))) pathProblems.push(`pipeline: ${file} is outside the working directory (run slz from the repository root)`);
  if (pathProblems.length) throw new CliError(pathProblems);

  const text = generatePipeline(target!, input.graph, gen, input.context);
  if (opts.check !== undefined) {
    const current = existsSync(opts.check) ? readFileSync(opts.check, 'utf8') : undefined;
    if (current === text) {
      io.out(`pipeline: ${opts.check} is current (${Object.keys(input.graph.stacks).length} stacks)`);
      return EXIT_OK;
    }
    io.err(`pipeline: ${opts.check} ${current === undefined ? 'does not exist' : 'is stale: the stacks changed since it was generated'}; regenerate it with`);
    io.err(`  npx slz pipeline --for ${target} ${gen.synthDir} --engine ${engine}${opts.engineVersion ? ` --engine-version ${opts.engineVersion}` : ''} --out ${gen.pipelineFile}`);
    return EXIT_FINDINGS;
  }
  if (opts.out !== undefined) {
    try {
      mkdirSync(dirname(opts.out), { recursive: true });
      writeFileSync(opts.out, text);
    } catch (e) {
      throw new CliError([`pipeline: cannot write ${opts.out} (${(e as NodeJS.ErrnoException).code ?? 'error'})`]);
    }
    io.out(`pipeline: ${target} → ${opts.out} (${Object.keys(input.graph.stacks).length} stacks, ${input.graph.waves.length} waves, ${engine})`);
    return EXIT_OK;
  }
  io.out(text);
  return EXIT_OK;
}
