/**
 * Keeping every generated job within the engines' limits: a GitHub matrix makes at most 256 jobs,
 * a GitLab job lists at most 50 `needs` (the default of `ci_max_needs`). Both splits are pure and
 * keep the order they are given, so the output is deterministic.
 */

/** GitHub Actions: "A matrix will generate a maximum of 256 jobs per workflow run." */
export const GITHUB_MATRIX_LIMIT = 256;
/** GitLab: a job's `needs` lists at most 50 jobs unless an administrator raised `ci_max_needs`. */
export const GITLAB_NEEDS_LIMIT = 50;

/** The fewest parts of at most `max` items, sizes differing by at most one, order kept. */
export function splitEvenly<T>(items: readonly T[], max: number): T[][] {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`part size must be a positive integer (got ${max})`);
  if (items.length === 0) return [];
  const parts = Math.ceil(items.length / max);
  const base = Math.floor(items.length / parts);
  const extra = items.length % parts;
  const out: T[][] = [];
  let at = 0;
  for (let i = 0; i < parts; i++) {
    const size = base + (i < extra ? 1 : 0);
    out.push(items.slice(at, at + size));
    at += size;
  }
  return out;
}

export interface Barrier {
  readonly name: string;
  readonly needs: readonly string[];
}

/**
 * Bounds a fan-in: a job that must wait for more than `max` jobs waits for barrier jobs instead,
 * each waiting for at most `max` (a tree, as deep as needed). Returns what the job itself needs
 * and the barriers to add, named `${prefix}-${level}-${index}`.
 */
export function fanIn(needs: readonly string[], max: number, prefix: string): { needs: string[]; barriers: Barrier[] } {
  if (!Number.isInteger(max) || max < 2) throw new RangeError(`fan-in must be at least 2 (got ${max})`);
  const barriers: Barrier[] = [];
  let level = [...needs];
  for (let depth = 1; level.length > max; depth++) {
    level = splitEvenly(level, max).map((group, i) => {
      const name = `${prefix}-${depth}-${i + 1}`;
      barriers.push({ name, needs: group });
      return name;
    });
  }
  return { needs: level, barriers };
}
