/** Runs the CLI in-process and captures what it prints, for fast table-driven tests. */
import { runCli } from '../../src/cli/main';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function slz(...args: string[]): CliRun {
  let stdout = '';
  let stderr = '';
  const io = {
    out: (t: string) => (stdout += t.endsWith('\n') ? t : `${t}\n`),
    err: (t: string) => (stderr += t.endsWith('\n') ? t : `${t}\n`),
    debug: args.includes('--debug'),
  };
  const code = runCli(['node', 'slz', ...args], io);
  return { code, stdout, stderr };
}

/** A Node stack-trace line, as the contract check looks for it. */
export const STACK_TRACE = /^\s+at .+:[0-9]+:[0-9]+\)?$/m;
