/**
 * Guards against assertions that cannot fail: a loop of `expect`s, or an `every(…)`, over an
 * empty list passes without checking anything — and a list is empty exactly when the subject the
 * test is about went missing.
 */

/** The items as an array, after failing the test when there are none. */
export function nonEmpty<T>(items: Iterable<T>, what: string): T[] {
  const list = [...items];
  if (list.length === 0) throw new Error(`expected at least one ${what}, found none: the assertions over them would check nothing`);
  return list;
}

/** Every item satisfies `ok`, and there is at least one item; fails listing the items that do not. */
export function expectEvery<T>(items: Iterable<T>, ok: (item: T) => boolean, what: string): void {
  expect(nonEmpty(items, what).filter((x) => !ok(x))).toEqual([]);
}
