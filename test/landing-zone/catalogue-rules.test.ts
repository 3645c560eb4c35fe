/**
 * What the catalogue corrections of the 2026-12-06 audit change in validation: Thailand's draft
 * contracting-entity rule, Indonesia's dropped classification, inferred partner operators, and
 * (provider, id) look-ups that never cross providers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { getJurisdiction, type ContractingEntityRule, type Jurisdiction } from '../../src/jurisdictions';
import { validateLandingZone, type ValidationResult } from '../../src/landing-zone';
import type { SpecProblem } from '../../src/landing-zone/problems';

const MINIMAL = join(__dirname, '..', '..', 'examples', 'minimal', 'landing-zone.yaml');
const TODAY = '2026-06-01';

type Doc = Record<string, unknown>;

/** The minimal example moved to another jurisdiction, classification and site. */
function zone(jurisdiction: string, classification: string, site: Record<string, unknown>): Doc {
  const doc = parseYaml(readFileSync(MINIMAL, 'utf8')) as Doc;
  const regions = doc.regions as Doc[];
  regions[0]!.site = site;
  return { ...doc, jurisdiction, classification };
}

function problems(r: ValidationResult): readonly SpecProblem[] {
  return r.ok ? r.warnings : r.problems;
}

function at(r: ValidationResult, path: string, severity: 'error' | 'warning'): SpecProblem[] {
  return problems(r).filter((p) => p.path === path && p.severity === severity);
}

function validate(doc: Doc): ValidationResult {
  return validateLandingZone(doc, { today: TODAY });
}

function th(): Jurisdiction {
  return getJurisdiction('TH')!;
}

describe('Thailand: the DGA draft contracting-entity rule', () => {
  const AWS = { provider: 'aws', id: 'ap-southeast-7' };

  it('warns, at every level, when the site is contracted through no declared Thai entity', () => {
    for (const classification of ['PUBLIC', 'OFFICIAL', 'Protected']) {
      const r = validate(zone('TH', classification, AWS));
      expect(r.ok).toBe(true);
      const w = at(r, 'regions[0].site', 'warning').filter((p) => /incorporated in TH/.test(p.message));
      expect(w).toHaveLength(1);
      expect(w[0]!.message).toMatch(/draft rule \(not in force\).*operator is under US law/);
      expect(w[0]!.hint).toMatch(/site\.contractingEntity.*authorised distributor.*27 Dec 2025/);
    }
  });

  it('is satisfied by a declared Thai-incorporated distributor, or by a Thai operator', () => {
    const distributor = validate(zone('TH', 'OFFICIAL', { ...AWS, contractingEntity: { name: 'Example Distributor Co., Ltd.', incorporatedIn: 'TH' } }));
    expect(distributor.ok).toBe(true);
    expect(problems(distributor).filter((p) => /incorporated in TH/.test(p.message))).toEqual([]);
    const gdcc = validate(zone('TH', 'OFFICIAL', { provider: 'gdcc', id: 'gdcc-bkk-1', country: 'TH', operatorJurisdiction: 'TH', deployment: 'sovereign' }));
    expect(gdcc.ok).toBe(true);
    expect(problems(gdcc).filter((p) => /incorporated in TH/.test(p.message))).toEqual([]);
  });

  it('warns at the declared entity when it is incorporated elsewhere', () => {
    const r = validate(zone('TH', 'OFFICIAL', { ...AWS, contractingEntity: { name: 'Amazon Web Services, Inc.', incorporatedIn: 'US' } }));
    expect(r.ok).toBe(true);
    const w = at(r, 'regions[0].site.contractingEntity.incorporatedIn', 'warning');
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toMatch(/Amazon Web Services, Inc\. is incorporated in US/);
  });

  it('refuses instead of warning once the rule is in force', () => {
    const entry = th() as { contracting: readonly ContractingEntityRule[] };
    const draft = entry.contracting;
    try {
      entry.contracting = draft.map((c) => ({ ...c, status: 'in-force' as const }));
      const r = validate(zone('TH', 'OFFICIAL', AWS));
      expect(r.ok).toBe(false);
      const e = at(r, 'regions[0].site', 'error').filter((p) => /incorporated in TH/.test(p.message));
      expect(e).toHaveLength(1);
      expect(e[0]!.message).not.toMatch(/draft/);
    } finally {
      entry.contracting = draft;
    }
  });

  it('no longer refuses a foreign operator at SECRET: the draft binds the contracting entity, not the operator', () => {
    const r = validate(
      zone('TH', 'Highly protected', {
        provider: 'example-sovereign',
        id: 'bkk-sov-1',
        country: 'TH',
        operatorJurisdiction: 'US',
        deployment: 'sovereign',
        contractingEntity: { name: 'Example Thai Distributor Co., Ltd.', incorporatedIn: 'TH' },
      }),
    );
    expect(r.ok).toBe(true);
    expect(problems(r).some((p) => /operator must be under the law/.test(p.message))).toBe(false);
  });

  it('still refuses a public region at SECRET (the residency rule stands)', () => {
    const r = validate(zone('TH', 'Highly protected', AWS));
    expect(r.ok).toBe(false);
    expect(at(r, 'regions[0].site', 'error').map((p) => p.message).join('\n')).toMatch(/only sovereign\/hybrid deployments are allowed/);
    expect(problems(r).some((p) => /operator must be under the law/.test(p.message))).toBe(false);
  });

  it('warns that a DGA draft label may change, and does not for a common level', () => {
    const draft = validate(zone('TH', 'Protected', AWS));
    expect(at(draft, 'classification', 'warning').map((p) => p.message).join('\n')).toMatch(/TH-DGA-DRAFT, a draft that is not in force/);
    const common = validate(zone('TH', 'RESTRICTED', AWS));
    expect(at(common, 'classification', 'warning')).toEqual([]);
  });
});

