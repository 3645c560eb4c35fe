/** The jurisdiction catalogue: data invariants, look-ups, crypto verdicts and `slz jurisdictions`. */
import {
  CATALOGUE,
  COMMON_LEVELS,
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
  type AlgorithmInfo,
  type Jurisdiction,
  type TransitKeyDescription,
  KEY_CATEGORY_OF_PURPOSE,
  transitTypesFor,
} from '../../src/jurisdictions';
import { slz, STACK_TRACE } from '../helpers/cli';

const ALL_CODES = ['MY', 'SG', 'ID', 'TH', 'PH', 'VN'];
const ORDINALS = [0, 1, 2, 3, 4, 5];

function my(): Jurisdiction {
  const j = getJurisdiction('MY');
  if (!j) throw new Error('MY is not in the catalogue');
  return j;
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
