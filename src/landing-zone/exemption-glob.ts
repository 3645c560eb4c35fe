/**
 * Construct-path globs for suppressions: `*` matches within one path segment, `**` across
 * segments. A pattern that matches a construct also covers everything inside it (a suppression
 * on `stack/keys` reaches `stack/keys/key-records`), as construct-scoped suppressions do in cdk-nag.
 */

export interface PathGlob {
  readonly pattern: string;
  matches(constructPath: string): boolean;
}

function escapeRegex(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** Why a pattern is refused, or undefined when it is usable. */
export function globProblem(pattern: string): string | undefined {
  if (pattern.trim() !== pattern || pattern.length === 0) return 'is empty or has surrounding spaces';
  const segments = pattern.split('/');
  if (segments.some((s) => s.length === 0)) return 'has an empty path segment (leading, trailing or double "/")';
  if (segments.every((s) => /^\*+$/.test(s))) return 'matches every construct: name at least the stack';
  return undefined;
}

export function compileGlob(pattern: string): PathGlob {
  const segments = pattern.split('/');
  let re = '^';
  segments.forEach((seg, i) => {
    const sep = i === 0 ? '' : '/';
    if (seg === '**') {
      // Zero or more whole segments.
      re += i === 0 ? '(?:[^/]+/)*' : '(?:/[^/]+)*';
      if (i === 0 && segments.length === 1) re += '[^/]+';
      return;
    }
    const body = seg
      .split('*')
      .map(escapeRegex)
      .join('[^/]*');
    // After a leading `**`, the `/` was already consumed by its group.
    re += (i > 0 && segments[i - 1] === '**' && i - 1 === 0 ? '' : sep) + body;
  });
  re += '$';
  const regex = new RegExp(re);
  return {
    pattern,
    matches(constructPath: string): boolean {
      if (regex.test(constructPath)) return true;
      const parts = constructPath.split('/');
      for (let n = parts.length - 1; n >= 1; n--) if (regex.test(parts.slice(0, n).join('/'))) return true;
      return false;
    },
  };
}
