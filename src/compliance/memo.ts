/** Per-run memoization of cross-stack indexes (RuleContext.memo). */
import type { RuleContext } from './types';

/** `compute()` once per engine run and key; every call when the context has no memo. */
export function memo<T>(ctx: RuleContext, key: string, compute: () => T): T {
  const m = ctx.memo;
  if (!m) return compute();
  if (m.has(key)) return m.get(key) as T;
  const value = compute();
  m.set(key, value);
  return value;
}
