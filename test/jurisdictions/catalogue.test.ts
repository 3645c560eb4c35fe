/** The jurisdiction catalogue: data invariants, look-ups, crypto verdicts and `slz jurisdictions`. */
import fc from 'fast-check';
import {
  CATALOGUE,
  COMMON_LEVELS,
  contractingRulesAt,
  describeTransitKey,
  evaluateAlgorithm,
  findRegion,
  foreignLawThreshold,
  getJurisdiction,
  getProvider,
  jurisdictionCodes,
  PROVIDERS,
  residencyThreshold,
  resolveClassification,
  siteOperator,
  sitesWithId,
  type AlgorithmInfo,
  type Jurisdiction,
  type TransitKeyDescription,
  KEY_CATEGORY_OF_PURPOSE,
  transitTypesFor,
} from '../../src/jurisdictions';
import { slz, STACK_TRACE } from '../helpers/cli';

const ALL_CODES = ['MY', 'SG', 'ID', 'TH', 'PH', 'VN'];
const ORDINALS = [0, 1, 2, 3, 4, 5];

function entry(code: string): Jurisdiction {
  const j = getJurisdiction(code);
  if (!j) throw new Error(`${code} is not in the catalogue`);
  return j;
}

function my(): Jurisdiction {
  return entry('MY');
}

const SOURCE_KEYS = ['sources', 'basis', 'legalBasis', 'source'] as const;
const CONFIDENCE_KEYS = ['confidence', 'mappingConfidence'] as const;

interface Fact {
  readonly at: string;
  readonly sources: unknown;
  readonly confidence: unknown;
}

/**
 * Every object in the catalogue that carries a source or a confidence is a fact; it must carry
 * both. Classification levels take their sources from their scheme.
 */
function factsOf(value: unknown, at: string, inherited: unknown): Fact[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => factsOf(v, `${at}[${i}]`, inherited));
  if (value === null || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  const own = SOURCE_KEYS.map((k) => o[k]).find((v) => v !== undefined);
  const confidence = CONFIDENCE_KEYS.map((k) => o[k]).find((v) => v !== undefined);
  const out: Fact[] = [];
  if (own !== undefined || confidence !== undefined) out.push({ at, sources: own ?? inherited, confidence });
  for (const [k, v] of Object.entries(o)) if (!(SOURCE_KEYS as readonly string[]).includes(k)) out.push(...factsOf(v, `${at}.${k}`, own ?? inherited));
  return out;
}

function sourceList(sources: unknown): string[] {
  if (typeof sources === 'string') return [sources];
  return Array.isArray(sources) ? (sources as unknown[]).map((s) => (typeof s === 'string' ? s : '')) : [];
}

/** The single algorithm of a transit key type (the first, for RSA which yields pke and signature). */
function algo(key: TransitKeyDescription): AlgorithmInfo {
  return describeTransitKey(key)[0]!;
}

