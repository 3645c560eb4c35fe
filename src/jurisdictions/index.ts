/** The jurisdiction catalogue and its look-ups. Data lives in `data/`; nothing here does I/O. */
import { CATALOGUE, PROVIDERS } from './data';
import {
  COMMON_LEVELS,
  type ClassificationLevel,
  type ClassificationScheme,
  type Confidence,
  type ContractingEntityRule,
  type Jurisdiction,
  type Ordinal,
  type ProviderInfo,
  type RegionRef,
  type ResidencyRule,
} from './types';

export * from './types';
export * from './algorithms';
export * from './crypto-policy';
export * from './server-capabilities';
export { CATALOGUE, PROVIDERS };

export function jurisdictionCodes(): string[] {
  return CATALOGUE.map((j) => j.countryCode);
}

export function getJurisdiction(code: string): Jurisdiction | undefined {
  const upper = code.toUpperCase();
  return CATALOGUE.find((j) => j.countryCode === upper);
}

export function getProvider(id: string): ProviderInfo | undefined {
  return PROVIDERS.find((p) => p.id === id.toLowerCase());
}

/** A catalogued site by (provider, id), searched across every jurisdiction: ids collide across providers. */
export function findRegion(provider: string, id: string): RegionRef | undefined {
  const p = provider.toLowerCase();
  for (const j of CATALOGUE) {
    const hit = j.regions.find((r) => r.provider === p && r.id !== null && r.id === id);
    if (hit) return hit;
  }
  return undefined;
}

/** Every catalogued site with this id, whatever its provider: for hints, never for judging a site. */
export function sitesWithId(id: string): RegionRef[] {
  return CATALOGUE.flatMap((j) => j.regions.filter((r) => r.id !== null && r.id === id));
}

/** Who runs a catalogued site and under which law, with how sure the catalogue is of it. */
export interface SiteOperatorView {
  readonly legalEntity: string;
  /** Legal seat, or undefined where unknown. */
  readonly legalSeat: string | undefined;
  readonly confidence: Confidence;
  /** `provider` when the provider runs the site itself, `partner` when another operator is recorded. */
  readonly from: 'provider' | 'partner';
}

export function siteOperator(region: RegionRef): SiteOperatorView | undefined {
  if (region.operator) {
    return { legalEntity: region.operator.legalEntity, legalSeat: region.operator.legalSeat ?? undefined, confidence: region.operator.confidence, from: 'partner' };
  }
  const p = getProvider(region.provider);
  return p ? { legalEntity: p.legalEntity, legalSeat: p.legalSeat, confidence: p.confidence, from: 'provider' } : undefined;
}

export type ClassificationMatch =
  | { readonly ok: true; readonly ordinal: Ordinal; readonly scheme: ClassificationScheme | 'common'; readonly level: ClassificationLevel | undefined; readonly also: readonly string[] }
  | { readonly ok: false; readonly reason: string; readonly hint: string };

/**
 * Resolves a classification written as a scheme label (case-insensitive), `SCHEME/label`, or a
 * common level. Where a label appears in several schemes with different ordinals, the highest
 * wins: classifying too high is safe, too low is not.
 */
