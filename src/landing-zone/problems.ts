/** Problems found in a landing-zone file: every one names its field path, says what is wrong and how to fix it. */

export type Severity = 'error' | 'warning';

export interface SpecProblem {
  /** Field path such as `regions[1].site`, or `(file)` / `line 3:5` for problems before parsing. */
  readonly path: string;
  readonly message: string;
  readonly hint?: string;
  readonly severity: Severity;
  /** `secret` for a secret found in the file (its value is never part of the message). */
  readonly code?: 'secret';
}

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `['regions', 1, 'site']` → `regions[1].site`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENTIFIER.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out || '(root)';
}

/** `path: message (hint)` — the one-line form DESIGN.md §6 prescribes. */
export function formatProblem(p: SpecProblem): string {
  const prefix = p.severity === 'warning' ? 'warning: ' : '';
  return `${prefix}${p.path}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`;
}

/** Collects problems during validation. */
export class ProblemList {
  readonly items: SpecProblem[] = [];

  error(path: string | readonly PathSegment[], message: string, hint?: string, code?: SpecProblem['code']): void {
    this.items.push({ path: typeof path === 'string' ? path : formatPath(path), message, severity: 'error', ...(hint ? { hint } : {}), ...(code ? { code } : {}) });
  }

  warn(path: string | readonly PathSegment[], message: string, hint?: string): void {
    this.items.push({ path: typeof path === 'string' ? path : formatPath(path), message, severity: 'warning', ...(hint ? { hint } : {}) });
  }

  get errors(): SpecProblem[] {
    return this.items.filter((p) => p.severity === 'error');
  }

  get warnings(): SpecProblem[] {
    return this.items.filter((p) => p.severity === 'warning');
  }
}

/** Edit distance, for "did you mean" hints on unknown keys and names. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The closest candidate within a small distance, for a "did you mean" hint. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}