describe('Indonesia: the dropped Kominfo tiers', () => {
  const AWS = { provider: 'aws', id: 'ap-southeast-3' };

  it('refuses a Kominfo label with the reason and a hint to a common level', () => {
    const r = validate(zone('ID', 'strategic', AWS));
    expect(r.ok).toBe(false);
    const e = at(r, 'classification', 'error');
    expect(e).toHaveLength(1);
    expect(e[0]!.message).toMatch(/ID-KOMINFO-DRAFT, which was dropped before enactment/);
    expect(e[0]!.hint).toMatch(/common level/);
  });

  it('supports common levels up to RESTRICTED and refuses CONFIDENTIAL with the reason', () => {
    expect(validate(zone('ID', 'RESTRICTED', AWS)).ok).toBe(true);
    const r = validate(zone('ID', 'CONFIDENTIAL', AWS));
    expect(r.ok).toBe(false);
    expect(at(r, 'classification', 'error')[0]!.message).toMatch(/not supported for Indonesia.*dropped from the final PP 71\/2019/);
  });
});

describe('a partner operator the catalogue only infers', () => {
  const KL = { provider: 'huawei', id: 'my-kualalumpur-1' };

  it('must be declared where operators are restricted (Malaysia, Rahsia)', () => {
    const r = validate(zone('MY', 'Rahsia', KL));
    const e = at(r, 'regions[0].site.operatorJurisdiction', 'error');
    expect(e).toHaveLength(1);
    expect(e[0]!.message).toMatch(/TM One.*under MY law, inferred/);
  });

  it('is accepted once declared, and is not asked for below the foreign-law threshold', () => {
    const declared = validate(zone('MY', 'Rahsia', { ...KL, operatorJurisdiction: 'MY' }));
    expect(at(declared, 'regions[0].site.operatorJurisdiction', 'error')).toEqual([]);
    expect(problems(declared).some((p) => /operator must be under the law/.test(p.message))).toBe(false);
    const below = validate(zone('MY', 'Terhad', KL));
    expect(at(below, 'regions[0].site.operatorJurisdiction', 'error')).toEqual([]);
  });
});

describe('(provider, id) look-ups in validation never cross providers', () => {
  it.each([
    ['aws', 'ap-southeast-1', true],
    ['huawei', 'ap-southeast-3', true],
    ['tencent', 'ap-singapore', true],
    ['alibaba', 'ap-southeast-3', false],
    ['aws', 'ap-southeast-3', false],
    ['huawei', 'ap-southeast-5', false],
  ])('%s/%s in Singapore at OFFICIAL (CLOSED): in-country %s', (provider, id, inCountry) => {
    const r = validate(zone('SG', 'OFFICIAL (CLOSED)', { provider, id }));
    const residency = problems(r).filter((p) => /data must reside in SG/.test(p.message));
    expect(residency.length === 0).toBe(inCountry);
  });

  it('lists every provider that uses an id when a site with that id is not catalogued', () => {
    const r = validate(zone('SG', 'OFFICIAL (CLOSED)', { provider: 'acme', id: 'ap-southeast-5' }));
    const e = at(r, 'regions[0].site', 'error');
    expect(e[0]!.hint).toMatch(/aws\/ap-southeast-5 \(MY\)/);
    expect(e[0]!.hint).toMatch(/alibaba\/ap-southeast-5 \(ID\)/);
    expect(e[0]!.hint).toMatch(/huawei\/ap-southeast-5 \(PH\)/);
  });
});
