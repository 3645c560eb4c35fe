/**
 * Key types by the region's server (issue 13 item 11): validation refuses what the server of a
 * tenant's region refuses, by dialect, edition and version, and accepts the rest. Each gate has a
 * passing and a failing case; a property test crosses every (dialect, edition, version, key type).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  HYBRID_EC_TYPES,
  ML_DSA_PARAMETER_SETS,
  recommendedPqTarget,
  SLH_DSA_PARAMETER_SETS,
  TRANSIT_KEY_TYPES,
  transitKeySupport,
  transitTypesFor,
  vaultServer,
  KEY_PURPOSES,
  describePkiKey,
  describeTransitKey,
  type KeyPurpose,
  type TransitKeyType,
  type VaultServerInput,
} from '../../src/jurisdictions';
import { validateLandingZone, type ValidationResult } from '../../src/landing-zone';
import type { SpecProblem } from '../../src/landing-zone/problems';

const MINIMAL = join(__dirname, '..', '..', 'examples', 'minimal', 'landing-zone.yaml');
const TODAY = '2026-06-01';
const KEY_PATH = 'tenants[0].keys[0].algorithm';

type Doc = Record<string, unknown>;

interface KeyDecl {
  readonly algorithm: TransitKeyType;
  readonly purpose: KeyPurpose;
  readonly parameterSet?: string;
  readonly hybridKeyTypeEc?: string;
  readonly keySize?: number;
}

/** The minimal example with its one region's server and its tenant's one key replaced. */
function zone(server: VaultServerInput, key: KeyDecl): Doc {
  const doc = parseYaml(readFileSync(MINIMAL, 'utf8')) as Doc;
  const region = (doc.regions as Doc[])[0]!;
  region.vault = { ...(region.vault as Doc), ...server };
  const tenant = (doc.tenants as Doc[])[0]!;
  tenant.keys = [{ name: 'k', rotateDays: 30, ...key }];
  tenant.workloads = [{ serviceAccount: 'api', keys: ['k'] }];
  return doc;
}

function validate(doc: Doc): ValidationResult {
  return validateLandingZone(doc, { today: TODAY });
}

function problems(r: ValidationResult): readonly SpecProblem[] {
  return r.ok ? r.warnings : r.problems;
}

/** The server-refusal errors at a path (other errors, e.g. the crypto policy's, are not counted). */
function refusals(r: ValidationResult, path = KEY_PATH): SpecProblem[] {
  return problems(r).filter((p) => p.path === path && p.severity === 'error' && p.message.includes('cannot be created in region'));
}

const ML_DSA_87: KeyDecl = { algorithm: 'ml-dsa', purpose: 'signing', parameterSet: '87' };
const SLH_192: KeyDecl = { algorithm: 'slh-dsa', purpose: 'signing', parameterSet: 'slh-dsa-sha2-192s' };
const HYBRID: KeyDecl = { algorithm: 'hybrid', purpose: 'signing', parameterSet: '87', hybridKeyTypeEc: 'ecdsa-p384' };
const CMAC_192: KeyDecl = { algorithm: 'aes192-cmac', purpose: 'mac' };

describe('transit key types by edition (Vault)', () => {
  it('refuses ml-dsa on Vault Community, naming ErrPQCEntOnly and the edition to declare', () => {
    const r = validate(zone({ dialect: 'vault' }, ML_DSA_87));
    expect(r.ok).toBe(false);
    const [e] = refusals(r);
    expect(e!.message).toBe(
      'this key cannot be created in region cyberjaya: transit type ml-dsa needs Vault Enterprise: Vault Community 1.19 (assumed: no version declared) refuses it (ErrPQCEntOnly)',
    );
    expect(e!.hint).toContain('if the server is Vault Enterprise, set regions[0].vault.edition: enterprise');
    expect(e!.hint).toContain('accepted by Vault Enterprise 1.19 or newer (experimental); OpenBao 2.7 or newer');
    // The alternatives offered are ones the server accepts and Malaysia's policy allows today.
    expect(e!.hint).toContain('Vault Community 1.19 accepts ecdsa-p384, ecdsa-p521, rsa-3072, rsa-4096 for signing');
  });

  it('accepts ml-dsa on Vault Enterprise, with the experimental warning', () => {
    const r = validate(zone({ edition: 'enterprise', version: '1.21.1' }, ML_DSA_87));
    expect(r.ok).toBe(true);
    expect(problems(r).map((p) => p.message)).toContain('ml-dsa keys are experimental on Vault Enterprise 1.21.1 ("should not be used in production")');
  });

  it('refuses CMAC on Vault Community (ErrCmacEntOnly), accepts it on Enterprise', () => {
    expect(refusals(validate(zone({}, { algorithm: 'aes256-cmac', purpose: 'mac' })))[0]!.message).toContain('(ErrCmacEntOnly)');
    expect(refusals(validate(zone({ edition: 'enterprise' }, { algorithm: 'aes256-cmac', purpose: 'mac' })))).toEqual([]);
  });
});

