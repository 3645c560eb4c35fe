/**
 * What `slz pipeline` reads: `DIR/stack-graph.json` (stacks, dependencies, waves) and, when
 * present, `DIR/slz-context.json` (the landing zone's name and where its file is). Nothing else:
 * generation is a pure function of these two files, so the same tree gives the same pipeline.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContextFile, type SynthContextFile } from '../synthesized/context';
import { STACK_GRAPH_FILE, type GraphStack, type StackGraph } from '../synthesized/stack-graph';

export class OrchestrationInputError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
    this.name = 'OrchestrationInputError';
  }
}

/**
 * Stack names and folders go into job names, shell commands and paths of generated CI files: only
 * characters that need no quoting anywhere are accepted, so a crafted name can never inject a command.
 */
export const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

function fail(problem: string): never {
  throw new OrchestrationInputError([`pipeline: ${STACK_GRAPH_FILE}: ${problem}`]);
}

/** Checks a parsed stack graph: shape, safe names, known dependencies, waves consistent with them. */
export function checkStackGraph(raw: unknown): StackGraph {
  if (!raw || typeof raw !== 'object') fail('is not a JSON object');
  const g = raw as Partial<StackGraph>;
  if (g.apiVersion !== 'slz/v1' || g.kind !== 'StackGraph') fail('is not an slz stack graph (apiVersion slz/v1, kind StackGraph)');
  if (!g.stacks || typeof g.stacks !== 'object') fail('has no stacks');
  if (!Array.isArray(g.waves)) fail('has no waves');
  const names = Object.keys(g.stacks);
  if (names.length === 0) fail('lists no stack');
  for (const name of names) {
    const s = g.stacks[name] as Partial<GraphStack> | undefined;
    if (!SAFE_NAME.test(name)) fail(`stack name ${JSON.stringify(name)} has characters a CI file cannot carry unquoted`);
    if (!s || typeof s !== 'object') fail(`stack ${name} is not an object`);
    if (s.dir !== `stacks/${name}`) fail(`stack ${name} has dir ${JSON.stringify(s.dir)}, expected "stacks/${name}"`);
    if (!Number.isInteger(s.wave) || (s.wave as number) < 0) fail(`stack ${name} has no wave`);
    if (!Array.isArray(s.dependsOn)) fail(`stack ${name} has no dependsOn list`);
    for (const d of s.dependsOn) {
      if (typeof d !== 'string' || !(d in g.stacks)) fail(`stack ${name} depends on ${JSON.stringify(d)}, which is not in the graph`);
      if ((g.stacks[d] as GraphStack).wave >= (s.wave as number)) fail(`stack ${name} (wave ${s.wave}) depends on ${d} (wave ${(g.stacks[d] as GraphStack).wave})`);
    }
  }
  const listed = new Set<string>();
  g.waves.forEach((wave, i) => {
    if (!Array.isArray(wave)) fail(`wave ${i} is not a list`);
    for (const name of wave) {
      if (typeof name !== 'string' || !(name in g.stacks!)) fail(`wave ${i} lists ${JSON.stringify(name)}, which is not in stacks`);
      if ((g.stacks![name] as GraphStack).wave !== i) fail(`wave ${i} lists ${name}, whose wave is ${(g.stacks![name] as GraphStack).wave}`);
      listed.add(name);
    }
  });
  if (listed.size !== names.length) fail(`waves list ${listed.size} stacks, stacks has ${names.length}`);
  return g as StackGraph;
}

export interface OrchestrationInput {
  readonly graph: StackGraph;
  /** Absent when the tree came from another cdktf app. */
  readonly context?: SynthContextFile;
}

/** Reads DIR's stack graph and context. Throws OrchestrationInputError with one line per problem. */
export function readOrchestrationInput(dir: string): OrchestrationInput {
  const path = join(dir, STACK_GRAPH_FILE);
  if (!existsSync(path)) throw new OrchestrationInputError([`pipeline: ${path} not found: synthesize first (slz synth FILE --out ${dir})`]);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new OrchestrationInputError([`pipeline: ${path} is not valid JSON (${(e instanceof Error ? e.message : String(e)).split('\n')[0]})`]);
  }
  const graph = checkStackGraph(raw);
  let context: SynthContextFile | undefined;
  try {
    context = readContextFile(dir);
  } catch (e) {
    throw new OrchestrationInputError([`pipeline: ${join(dir, 'slz-context.json')}: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`]);
  }
  return { graph, ...(context ? { context } : {}) };
}