describe('catalogue data', () => {
  it('holds exactly the six documented jurisdictions, once each', () => {
    expect([...jurisdictionCodes()].sort()).toEqual([...ALL_CODES].sort());
    expect(new Set(jurisdictionCodes()).size).toBe(CATALOGUE.length);
  });

  it('has no duplicate (provider, id) across the whole catalogue', () => {
    const keys = CATALOGUE.flatMap((j) => j.regions.filter((r) => r.id !== null).map((r) => `${r.provider}/${r.id}`));
    const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(dupes).toEqual([]);
    expect(keys.length).toBeGreaterThan(10);
  });

  it('names only known providers, and every provider has a legal seat', () => {
    const ids = PROVIDERS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const j of CATALOGUE) for (const r of j.regions) expect({ region: `${j.countryCode}:${r.provider}/${r.id}`, known: ids.includes(r.provider) }).toEqual({ region: `${j.countryCode}:${r.provider}/${r.id}`, known: true });
    for (const p of PROVIDERS) expect(p.legalSeat).toMatch(/^[A-Z]{2}$/);
  });

  it('places every region in the country of its entry, and every local zone under a catalogued parent', () => {
    for (const j of CATALOGUE) {
      for (const r of j.regions) {
        expect(r.country).toBe(j.countryCode);
        if (r.parentRegion) expect(findRegion(r.provider, r.parentRegion)).toBeDefined();
      }
    }
  });

  it('keeps every ordinal on the 0–5 scale', () => {
    for (const j of CATALOGUE) {
      for (const s of j.classificationSchemes) {
        for (const l of s.levels) {
          expect(ORDINALS).toContain(l.ordinal);
          for (const o of l.coversOrdinals ?? []) expect(ORDINALS).toContain(o);
        }
      }
      for (const r of j.residency) expect(ORDINALS).toContain(r.minOrdinal);
      expect(ORDINALS).toContain(j.support.maxOrdinal);
      expect(j.support.reason.length).toBeGreaterThan(0);
    }
    expect(COMMON_LEVELS).toHaveLength(6);
  });

  it('marks every entry but Malaysia as a sketch with a non-empty uncertain list', () => {
    expect(my().completeness).toBe('full');
    const sketches = CATALOGUE.filter((j) => j.countryCode !== 'MY');
    expect(sketches.map((j) => j.countryCode).sort()).toEqual(ALL_CODES.filter((c) => c !== 'MY').sort());
    for (const j of sketches) {
      expect(j.completeness).toBe('sketch');
      expect(j.uncertain.length).toBeGreaterThan(0);
      for (const u of j.uncertain) expect(u.trim().length).toBeGreaterThan(0);
    }
    for (const j of CATALOGUE.filter((x) => x.completeness === 'sketch')) expect(j.uncertain.length).toBeGreaterThan(0);
  });

  it('gives every residency rule a basis and keeps foreign-law rules at or above residency', () => {
    for (const j of CATALOGUE) {
      for (const r of j.residency) {
        expect(r.legalBasis.length).toBeGreaterThan(0);
        expect(r.dataMustResideIn).toContain(j.countryCode);
      }
      const residency = residencyThreshold(j);
      const foreign = foreignLawThreshold(j);
      if (foreign !== null) expect(residency !== null && foreign >= residency).toBe(true);
    }
  });
});

describe('every catalogue fact carries a source and a confidence', () => {
  const facts = [...CATALOGUE.flatMap((j) => factsOf(j, j.countryCode, undefined)), ...PROVIDERS.flatMap((p) => factsOf(p, `provider ${p.id}`, undefined))];

  it('finds the facts it is meant to check (regions, schemes, rules, laws, providers)', () => {
    const kinds = ['.regions[', '.classificationSchemes[', '.residency[', '.contracting[', '.laws[', '.notifications[', '.crypto.allowed[', '.retention', '.adminAccess', '.personalData', 'provider '];
    for (const kind of kinds) expect({ kind, found: facts.some((f) => f.at.includes(kind)) }).toEqual({ kind, found: true });
    expect(facts.length).toBeGreaterThan(200);
  });

  it('gives every fact at least one non-blank source naming a URL or a document', () => {
    const bad = facts.filter((f) => {
      const list = sourceList(f.sources);
      return list.length === 0 || list.some((s) => s.trim().length < 20);
    });
    expect(bad.map((f) => f.at)).toEqual([]);
  });

  it('gives every fact a confidence of stated, inferred or uncertain', () => {
    const bad = facts.filter((f) => !['stated', 'inferred', 'uncertain'].includes(f.confidence as string));
    expect(bad.map((f) => `${f.at}: ${String(f.confidence)}`)).toEqual([]);
  });

  it('fails on a fact without a source or a confidence (the check itself can fail)', () => {
    expect(factsOf({ regions: [{ id: 'x', confidence: 'stated' }] }, 'T', undefined).map((f) => sourceList(f.sources).length)).toEqual([0]);
    expect(factsOf({ laws: [{ sources: ['https://example.org/law'] }] }, 'T', undefined).map((f) => f.confidence)).toEqual([undefined]);
  });

  it('sources no fact from the vague "Alibaba Cloud documentation" or the AI-written pages the audit flagged', () => {
    const all = facts.flatMap((f) => sourceList(f.sources));
    expect(all.filter((s) => s.trim() === 'Alibaba Cloud documentation' || /windowsnews\.ai|windowsforum\.com|grokipedia\.com/.test(s))).toEqual([]);
  });
});

