/**
 * A failure the user can fix: printed as its lines, never with a stack trace (unless --debug),
 * with the exit code it carries. Thrown by the library's pipeline and by the CLI alike.
 */
export class UserError extends Error {
  constructor(
    readonly lines: readonly string[],
    /** 2: bad input, nothing written (DESIGN.md §6). */
    readonly exitCode: number = 2,
  ) {
    super(lines.join('\n'));
    this.name = 'UserError';
  }
}
