/** Exit codes (DESIGN.md §6) and the error that carries one to the top without a stack trace. */

export const EXIT_OK = 0;
/** Compliance errors, or a review gate tripped: everything was still written. */
export const EXIT_FINDINGS = 1;
/** Bad input: nothing written. */
export const EXIT_INPUT = 2;

/** The CLI's name for the library's UserError: the same class, so the pipeline's errors print alike. */
export { UserError as CliError } from '../errors';