describe('transit key types by version', () => {
  it('refuses slh-dsa on Vault Enterprise 1.19 (the assumed version) with the version to declare in the hint', () => {
    const [e] = refusals(validate(zone({ edition: 'enterprise' }, SLH_192)));
    expect(e!.message).toBe(
      'this key cannot be created in region cyberjaya: transit type slh-dsa needs Vault Enterprise 1.20 or newer, and the server is Vault Enterprise 1.19 (assumed: no version declared)',
    );
    expect(e!.hint).toContain('if the server runs a newer release, declare it in regions[0].vault.version');
    expect(refusals(validate(zone({ edition: 'enterprise', version: '1.19.5' }, SLH_192)))).toHaveLength(1);
  });

  it('accepts slh-dsa on Vault Enterprise 1.20', () => {
    expect(validate(zone({ edition: 'enterprise', version: '1.20' }, SLH_192)).ok).toBe(true);
  });

  it('refuses aes192-cmac before Vault Enterprise 1.20, accepts it from 1.20', () => {
    expect(refusals(validate(zone({ edition: 'enterprise', version: '1.19.5' }, CMAC_192)))[0]!.message).toContain('needs Vault Enterprise 1.20 or newer');
    expect(refusals(validate(zone({ edition: 'enterprise', version: '1.20.0' }, CMAC_192)))).toEqual([]);
  });

  it('refuses ml-dsa on OpenBao before 2.7, with the version in the message and the hint', () => {
    for (const version of [undefined, '2.6', '2.6.2', '2.5.4']) {
      const [e] = refusals(validate(zone({ dialect: 'openbao', ...(version ? { version } : {}) }, ML_DSA_87)));
      expect(e!.message).toContain(`transit type ml-dsa needs OpenBao 2.7 or newer, and the server is OpenBao ${version ?? '2.6 (assumed: no version declared)'}`);
      expect(e!.hint).toContain('declare it in regions[0].vault.version');
    }
  });

  it('accepts ml-dsa on OpenBao 2.7 (written mldsa-87), without an experimental warning', () => {
    const r = validate(zone({ dialect: 'openbao', version: '2.7' }, ML_DSA_87));
    expect(r.ok).toBe(true);
    expect(problems(r).filter((p) => p.message.includes('experimental'))).toEqual([]);
  });

  it('refuses slh-dsa and hybrid on every OpenBao, whatever its version', () => {
    for (const key of [SLH_192, HYBRID]) {
      const [e] = refusals(validate(zone({ dialect: 'openbao', version: '2.7' }, key)));
      expect(e!.message).toContain(`transit type ${key.algorithm} is not offered by OpenBao in any release slz knows of`);
      expect(e!.hint).not.toContain('declare it in');
    }
  });
});

describe('declared versions', () => {
  it('refuses a version of the other dialect, and accepts one of its own', () => {
    const wrong = validate(zone({ dialect: 'openbao', version: '1.21.1' }, { algorithm: 'aes256-gcm96', purpose: 'encryption' }));
    expect(problems(wrong).find((p) => p.path === 'regions[0].vault.version')).toMatchObject({
      severity: 'error',
      message: '1.21.1 is not an OpenBao release: OpenBao versions are 2.x',
      hint: 'if the server is Vault, set vault.dialect: vault',
    });
    expect(problems(validate(zone({ dialect: 'vault', version: '2.6' }, { algorithm: 'aes256-gcm96', purpose: 'encryption' }))).find((p) => p.path === 'regions[0].vault.version')?.message).toBe(
      '2.6 is not a Vault release: Vault versions are 1.x',
    );
    expect(validate(zone({ dialect: 'openbao', version: '2.6.2' }, { algorithm: 'aes256-gcm96', purpose: 'encryption' })).ok).toBe(true);
  });

  it('warns once per region when a restricted type rests on the assumed version, never when the version is declared', () => {
    const doc = zone({ edition: 'enterprise' }, ML_DSA_87);
    const tenant = (doc.tenants as Doc[])[0]!;
    tenant.keys = [
      { name: 'k', rotateDays: 30, ...ML_DSA_87 },
      { name: 'h', rotateDays: 30, ...HYBRID },
    ];
    const warnings = problems(validate(doc)).filter((p) => p.path === 'regions[0].vault.version');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toBe('is not declared, so slz assumes Vault Enterprise 1.19, nothing newer, and accepts ml-dsa, hybrid keys on it');
    (((doc.regions as Doc[])[0]!.vault) as Doc).version = '1.21.1';
    expect(problems(validate(doc)).filter((p) => p.path === 'regions[0].vault.version')).toEqual([]);
  });
});

