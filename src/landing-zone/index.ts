/** The landing-zone file: schema, loader and validation. */
import { readLandingZoneFile, parseText } from './loader';
import { ProblemList, type SpecProblem } from './problems';
import { findSecretsInText } from './secrets';
import { validateLandingZone, type ResolvedLandingZone, type ValidateOptions, type ValidationResult } from './validate';

export * from './schema';
export * from './problems';
export { validateLandingZone, STRICT_FROM_ORDINAL, type ResolvedLandingZone, type ResolvedSite, type ValidateOptions, type ValidationResult } from './validate';
export { MAX_FILE_BYTES, MAX_ALIASES, decodeText } from './loader';
export { parseCidr, cidrContains, cidrsOverlap, hostOf, hostUnderDomain } from './net';

/** Raised by `loadLandingZoneOrThrow` with every problem attached. */
export class LandingZoneError extends Error {
  constructor(readonly problems: readonly SpecProblem[]) {
    super(`invalid landing zone:\n${problems.map((p) => `  ${p.path}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`).join('\n')}`);
    this.name = 'LandingZoneError';
  }
}

function finish(parsed: ReturnType<typeof parseText>, options: ValidateOptions): ValidationResult {
  if (!parsed.ok) return { ok: false, problems: parsed.problems.items };
  const result = validateLandingZone(parsed.doc, options);
  // Secrets in comments never reach the document; the raw text is scanned for them too.
  const extra = new ProblemList();
  const valueSecrets = !result.ok && result.problems.some((p) => p.code === 'secret');
  findSecretsInText(parsed.text, extra, valueSecrets);
  if (extra.items.length === 0) return result;
  return { ok: false, problems: [...extra.items, ...(result.ok ? [] : result.problems)] };
}

/** Loads and validates a landing-zone file (YAML or JSON). Never throws for bad input. */
export function loadLandingZone(path: string, options: ValidateOptions = {}): ValidationResult {
  return finish(readLandingZoneFile(path), options);
}

/** Validates landing-zone text (YAML or JSON). */
export function parseLandingZone(text: string, options: ValidateOptions & { fileName?: string } = {}): ValidationResult {
  return finish(parseText(text, options.fileName), options);
}

/** For TypeScript users: the resolved landing zone, or a LandingZoneError listing every problem. */
export function loadLandingZoneOrThrow(path: string, options: ValidateOptions = {}): ResolvedLandingZone {
  const r = loadLandingZone(path, options);
  if (!r.ok) throw new LandingZoneError(r.problems);
  return r.value;
}
