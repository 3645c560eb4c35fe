/**
 * cdktf records the full stack trace of every token and output reference it creates (a
 * `captureStackTrace` into a plain `{ stack: "" }` object), and reads it only to explain a token
 * that fails to resolve. A landing zone of 1,000 tenants creates hundreds of thousands of them:
 * capturing and formatting those traces was half of construction time in `node --cpu-prof`
 * (BENCHMARKS.md). While slz builds and synthesizes the stacks of a landing-zone file, those
 * captures record nothing; errors keep their traces, and the output is the same.
 */
export function withoutTokenTraces<T>(run: () => T): T {
  const capture = Error.captureStackTrace;
  Error.captureStackTrace = (target: object, below?: Parameters<typeof capture>[1]): void => {
    if (!(target instanceof Error) && (target as { stack?: unknown }).stack === '') return;
    capture.call(Error, target, below);
  };
  try {
    return run();
  } finally {
    Error.captureStackTrace = capture;
  }
}
