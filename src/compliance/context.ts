/** From `DIR/slz-context.json` (what `slz synth` knew) to the engine's context and suppressions. */
import { getJurisdiction, type Ordinal } from '../jurisdictions';
import { vaultServersOf, type SynthContextFile } from '../synthesized/context';
import type { LandingZoneContext, Suppression } from './types';

export class ContextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContextError';
  }
}

/** Throws ContextError (one line) when the file names no catalogued jurisdiction or an impossible ordinal. */
export function contextFromFile(file: SynthContextFile): { context: LandingZoneContext; suppressions: Suppression[] } {
  const jurisdiction = getJurisdiction(String(file.jurisdiction ?? ''));
  if (!jurisdiction) throw new ContextError(`slz-context.json names jurisdiction ${JSON.stringify(file.jurisdiction)}, which is not in the catalogue`);
  if (!Number.isInteger(file.ordinal) || file.ordinal < 0 || file.ordinal > 5) throw new ContextError(`slz-context.json ordinal ${JSON.stringify(file.ordinal)} is not 0–5`);
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const context: LandingZoneContext = {
    name: typeof file.name === 'string' ? file.name : '',
    jurisdiction,
    classification: typeof file.classification === 'string' ? file.classification : '',
    ordinal: file.ordinal as Ordinal,
    // Strict by default from CONFIDENTIAL (ordinal 3) when the file does not say.
    strict: typeof file.strict === 'boolean' ? file.strict : file.ordinal >= 3,
    inCountryCidrs: strings(file.inCountryCidrs),
    endpointDomains: strings(file.endpointDomains),
    vaultServers: vaultServersOf(file),
  };
  const suppressions: Suppression[] = (Array.isArray(file.exemptions) ? file.exemptions : []).map((e, i) => ({
    rule: e?.rule,
    resource: e?.resource,
    reason: e?.reason,
    owner: e?.owner,
    expires: e?.expires,
    ...(e?.ticket ? { ticket: e.ticket } : {}),
    source: typeof e?.source === 'string' ? e.source : `slz-context.json exemptions[${i}]`,
  }));
  return { context, suppressions };
}