export function resolveClassification(j: Jurisdiction, written: string): ClassificationMatch {
  const text = written.trim();
  const slash = text.indexOf('/');
  const schemeFilter = slash > 0 ? text.slice(0, slash).toUpperCase() : undefined;
  const label = (slash > 0 ? text.slice(slash + 1) : text).toLowerCase();
  const hits: { scheme: ClassificationScheme; level: ClassificationLevel }[] = [];
  const dropped: ClassificationScheme[] = [];
  for (const scheme of j.classificationSchemes) {
    if (schemeFilter && scheme.id.toUpperCase() !== schemeFilter) continue;
    for (const level of scheme.levels) {
      if (level.label.toLowerCase() !== label) continue;
      // A label of a scheme that was never enacted must not classify anything, even by the highest-wins rule.
      if (scheme.status === 'dropped') dropped.push(scheme);
      else hits.push({ scheme, level });
    }
  }
  if (hits.length === 0 && dropped.length > 0) {
    const scheme = dropped[0]!;
    return {
      ok: false,
      reason: `"${written}" is a label of ${scheme.id}, which was dropped before enactment and classifies nothing${scheme.note ? ` (${scheme.note})` : ''}`,
      hint: `use ${inForceSchemes(j) ? `a label of ${inForceSchemes(j)} or ` : ''}a common level (${COMMON_LEVELS.join(', ')})`,
    };
  }
  const umbrella = hits.find((h) => h.level.coversOrdinals && h.level.coversOrdinals.length > 1);
  if (umbrella && hits.every((h) => h.level.coversOrdinals)) {
    return {
      ok: false,
      reason: `"${written}" (${umbrella.scheme.id}) covers several levels (${umbrella.level.coversOrdinals!.join(', ')}) and cannot classify a tenancy by itself`,
      hint: `use the precise marking, e.g. one of ${otherLabels(j, umbrella.scheme.id, umbrella.level.coversOrdinals!)}`,
    };
  }
  const precise = hits.filter((h) => !h.level.coversOrdinals || h.level.coversOrdinals.length <= 1);
  if (precise.length > 0) {
    const best = precise.reduce((a, b) => (b.level.ordinal > a.level.ordinal ? b : a));
    const also = precise.filter((h) => h !== best && h.level.ordinal !== best.level.ordinal).map((h) => `${h.scheme.id}/${h.level.label} (${h.level.ordinal})`);
    return { ok: true, ordinal: best.level.ordinal, scheme: best.scheme, level: best.level, also };
  }
  if (!schemeFilter) {
    const common = COMMON_LEVELS.findIndex((l) => l.toLowerCase() === label.replace(/[\s-]+/g, '_'));
    if (common >= 0) return { ok: true, ordinal: common as Ordinal, scheme: 'common', level: undefined, also: [] };
  }
  const schemes = inForceSchemes(j);
  return {
    ok: false,
    reason: `"${written}" is not a classification of ${j.name}`,
    hint: schemes ? `use a label of ${schemes} (${allLabels(j)}) or a common level (${COMMON_LEVELS.join(', ')})` : `use a common level (${COMMON_LEVELS.join(', ')}): no classification scheme of ${j.name} is catalogued as enacted`,
  };
}

/** Ids of the schemes whose labels can classify (in force or draft), or '' when there are none. */
function inForceSchemes(j: Jurisdiction): string {
  return j.classificationSchemes.filter((s) => s.status !== 'dropped').map((s) => s.id).join(', ');
}

function allLabels(j: Jurisdiction): string {
  const labels = new Set<string>();
  for (const s of j.classificationSchemes) {
    if (s.status === 'dropped') continue;
    for (const l of s.levels) if (!l.coversOrdinals || l.coversOrdinals.length <= 1) labels.add(l.label);
  }
  return [...labels].join(', ');
}

/** Precise labels of the other schemes at the levels an umbrella covers (never a level the umbrella rules out). */
function otherLabels(j: Jurisdiction, excludeScheme: string, covered: readonly Ordinal[]): string {
  const labels = new Set<string>();
  for (const s of j.classificationSchemes) if (s.id !== excludeScheme && s.status !== 'dropped') for (const l of s.levels) if (!l.coversOrdinals && covered.includes(l.ordinal)) labels.add(l.label);
  return [...labels].join(', ');
}

/** The residency rules in force at an ordinal. */
export function residencyRulesAt(j: Jurisdiction, ordinal: Ordinal): ResidencyRule[] {
  return j.residency.filter((r) => ordinal >= r.minOrdinal);
}

/** The rules in force at an ordinal that bind operators to named legal jurisdictions. */
export function foreignLawRulesAt(j: Jurisdiction, ordinal: Ordinal): ResidencyRule[] {
  return residencyRulesAt(j, ordinal).filter((r) => r.allowedOperatorJurisdictions && r.allowedOperatorJurisdictions.length > 0);
}

/** The rules in force at an ordinal on who the agency may contract with. */
export function contractingRulesAt(j: Jurisdiction, ordinal: Ordinal): ContractingEntityRule[] {
  return j.contracting.filter((r) => ordinal >= r.minOrdinal);
}

/** Lowest ordinal at which any residency rule applies, or null. */
export function residencyThreshold(j: Jurisdiction): Ordinal | null {
  return j.residency.reduce<Ordinal | null>((m, r) => (m === null || r.minOrdinal < m ? r.minOrdinal : m), null);
}

export function foreignLawThreshold(j: Jurisdiction): Ordinal | null {
  return j.residency
    .filter((r) => r.allowedOperatorJurisdictions && r.allowedOperatorJurisdictions.length > 0)
    .reduce<Ordinal | null>((m, r) => (m === null || r.minOrdinal < m ? r.minOrdinal : m), null);
}
