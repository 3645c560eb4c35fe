/**
 * `slz` entry point. Only commander is loaded up front: each command's module (and cdktf,
 * for synth) is required when that command runs, so `slz validate` and `slz --help` start fast.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { join } from 'node:path';
import { CliError, EXIT_INPUT } from './errors';
import { packageRoot } from '../pipeline/package-root';
import { processOutput, type Output } from './output';

function lazy<T>(load: () => T): () => T {
  let cached: T | undefined;
  return () => (cached ??= load());
}

/* eslint-disable @typescript-eslint/no-require-imports -- deferred loading keeps cold start small */
const commands = {
  validate: lazy(() => require('./commands/validate') as typeof import('./commands/validate')),
  schema: lazy(() => require('./commands/schema') as typeof import('./commands/schema')),
  jurisdictions: lazy(() => require('./commands/jurisdictions') as typeof import('./commands/jurisdictions')),
  synth: lazy(() => require('./commands/synth') as typeof import('./commands/synth')),
  init: lazy(() => require('./commands/init') as typeof import('./commands/init')),
  cbom: lazy(() => require('./commands/cbom') as typeof import('./commands/cbom')),
  check: lazy(() => require('./commands/check') as typeof import('./commands/check')),
  review: lazy(() => require('./commands/review') as typeof import('./commands/review')),
  pipeline: lazy(() => require('./commands/pipeline') as typeof import('./commands/pipeline')),
};
/* eslint-enable @typescript-eslint/no-require-imports */

export function buildProgram(setExit: (code: number | Promise<number>) => void, io: () => Output, streams: Pick<Output, 'out' | 'err'> = processOutput(false)): Command {
  const program = new Command('slz')
    .description('Sovereign landing zones: one landing-zone file → compliance-checked Terraform for an in-country tenancy.')
    .version(readVersion(), '-V, --version')
    .addOption(new Option('--debug', 'show stack traces for unexpected errors'))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => streams.out(s),
      writeErr: (s) => streams.err(s),
    });

  program
    .command('validate')
    .description('parse and check a landing-zone file (exit 0 valid, 2 invalid)')
    .argument('[file]', 'landing-zone file (YAML or JSON); default ./landing-zone.yaml (none: exit 2 with how to start)')
    .option('--json', 'print the result as JSON')
    .action((file: string | undefined, opts: { json?: boolean }) => setExit(commands.validate().runValidate(file, opts, io())));

  program
    .command('synth')
    .description('validate, synthesize Terraform JSON, and write reports (exit 0; 1 compliance errors; 2 invalid input, nothing written)')
    .argument('[file]', 'landing-zone file; default ./landing-zone.yaml (none: exit 2 with how to start)')
    .option('-o, --out <dir>', 'output directory (replaced whole, atomically)', 'cdktf.out')
    .option('-j, --jobs <n>', 'synthesize in N parallel shards, byte-identical output; 1 = one thread (default: one per core from 400 stacks, else 1)', wholeNumber)
    .action((file: string | undefined, opts: { out: string; jobs?: number }) => setExit(commands.synth().runSynth(file, opts, io())));

  program
    .command('check')
    .description('compliance rule packs on a synthesized tree, any cdktf app (exit 0; 1 error findings; 2 bad input)')
    .argument('[dir]', 'synthesized directory', 'cdktf.out')
    .option('--today <date>', 'judge expiry and crypto deadlines as of this date (YYYY-MM-DD)')
    .option('--json', 'print compliance.json to stdout instead of the summary')
    .option('--context <file>', 'the landing-zone context for a tree without DIR/slz-context.json: a landing-zone file, or an slz-context.json')
    .option('--jurisdiction <code>', 'context: ISO 3166-1 alpha-2 code of a catalogued country (slz jurisdictions), e.g. MY')
    .option('--classification <label>', 'context: a label of one of its schemes (e.g. SULIT) or a common level (PUBLIC … TOP_SECRET)')
    .option('--in-country-cidrs <cidrs>', 'context: comma-separated in-country networks, e.g. 10.0.0.0/8,fd00::/8')
    .option('--endpoint-domains <domains>', 'context: comma-separated domains in-country endpoints are under, e.g. agency.example.gov.my')
    .option('--codequality <file>', 'also write the unsuppressed findings as a GitLab Code Quality report (paths relative to the working directory)')
    .action((dir: string, opts: import('./commands/check').CheckOptions) => setExit(commands.check().runCheck(dir, opts, io())));

  program
    .command('cbom')
    .description('CycloneDX 1.6 crypto inventory and post-quantum readiness of a synthesized tree (exit 0; 2 bad input)')
    .argument('[dir]', 'synthesized directory', 'cdktf.out')
    .option('-o, --out <file>', 'write the CBOM here instead of DIR/reports/cbom.cdx.json')
    .addOption(new Option('--serial-number <mode>', 'derived: a UUID hashed from the content (same input, same BOM); omit: none').choices(['derived', 'omit']).default('derived'))
    .action((dir: string, opts: { out?: string; serialNumber: 'derived' | 'omit' }) => setExit(commands.cbom().runCbom(dir, opts, io())));

  program
    .command('review')
    .description('review a change for a pull request: a plan JSON, or two synthesized trees (exit 0; 1 gate tripped; 2 bad input)')
    .option('--plan <file>', 'terraform/tofu show -json output, or a directory of them (one <stack>.json per stack)')
    .option('--synth <dir>', 'synthesized tree (or one stack folder) that maps plan addresses to construct paths')
    .option('--base <dir>', 'synthesized tree of the target branch (no credentials needed)')
    .option('--head <dir>', 'synthesized tree of the pull request')
    .addOption(new Option('--format <format>', 'report format (codequality: a GitLab Code Quality report)').choices(['md', 'json', 'sarif', 'codequality']).default('md'))
    .addOption(new Option('--post <forge>', 'create or update the one merge-request note that carries this review (Markdown), through the forge\'s API with the token from the environment').choices(['gitlab']))
    .option('-o, --out <file>', 'write the report to FILE instead of stdout')
    .addOption(new Option('--fail-on <level>', 'exit 1 when a risk is at or above this level').choices(['critical', 'high', 'medium', 'never']).default('high'))
    .action((opts: import('./commands/review').ReviewOptions) => setExit(opts.post ? commands.review().runReviewAndPost(opts, io()) : commands.review().runReview(opts, io())));

  program
    .command('pipeline')
    .description('generate the GitLab CI, GitHub/Forgejo Actions or Atlantis file that plans and applies a synthesized tree in its stack graph\'s order (exit 0; 1 --check found it stale; 2 bad input)')
    .argument('[dir]', 'synthesized directory (reads its stack-graph.json and slz-context.json)', 'cdktf.out')
    .addOption(new Option('--for <engine>', 'the engine to generate for').choices(['gitlab', 'github', 'atlantis']).makeOptionMandatory())
    .option('-o, --out <file>', 'write the file here (relative to the repository root) instead of stdout')
    .option('--check <file>', 'exit 1 unless FILE is what this command would write (for CI)')
    .addOption(new Option('--engine <engine>', 'OpenTofu or Terraform').choices(['tofu', 'terraform']).default('tofu'))
    .option('--engine-version <version>', 'version to install (default: 1.11.14 for tofu, 1.11.4 for terraform)')
    .option('--landing-zone <file>', 'the landing-zone file (default: the one slz synth recorded in slz-context.json)')
    .option('--default-branch <branch>', 'github: the branch whose pushes apply (default main)')
    .option('--max-matrix <n>', 'github: stacks per matrix, at most 256')
    .option('--max-needs <n>', 'gitlab: needs per job, at most 50')
    .action((dir: string, opts: import('./commands/pipeline').PipelineCommandOptions) => setExit(commands.pipeline().runPipeline(dir, opts, io())));

  program
    .command('schema')
    .description('print the JSON Schema of the landing-zone file (for editors)')
    .action(() => setExit(commands.schema().runSchema(io())));

  program
    .command('jurisdictions')
    .description('show the jurisdiction catalogue, or one entry in full')
    .argument('[code]', 'ISO 3166-1 alpha-2 code, e.g. MY')
    .option('--json', 'print the catalogue data as JSON')
    .action((code: string | undefined, opts: { json?: boolean }) => setExit(commands.jurisdictions().runJurisdictions(code, opts, io())));

  program
    .command('init')
    .description('copy a bundled example into a new folder to start your own landing zone')
    .argument('[example]', 'example name (minimal, ministry-health, national-registry, asean-shared-service, sovereign-ai-workspace, typescript-fork)')
    .argument('[dir]', 'new folder to create')
    .option('--package <spec>', 'dependency spec for sovereign-landing-zone in the new package.json (a registry range, git URL or file: path); default: this copy packed into DIR/vendor/')
    .action((example: string | undefined, dir: string | undefined, opts: { package?: string }) => setExit(commands.init().runInit(example, dir, opts, io())));

  return program;
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

function readVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(join(packageRoot(), 'package.json')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/**
 * Runs the CLI with `argv` as node gives it (`[node, script, ...args]`) and returns the exit code.
 * Never throws and never prints a stack trace unless --debug.
 */
export function runCli(argv: readonly string[], io: Output): number {
  let exitCode = 0;
  const program = buildProgram(
    (c) => {
      if (typeof c === 'number') exitCode = c;
      else {
        // Only `slz review --post` talks to a server; in-process callers use runCliAsync for it.
        c.catch(() => undefined);
        io.err('slz: this command needs runCliAsync');
        exitCode = EXIT_INPUT;
      }
    },
    () => io,
    io,
  );
  try {
    program.parse(argv as string[]);
  } catch (e) {
    exitCode = handleError(e, io);
  }
  return exitCode;
}

/** Like runCli, and waits for commands that talk to a server (`slz review --post`). */
export async function runCliAsync(argv: readonly string[], io: Output): Promise<number> {
  let exit: number | Promise<number> = 0;
  const program = buildProgram((c) => (exit = c), () => io, io);
  try {
    await program.parseAsync(argv as string[]);
    return await exit;
  } catch (e) {
    return handleError(e, io);
  }
}

/** The `slz` binary: runs the CLI on the process's arguments and sets its exit code. */
export function main(argv: readonly string[]): void {
  // `slz … | head` closes the pipe early: that is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  void runCliAsync(argv, processOutput(argv.includes('--debug'))).then((code) => {
    process.exitCode = code;
  });
}

export function handleError(e: unknown, io: Output): number {
  if (e instanceof CommanderError) {
    // help and version are "errors" to commander; they already printed.
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    return EXIT_INPUT;
  }
  if (e instanceof CliError) {
    for (const line of e.lines) io.err(line);
    if (io.debug && e.stack) io.err(e.stack);
    return e.exitCode;
  }
  const message = e instanceof Error ? e.message : String(e);
  io.err(`slz: unexpected error: ${message.split('\n')[0]}${io.debug ? '' : ' (run again with --debug for details)'}`);
  if (io.debug && e instanceof Error && e.stack) io.err(e.stack);
  return EXIT_INPUT;
}

// `node dist/src/cli/main.js …` works like the `slz` binary.
if (require.main === module) main(process.argv);
