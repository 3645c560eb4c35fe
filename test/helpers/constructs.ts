/** Helpers for construct tests. */
import { ConstructPropsError } from '../../constructs/common/validate';

/** The problems a construct reports for invalid props; fails the test when it does not throw one. */
export function problems(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConstructPropsError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConstructPropsError');
}
