/** The synth context of a validated landing zone: what `slz synth` writes as `slz-context.json`. */
import type { ResolvedLandingZone } from '../landing-zone/validate';
import type { SynthContextFile } from './context';

export function synthContext(lz: ResolvedLandingZone): SynthContextFile {
  const spec = lz.spec;
  return {
    apiVersion: 'slz/v1',
    kind: 'SynthContext',
    name: spec.metadata.name,
    agency: spec.metadata.agency,
    jurisdiction: lz.jurisdiction.countryCode,
    classification: spec.classification,
    ordinal: lz.ordinal,
    strict: lz.strict,
    inCountryCidrs: spec.network?.inCountryCidrs ?? [],
    endpointDomains: spec.network?.endpointDomains ?? [],
    vaultDialects: Object.fromEntries(spec.regions.map((r) => [r.name, r.vault.dialect])),
    vaultServers: Object.fromEntries(spec.regions.map((r) => [r.name, { dialect: r.vault.dialect, edition: r.vault.edition, ...(r.vault.version ? { version: r.vault.version } : {}) }])),
    vaultAddresses: Object.fromEntries(spec.regions.map((r) => [r.name, r.vault.address])),
    exemptions: spec.exemptions,
  };
}