describe('sites keyed by (provider, id)', () => {
  const keyed = CATALOGUE.flatMap((j) => j.regions.filter((r) => r.id !== null).map((r) => ({ r, j })));
  const providers = PROVIDERS.map((p) => p.id);

  it('has every (provider, id) once across the whole catalogue', () => {
    const keys = keyed.map(({ r }) => `${r.provider}/${r.id}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('ap-southeast-5 is Malaysia at AWS, Jakarta at Alibaba and Manila at Huawei', () => {
    expect(findRegion('aws', 'ap-southeast-5')?.country).toBe('MY');
    expect(findRegion('alibaba', 'ap-southeast-5')?.country).toBe('ID');
    expect(findRegion('huawei', 'ap-southeast-5')?.country).toBe('PH');
    expect(sitesWithId('ap-southeast-5').map((r) => `${r.provider}:${r.country}`).sort()).toEqual(['alibaba:ID', 'aws:MY', 'huawei:PH']);
  });

  it('never answers a look-up with another provider\'s site (every catalogued id, every provider)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...keyed), fc.constantFrom(...providers, 'nope'), ({ r, j }, provider) => {
        const hit = findRegion(provider, r.id!);
        if (provider === r.provider) return hit === r && hit.country === j.countryCode;
        return hit === undefined || (hit.provider === provider && hit !== r);
      }),
      { numRuns: 500 },
    );
  });

  it('answers only exact ids (case and near misses do not cross over)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...keyed), fc.string({ minLength: 1, maxLength: 3 }), ({ r }, suffix) => {
        const hit = findRegion(r.provider, `${r.id!}${suffix}`);
        return hit === undefined || hit.id === `${r.id!}${suffix}`;
      }),
    );
    expect(findRegion('aws', 'AP-SOUTHEAST-5')).toBeUndefined();
  });
});

describe('corrections from the 2026-12-06 audit', () => {
  it('Thailand: the DGA draft binds the contracting entity at every level, apart from foreign-law exposure', () => {
    const th = entry('TH');
    expect(foreignLawThreshold(th)).toBeNull();
    expect(th.residency.every((r) => r.allowedOperatorJurisdictions === undefined)).toBe(true);
    for (const o of ORDINALS.filter((x) => x <= th.support.maxOrdinal)) {
      const rules = contractingRulesAt(th, o as 0);
      expect(rules.map((r) => ({ in: r.incorporatedIn, distributors: r.distributorsAllowed, status: r.status }))).toEqual([{ in: ['TH'], distributors: true, status: 'draft' }]);
    }
    expect(th.contracting[0]!.legalBasis.join(' ')).toMatch(/27 Dec 2025/);
  });

  it('ANSSI: the 2030 hybrid rule is the project\'s choice, built on a recommendation of guide v2.04 (2021)', () => {
    for (const j of CATALOGUE) {
      const h = j.crypto.requireHybridPqcAfter;
      expect(h?.adoptedAs).toBe('project-choice');
      expect(h?.basis.join(' ')).toMatch(/v2\.04 \(2021\)/);
      expect(h?.basis.join(' ')).toMatch(/recommend/);
      expect(h?.basis.join(' ')).toMatch(/project's own choice/);
      expect(JSON.stringify(j.crypto)).not.toMatch(/ANSSI crypto guide 2025/);
    }
  });

  it('Indonesia: the dropped Kominfo tiers classify nothing and do not set the support ceiling', () => {
    const id = entry('ID');
    const kominfo = id.classificationSchemes.find((s) => s.id === 'ID-KOMINFO-DRAFT');
    expect(kominfo?.status).toBe('dropped');
    for (const label of ['strategic', 'high-risk', 'low-risk', 'ID-KOMINFO-DRAFT/strategic']) {
      const r = resolveClassification(id, label);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.reason).toMatch(/dropped before enactment/);
      expect(r.hint).toMatch(/common level/);
      expect(r.hint).not.toMatch(/strategic|high-risk/);
    }
    expect(id.support.maxOrdinal).toBe(2);
    expect(id.support.reason).not.toMatch(/draft Kominfo categories stop/);
    expect(resolveClassification(id, 'RESTRICTED')).toMatchObject({ ok: true, ordinal: 2, scheme: 'common' });
  });

  it('Malaysia: CSA 2024 notice to the NACSA Chief Executive and sector lead via NC4, 6 hours then 14 days', () => {
    const csa = my().notifications.filter((n) => n.regime.startsWith('Cyber Security Act 2024'));
    expect(csa.map((n) => n.deadlineHours)).toEqual([6, 336]);
    for (const n of csa) expect(n.audience).toMatch(/Chief Executive.*sector lead.*NC4/);
    const law = my().laws.find((l) => l.id === 'MY-CSA-2024');
    expect(law?.summary).toMatch(/risk assessment at least once a year/);
    expect(law?.summary).toMatch(/audit at least once every 2 years/);
  });

  it('Malaysia: Azure Malaysia West opened May 2025; the Johor Bahru region is announced, not live', () => {
    const west = findRegion('azure', 'malaysiawest');
    expect(west?.note).toMatch(/28 May 2025/);
    const johor = my().regions.find((r) => r.provider === 'azure' && r.id === null);
    expect(johor?.status).toBe('announced');
  });

  it('Vietnam: the 12-month log figure is inferred, and the AWS Hanoi local zone is controlled from Singapore', () => {
    const vn = entry('VN');
    expect(vn.retention.confidence).toBe('inferred');
    const han = findRegion('aws', 'ap-southeast-1-han-1');
    expect(han).toMatchObject({ country: 'VN', kind: 'local-zone', parentRegion: 'ap-southeast-1' });
    expect(findRegion('aws', han!.parentRegion!)?.country).toBe('SG');
  });

  it('records the requested laws as sourced facts', () => {
    const ids = (code: string) => entry(code).laws.map((l) => l.id);
    expect(ids('SG')).toEqual(expect.arrayContaining(['SG-PSGA-2018', 'SG-IM-IT-MANAGEMENT', 'SG-PDPA-2012']));
    expect(ids('TH')).toEqual(expect.arrayContaining(['TH-NCSC-CATEGORY-2566', 'TH-NCSC-CLOUD-DRAFT']));
    expect(ids('VN')).toEqual(expect.arrayContaining(['VN-DATA-LAW-2024', 'VN-DECISION-20-2025', 'VN-PDPL-91-2025']));
    expect(ids('ID')).toEqual(expect.arrayContaining(['ID-PDP-27-2022']));
    expect(entry('VN').laws.find((l) => l.id === 'VN-DATA-LAW-2024')?.inForceFrom).toBe('2025-07-01');
    expect(entry('VN').laws.find((l) => l.id === 'VN-PDPL-91-2025')?.inForceFrom).toBe('2026-01-01');
    expect(entry('ID').laws.find((l) => l.id === 'ID-PDP-27-2022')?.summary).toMatch(/17 Oct 2024/);
    expect(entry('SG').personalData?.appliesToGovernment).toBe(false);
    for (const j of CATALOGUE) for (const l of j.laws) if (l.inForceFrom) expect(l.inForceFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('Oracle is a US-seated provider under the CLOUD Act, with in-country sites in Malaysia and Indonesia', () => {
    expect(getProvider('oracle')).toMatchObject({ legalSeat: 'US' });
    expect(getProvider('oracle')?.extraterritorialLaws.join(' ')).toMatch(/CLOUD Act/);
    expect(findRegion('oracle', 'ap-kulai-2')?.country).toBe('MY');
    expect(findRegion('oracle', 'ap-batam-1')?.country).toBe('ID');
  });

  it('records a partner operator apart from the provider, with its own confidence', () => {
    const kl = findRegion('huawei', 'my-kualalumpur-1')!;
    expect(siteOperator(kl)).toMatchObject({ legalSeat: 'MY', confidence: 'inferred', from: 'partner' });
    expect(siteOperator(findRegion('huawei', 'ap-southeast-3')!)).toMatchObject({ legalSeat: 'CN', from: 'provider' });
  });
});

describe('look-ups', () => {
  it('keys regions by (provider, id): ap-southeast-3 is Jakarta at AWS and Kuala Lumpur at Alibaba', () => {
    expect(findRegion('aws', 'ap-southeast-3')?.country).toBe('ID');
    expect(findRegion('alibaba', 'ap-southeast-3')?.country).toBe('MY');
    expect(findRegion('aws', 'ap-southeast-5')?.country).toBe('MY');
    expect(findRegion('alibaba', 'ap-southeast-5')?.country).toBe('ID');
    expect(findRegion('AWS', 'ap-southeast-3')?.country).toBe('ID');
    expect(findRegion('aws', 'nowhere-1')).toBeUndefined();
    expect(findRegion('tm', 'ap-southeast-3')).toBeUndefined();
  });

  it('never matches a region whose id is unknown (null)', () => {
    expect(findRegion('gcp', 'null')).toBeUndefined();
    expect(findRegion('azure', '')).toBeUndefined();
  });

  it('finds jurisdictions and providers case-insensitively', () => {
    expect(getJurisdiction('my')?.countryCode).toBe('MY');
    expect(getJurisdiction('XX')).toBeUndefined();
    expect(getProvider('AWS')?.legalSeat).toBe('US');
    expect(getProvider('mygovcloud')?.legalSeat).toBe('MY');
    expect(getProvider('nope')).toBeUndefined();
  });

  it('puts the Malaysian residency threshold at 3 and the foreign-law threshold at 4', () => {
    expect(residencyThreshold(my())).toBe(3);
    expect(foreignLawThreshold(my())).toBe(4);
  });
});

describe('resolveClassification (MY)', () => {
  it.each([
    ['Sulit', 3, 'MY-OSA-1972'],
    ['SULIT', 3, 'MY-OSA-1972'],
    ['  sulit  ', 3, 'MY-OSA-1972'],
    ['MY-OSA-1972/Sulit', 3, 'MY-OSA-1972'],
    ['my-osa-1972/SULIT', 3, 'MY-OSA-1972'],
    ['Terhad', 2, 'MY-OSA-1972'],
    ['Rahsia', 4, 'MY-OSA-1972'],
  ])('%s → ordinal %i in %s', (written, ordinal, scheme) => {
    const r = resolveClassification(my(), written);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.ordinal).toBe(ordinal);
    expect(r.scheme === 'common' ? 'common' : r.scheme.id).toBe(scheme);
  });

  it('CONFIDENTIAL is ordinal 3', () => {
    const r = resolveClassification(my(), 'CONFIDENTIAL');
    expect(r.ok && r.ordinal).toBe(3);
  });

  it('falls back to the common scale only for names no scheme uses', () => {
    const r = resolveClassification(my(), 'TOP_SECRET');
    expect(r.ok && r.ordinal).toBe(5);
    expect(r.ok && r.scheme).toBe('common');
  });

  it('refuses the umbrella label Rahsia Rasmi and suggests only markings it covers', () => {
    const r = resolveClassification(my(), 'Rahsia Rasmi');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toMatch(/covers several levels \(2, 3, 4, 5\)/);
    expect(r.hint).toMatch(/precise marking/);
    expect(r.hint).toMatch(/\bSulit\b/);
    // Public and internal are ruled out by an official-secret marking: suggesting them would mislead.
    expect(r.hint).not.toMatch(/\b(public|Public|internal|Rasmi|Data Terbuka)\b/);
  });

  it('refuses nonsense with a hint listing the labels', () => {
    const r = resolveClassification(my(), 'nonsense');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('"nonsense" is not a classification of Malaysia');
    expect(r.hint).toMatch(/Sulit/);
    expect(r.hint).toMatch(/CONFIDENTIAL/);
  });

  it('refuses a label under the wrong scheme prefix', () => {
    expect(resolveClassification(my(), 'MY-PKTN/Sulit').ok).toBe(false);
  });
});

describe('evaluateAlgorithm on the Malaysian policy', () => {
  const TODAY = '2026-06-01';
  const policy = () => my().crypto;

  it('allows AES-256-GCM', () => {
    expect(evaluateAlgorithm(policy(), algo({ type: 'aes256-gcm96' }), TODAY).status).toBe('allowed');
  });

  it('does not allow AES-128-GCM (below 256)', () => {
    const v = evaluateAlgorithm(policy(), algo({ type: 'aes128-gcm96' }), TODAY);
    expect(v.status).toBe('not-allowed');
    expect(v.reason).toMatch(/needs at least 256/);
  });

  it('allows ECDSA-P384 up to 2035-12-31 and disallows it from 2036-01-01', () => {
    const p384 = algo({ type: 'ecdsa-p384' });
    expect(evaluateAlgorithm(policy(), p384, TODAY).status).toBe('allowed');
    expect(evaluateAlgorithm(policy(), p384, '2035-12-31').status).toBe('allowed');
    const after = evaluateAlgorithm(policy(), p384, '2036-01-01');
    expect(after.status).toBe('disallowed');
    expect(after.reason).toMatch(/after 2035-12-31/);
  });

  it('lists the 2035 deadline as upcoming while ECDSA-P384 is still allowed', () => {
    const v = evaluateAlgorithm(policy(), algo({ type: 'ecdsa-p384' }), TODAY);
    expect(v.upcoming.some((u) => u.kind === 'disallowed' && u.rule.after === '2035-12-31')).toBe(true);
  });

  it('does not allow RSA-2048 for either use (below 3072)', () => {
    for (const a of describeTransitKey({ type: 'rsa-2048' })) {
      const v = evaluateAlgorithm(policy(), a, TODAY);
      expect(v.status).toBe('not-allowed');
      expect(v.reason).toMatch(/needs at least 3072/);
    }
  });

  it('does not allow ML-DSA-44 and allows ML-DSA-87', () => {
    expect(evaluateAlgorithm(policy(), algo({ type: 'ml-dsa', parameterSet: '44' }), TODAY).status).toBe('not-allowed');
    expect(evaluateAlgorithm(policy(), algo({ type: 'ml-dsa', parameterSet: '87' }), TODAY).status).toBe('allowed');
  });

  it('does not allow Ed25519 (not on the signature list)', () => {
    expect(evaluateAlgorithm(policy(), algo({ type: 'ed25519' }), TODAY).status).toBe('not-allowed');
  });
});

describe('slz jurisdictions', () => {
  it('lists all six codes', () => {
    const r = slz('jurisdictions');
    expect(r.code).toBe(0);
    for (const code of ALL_CODES) expect(r.stdout).toMatch(new RegExp(`^${code}\\s`, 'm'));
  });

  it('shows Malaysia in full: Sulit and ap-southeast-5', () => {
    const r = slz('jurisdictions', 'MY');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Sulit/);
    expect(r.stdout).toMatch(/aws\/ap-southeast-5/);
    expect(r.stdout).toMatch(/Malaysia \(MY\)/);
  });

  it.each([
    ['MY', [/Cyber Security Act 2024.*: 6 h/, /: 336 h/, /oracle\/ap-kulai-2/, /alibaba\/ap-southeast-8/, /huawei\/my-kualalumpur-1.*TM One.*inferred/, /Southeast Asia 3.*announced/, /MAMPU.*Ministry of Digital/]],
    ['SG', [/Public Sector \(Governance\) Act 2018/, /Instruction Manual on IT Management/, /huawei\/ap-southeast-3/, /tencent\/ap-singapore/]],
    ['ID', [/ID-KOMINFO-DRAFT.*dropped/, /Supported up to level 2/, /oracle\/ap-batam-1/, /Law No\. 27 of 2022/]],
    ['TH', [/Contracting entity/, /every level: incorporated in TH, authorised distributors allowed; draft/, /TH-DGA-DRAFT.*draft/, /NCSC/, /tencent\/ap-bangkok/, /huawei\/ap-southeast-2/]],
    ['PH', [/huawei\/ap-southeast-5.*inferred/]],
    ['VN', [/aws\/ap-southeast-1-han-1.*control plane in ap-southeast-1/, /Law on Data/, /91\/2025\/QH15/, /security logs ≥ 365 days.*\(inferred\)/]],
  ] as const)('shows the corrected %s entry', (code, patterns) => {
    const r = slz('jurisdictions', code);
    expect(r.code).toBe(0);
    for (const p of patterns) expect(r.stdout).toMatch(p);
    expect(r.stdout).toMatch(/hybrid post-quantum required after 2030-01-01 \(the project's choice/);
  });

  it('no longer shows a Thai foreign-law rule', () => {
    expect(slz('jurisdictions', 'TH').stdout).not.toMatch(/operators under TH law only/);
  });

  it('answers an unknown code with exit 2, a hint and no stack trace', () => {
    const r = slz('jurisdictions', 'XX');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"XX" is not in the catalogue/);
    expect(r.stderr).toMatch(/MY, SG, ID, TH, PH, VN/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stdout).toBe('');
  });

  it('suggests the nearest code for a near miss', () => {
    const r = slz('jurisdictions', 'MX');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean MY\?/);
  });

  it('prints the whole catalogue as JSON with --json', () => {
    const r = slz('jurisdictions', '--json');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as { countryCode: string }[];
    expect(data.map((j) => j.countryCode)).toEqual(jurisdictionCodes());
  });

  it('prints one entry as JSON with CODE --json', () => {
    const r = slz('jurisdictions', 'my', '--json');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as Jurisdiction;
    expect(data.countryCode).toBe('MY');
    expect(data.support.maxOrdinal).toBe(4);
  });
});

describe('which transit key types serve which purpose (one table for validation, constructs and CBOM)', () => {
  it.each([
    ['encryption', ['aes128-gcm96', 'aes256-gcm96', 'chacha20-poly1305', 'rsa-2048', 'rsa-3072', 'rsa-4096']],
    ['key-wrapping', ['aes128-gcm96', 'aes256-gcm96', 'chacha20-poly1305', 'rsa-2048', 'rsa-3072', 'rsa-4096']],
    ['signing', ['ed25519', 'ecdsa-p256', 'ecdsa-p384', 'ecdsa-p521', 'rsa-2048', 'rsa-3072', 'rsa-4096', 'ml-dsa', 'slh-dsa', 'hybrid']],
    ['mac', ['hmac', 'aes128-cmac', 'aes192-cmac', 'aes256-cmac']],
  ] as const)('%s', (purpose, types) => {
    expect(transitTypesFor(purpose)).toEqual(types);
  });

  it('bounds each purpose by its SP 800-57 key category', () => {
    expect(KEY_CATEGORY_OF_PURPOSE).toEqual({ encryption: 'dataEncryption', 'key-wrapping': 'keyWrapping', signing: 'signing', mac: 'authentication' });
  });
});