describe("a tenant's keys are judged on its own regions' servers", () => {
  /** Two regions: cyberjaya runs Vault Community, kulim Vault Enterprise 1.21.1. */
  function twoRegions(tenantRegions: string[] | undefined): Doc {
    const doc = zone({}, ML_DSA_87);
    const regions = doc.regions as Doc[];
    const kulim = structuredClone(regions[0]!);
    kulim.name = 'kulim';
    kulim.vault = { ...(kulim.vault as Doc), edition: 'enterprise', version: '1.21.1' };
    regions.push(kulim);
    const tenant = (doc.tenants as Doc[])[0]!;
    if (tenantRegions) tenant.regions = tenantRegions;
    return doc;
  }

  it('accepts ml-dsa for a tenant that runs only in the Enterprise region', () => {
    expect(refusals(validate(twoRegions(['kulim'])))).toEqual([]);
  });

  it('refuses it for a tenant that also runs in the Community region, naming only that region', () => {
    const [e, more] = refusals(validate(twoRegions(undefined)));
    expect(e!.message).toMatch(/^this key cannot be created in region cyberjaya: /);
    expect(more).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Property: across every (dialect, edition, version, key type), validation refuses exactly what
// the capability table says the server refuses, and a recommended transit key validates.

const versionOf = (dialect: 'vault' | 'openbao') =>
  fc.option(
    fc.tuple(fc.integer({ min: 0, max: 30 }), fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined })).map(([minor, patch]) => `${dialect === 'vault' ? 1 : 2}.${minor}${patch === undefined ? '' : `.${patch}`}`),
    { nil: undefined },
  );

const serverArb = fc
  .record({ dialect: fc.constantFrom('vault' as const, 'openbao' as const), edition: fc.constantFrom('community' as const, 'enterprise' as const) })
  .chain(({ dialect, edition }) => versionOf(dialect).map((version): VaultServerInput => ({ dialect, edition, ...(version ? { version } : {}) })));

/** A well-formed declaration of each type (parameters where it needs them), for a purpose it serves. */
const keyArb: fc.Arbitrary<KeyDecl> = fc.constantFrom(...TRANSIT_KEY_TYPES).chain((algorithm): fc.Arbitrary<KeyDecl> => {
  const purpose = fc.constantFrom(...KEY_PURPOSES.filter((p) => transitTypesFor(p).includes(algorithm)));
  const ml = fc.constantFrom<string>(...ML_DSA_PARAMETER_SETS);
  if (algorithm === 'ml-dsa') return fc.record({ algorithm: fc.constant(algorithm), purpose, parameterSet: ml });
  if (algorithm === 'slh-dsa') return fc.record({ algorithm: fc.constant(algorithm), purpose, parameterSet: fc.constantFrom<string>(...SLH_DSA_PARAMETER_SETS) });
  if (algorithm === 'hybrid') return fc.record({ algorithm: fc.constant(algorithm), purpose, parameterSet: ml, hybridKeyTypeEc: fc.constantFrom<string>(...HYBRID_EC_TYPES) });
  return fc.record({ algorithm: fc.constant(algorithm), purpose });
});

describe('property: validation and the capability table agree on every server and key type', () => {
  it('never accepts a key the server refuses, and never refuses one it accepts', () => {
    fc.assert(
      fc.property(serverArb, keyArb, (server, key) => {
        const r = validate(zone(server, key));
        const support = transitKeySupport(vaultServer(server), key.algorithm);
        if (support.ok) {
          expect(refusals(r)).toEqual([]);
        } else {
          expect(r.ok).toBe(false);
          expect(refusals(r).map((p) => p.message)).toEqual([`this key cannot be created in region cyberjaya: ${support.reason}`]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('recommends only a transit key the same server accepts, and that key passes the server gate', () => {
    const vulnerable = [
      ...TRANSIT_KEY_TYPES.flatMap((type) => {
        try {
          return describeTransitKey({ type, parameterSet: type === 'slh-dsa' ? 'slh-dsa-sha2-256s' : '87', hybridKeyTypeEc: 'ecdsa-p384' });
        } catch {
          return [];
        }
      }),
      describePkiKey('rsa', 2048),
      describePkiKey('ec', 256),
      describePkiKey('ed25519', 0),
    ];
    fc.assert(
      fc.property(serverArb, fc.constantFrom(...vulnerable), fc.constantFrom('transit' as const, 'pki' as const), (input, algo, usage) => {
        const server = vaultServer(input);
        const target = recommendedPqTarget(algo, { usage, server });
        if (!target?.transitKey) return;
        expect(transitKeySupport(server, target.transitKey.type).ok).toBe(true);
        const purpose: KeyPurpose = algo.primitive === 'mac' ? 'mac' : algo.primitive === 'ae' ? 'encryption' : 'signing';
        const { spelled: _spelled, type, ...params } = target.transitKey;
        expect(refusals(validate(zone(input, { algorithm: type, purpose, ...params })))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
