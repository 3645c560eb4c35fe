/**
 * What an e2e suite does when something it needs is missing: it says so on the console and in a
 * test whose name says it did NOT run — never a silent pass. With CI=true a missing server fails
 * (CI builds its own kit); a missing provider does not fail CI (the Go proxy refuses them) but is
 * reported the same way.
 */
export function isCi(): boolean {
  return process.env.CI === 'true' || process.env.CI === '1' || process.env.SLZ_E2E_REQUIRED === '1';
}

/**
 * Returns true when nothing is missing. Otherwise registers one test named
 * `<suite> — DID NOT RUN (missing: …)` that fails when `failInCi` and CI are both set.
 */
export function gate(suite: string, missing: readonly string[], opts: { failInCi: boolean }): boolean {
  if (missing.length === 0) return true;
  const line = `${suite} — DID NOT RUN (missing: ${missing.join('; ')})`;
  process.stderr.write(`e2e: ${line}\n`);
  it(line, () => {
    if (opts.failInCi && isCi()) throw new Error(`CI must run this suite; ${line}. Build the kit first: npm run e2e:servers`);
  });
  return false;
}
