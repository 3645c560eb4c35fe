/** Where the CLI writes: results to stdout, problems to stderr. Swappable for tests. */

export interface Output {
  out(text: string): void;
  err(text: string): void;
  readonly debug: boolean;
}

export function processOutput(debug: boolean): Output {
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    debug,
  };
}
