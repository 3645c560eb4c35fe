/** Exit codes (DESIGN.md §6) and the error that carries one to the top without a stack trace. */

export const EXIT_OK = 0;
/** Compliance errors, or a review gate tripped: everything was still written. */
export const EXIT_FINDINGS = 1;
/** Bad input: nothing written. */
export const EXIT_INPUT = 2;

/** A failure the user can fix: printed as its lines, never with a stack trace unless --debug. */
export class CliError extends Error {
  constructor(
    readonly lines: readonly string[],
    readonly exitCode: number = EXIT_INPUT,
  ) {
    super(lines.join('\n'));
    this.name = 'CliError';
  }
}
