/**
 * A fast-check generator of landing-zone documents over the schema's optional sections and
 * values: 1–3 regions on catalogued (home and foreign) and declared sites, tenants with keys of
 * every purpose and algorithm, workloads, access groups, egress and ingress, PKI, OIDC with and
 * without MFA, every state backend, exemptions, classifications of every catalogued jurisdiction
 * up to (and now and then above) its support ceiling, every Vault dialect, edition and placement.
 *
 * Most documents are meant to be valid, so the property "valid ⇒ compliant" has something to
 * hold on: addresses are laid out so networks are disjoint and inside the in-country CIDRs, and
 * sites and keys are drawn mostly from pools of choices the validator accepts for the drawn
 * jurisdiction and classification (asked of the validator itself, once per setting, on a small
 * base document — the generator keeps no second copy of the rules). The rest stray on purpose
 * (a foreign site, a short retention, a key the policy refuses, a missing network) so validation
 * is exercised from both sides.
 */
import fc from 'fast-check';
import { ALL_PACKS } from '../../src/compliance/packs';
import {
  CATALOGUE,
  COMMON_LEVELS,
  HYBRID_EC_TYPES,
  KEY_PURPOSES,
  ML_DSA_PARAMETER_SETS,
  PKI_KEY_BITS,
  PKI_KEY_TYPES,
  resolveClassification,
  SLH_DSA_PARAMETER_SETS,
  transitTypesFor,
  type Jurisdiction,
} from '../../src/jurisdictions';
import { validateLandingZone } from '../../src/landing-zone';

type Doc = Record<string, unknown>;

/** The day the generated documents are judged on (crypto deadlines, exemption expiry). */
export const GENERATED_TODAY = '2026-06-01';

/** An optional key: absent about one time in `freq`. */
function opt<T>(arb: fc.Arbitrary<T>, freq = 2): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined, freq });
}

/** Mostly from `usual`, now and then from `stray`. */
function mostly<T>(usual: fc.Arbitrary<T>, stray: fc.Arbitrary<T>, strayOneIn = 40): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: usual, weight: strayOneIn - 1 }, { arbitrary: stray, weight: 1 });
}

function compact(o: Record<string, unknown>): Doc {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

const CERT = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUTESTONLY0000000000000000000wCgYIKoZIzj0EAwIw\n-----END CERTIFICATE-----\n';

// ---------------------------------------------------------------------------------------------
// Jurisdiction, classification and the Vault profile

interface Setting {
  readonly j: Jurisdiction;
  readonly classification: string;
  /** In-country DNS domain of the agency. */
  readonly domain: string;
  /** Every region's Vault: `mixed` draws dialect and edition per region. */
  readonly vault: 'community' | 'enterprise' | 'openbao' | 'mixed';
}

/** Every label of every scheme (also written SCHEME/label) and every common level that resolves to one level. */
function classificationsOf(j: Jurisdiction): { label: string; ordinal: number }[] {
  const labels = [...j.classificationSchemes.flatMap((s) => s.levels.flatMap((l) => [l.label, `${s.id}/${l.label}`])), ...COMMON_LEVELS];
  return labels.flatMap((label) => {
    const r = resolveClassification(j, label);
    return r.ok ? [{ label, ordinal: r.ordinal }] : [];
  });
}

/** Malaysia as often as all the others together: its schemes have the most levels and rules. */
const jurisdictionArb = fc.oneof(fc.constant(CATALOGUE.find((j) => j.countryCode === 'MY')!), fc.constantFrom(...CATALOGUE.filter((j) => j.countryCode !== 'MY')));

const settingArb: fc.Arbitrary<Setting> = jurisdictionArb.chain((j) => {
  const all = classificationsOf(j);
  const within = all.filter((c) => c.ordinal <= j.support.maxOrdinal);
  const above = all.filter((c) => c.ordinal > j.support.maxOrdinal);
  const label = above.length > 0 ? mostly(fc.constantFrom(...within), fc.constantFrom(...above)) : fc.constantFrom(...within);
  const vault = fc.constantFrom('community', 'enterprise', 'openbao', 'mixed' as const);
  return fc.record({ c: label, vault }).map(({ c, vault: v }) => ({ j, classification: c.label, domain: `agency.example.gov.${j.countryCode.toLowerCase()}`, vault: v }));
});

function vaultOf(s: Setting): Doc {
  if (s.vault === 'enterprise') return { edition: 'enterprise' };
  if (s.vault === 'openbao') return { dialect: 'openbao' };
  return {};
}

// ---------------------------------------------------------------------------------------------
// Pools of choices the validator accepts, found by asking it on a small base document

function baseDoc(s: Setting, site: Doc, keys: Doc[] = []): Doc {
  return {
    apiVersion: 'slz/v1',
    kind: 'LandingZone',
    metadata: { name: 'probe', agency: 'Probe', owner: 'probe@agency.example' },
    jurisdiction: s.j.countryCode,
    classification: s.classification,
    regions: [
      {
        name: 'north',
        site,
        kubernetes: { context: 'probe', host: `https://k8s.${s.domain}:6443`, apiServerCidr: '10.10.0.0/28', imageRegistry: `registry.${s.domain}` },
        vault: { address: `https://vault.${s.domain}:8200`, cidr: '10.10.30.0/28', ...vaultOf(s) },
      },
    ],
    network: { inCountryCidrs: ['10.0.0.0/8'], endpointDomains: [s.domain] },
    tenants: [{ name: 'probe', quota: { cpu: '1', memory: '1Gi', pods: 1 }, ...(keys.length > 0 ? { keys } : {}) }],
    logging: { sink: { type: 'syslog', address: `logs.${s.domain}:6514`, cidr: '10.5.20.0/24' }, retentionDays: 3650 },
  };
}

function accepted(doc: Doc): boolean {
  return validateLandingZone(doc, { today: GENERATED_TODAY }).ok;
}

const DEPLOYMENTS = ['public', 'sovereign', 'private', 'hybrid', 'dedicated'] as const;

/** Sites a region could name: catalogued here and abroad, declared here and abroad. */
function siteCandidates(s: Setting): Doc[] {
  const cc = s.j.countryCode;
  const catalogued = CATALOGUE.flatMap((j) => j.regions.filter((r) => r.id !== null)).flatMap((r) =>
    r.country === cc
      ? [
          { provider: r.provider, id: r.id! },
          { provider: r.provider, id: r.id!, operatorJurisdiction: cc },
          { provider: r.provider, id: r.id!, contractingEntity: { name: 'Local Cloud Sdn Bhd', incorporatedIn: cc } },
        ]
      : [{ provider: r.provider, id: r.id! }],
  );
  const declared = ['agency-dc', 'aws', 'huawei'].flatMap((provider) =>
    [cc, 'US'].flatMap((country) => DEPLOYMENTS.map((deployment) => ({ provider, id: 'gov-hall-1', country, operatorJurisdiction: country, deployment, displayName: 'Government hall' }))),
  );
  return [...catalogued, ...declared];
}

const sitePools = new Map<string, { valid: Doc[]; all: Doc[] }>();
function sitePool(s: Setting): { valid: Doc[]; all: Doc[] } {
  const key = `${s.j.countryCode}|${s.classification}`;
  let pool = sitePools.get(key);
  if (!pool) {
    const all = siteCandidates(s);
    pool = { valid: all.filter((site) => accepted(baseDoc(s, site))), all };
    sitePools.set(key, pool);
  }
  return pool;
}

/** Every key declaration: each purpose with each type that serves it, every parameter set and classical half. */
const KEY_CANDIDATES: Doc[] = KEY_PURPOSES.flatMap((purpose) =>
  transitTypesFor(purpose).flatMap((algorithm): Doc[] => {
    switch (algorithm) {
      case 'ml-dsa':
        return ML_DSA_PARAMETER_SETS.map((parameterSet) => ({ purpose, algorithm, parameterSet }));
      case 'slh-dsa':
        return SLH_DSA_PARAMETER_SETS.map((parameterSet) => ({ purpose, algorithm, parameterSet }));
      case 'hybrid':
        return ML_DSA_PARAMETER_SETS.flatMap((parameterSet) => HYBRID_EC_TYPES.map((hybridKeyTypeEc) => ({ purpose, algorithm, parameterSet, hybridKeyTypeEc })));
      case 'hmac':
        return [{ purpose, algorithm }, { purpose, algorithm, keySize: 64 }, { purpose, algorithm, keySize: 512 }];
      case 'aes256-gcm96':
        return [{ purpose, algorithm }, { purpose }];
      default:
        return [{ purpose, algorithm }];
    }
  }),
);

/** The setting at the jurisdiction's lowest level, for choices that do not depend on the level. */
function lowest(s: Setting): Setting {
  return { ...s, classification: classificationsOf(s.j).sort((a, b) => a.ordinal - b.ordinal)[0]!.label };
}

const keyPools = new Map<string, Doc[]>();
function keyPool(setting: Setting): Doc[] {
  const s = lowest(setting);
  // The crypto policy is the jurisdiction's, whatever the level: one pool per jurisdiction and Vault profile.
  const key = `${s.j.countryCode}|${s.vault}`;
  let pool = keyPools.get(key);
  if (!pool) {
    const site = sitePool(s).valid[0] ?? { provider: 'agency-dc', id: 'probe', country: s.j.countryCode, operatorJurisdiction: s.j.countryCode, deployment: 'private' };
    pool = KEY_CANDIDATES.filter((k) => accepted(baseDoc(s, site, [{ name: 'k', rotateDays: 30, ...k }])));
    keyPools.set(key, pool);
  }
  return pool;
}

// ---------------------------------------------------------------------------------------------
// Regions

function siteArb(s: Setting): fc.Arbitrary<Doc> {
  const { valid, all } = sitePool(s);
  return valid.length > 0 ? mostly(fc.constantFrom(...valid), fc.constantFrom(...all), 20) : fc.constantFrom(...all);
}

function regionArb(s: Setting, i: number, name: string): fc.Arbitrary<Doc> {
  const net = 10 + i * 10;
  const host = `r${i}.${s.domain}`;
  const kubernetes = fc
    .record({
      context: opt(fc.constant(`ctx-${name}`)),
      host: mostly(fc.constantFrom(`https://k8s.${host}:6443`, `https://10.${net}.0.1:6443`), fc.constant(undefined)),
      configPath: opt(fc.constant('/etc/slz/kubeconfig'), 4),
      apiServerCidr: mostly(fc.constant(`10.${net}.0.0/28`), fc.constant(undefined), 50),
      imageRegistry: fc.constantFrom(`registry.${host}`, `registry.${s.domain}`),
      nodeRegions: opt(fc.constant([name, `${name}-b`]), 4),
      dns: opt(fc.record({ namespace: opt(fc.constant('kube-system')), podLabels: opt(fc.constant({ 'k8s-app': 'coredns' })) }).map(compact), 4),
    })
    .map(compact);
  const dialect = s.vault === 'mixed' ? fc.constantFrom('vault', 'openbao') : fc.constant(s.vault === 'openbao' ? 'openbao' : 'vault');
  const edition = s.vault === 'mixed' ? opt(fc.constantFrom('community', 'enterprise')) : fc.constant(s.vault === 'enterprise' ? 'enterprise' : undefined);
  const vault = fc
    .record({
      address: fc.constantFrom(`https://vault.${host}:8200`, `https://10.${net}.30.5:8200`, `https://vault.${host}`),
      dialect,
      edition,
      namespace: opt(fc.constant('agency')),
      version: opt(fc.constantFrom('1.19.0', '1.21.4', '2.6', '2.7.1')),
      placement: mostly(fc.constantFrom('cidr', 'inCluster'), fc.constant('none')),
      inCluster: fc.record({ namespace: fc.constantFrom('vault', 'openbao'), serviceAccount: opt(fc.constant('openbao')), podLabels: opt(fc.constant({ app: 'vault' })) }).map(compact),
      kubernetesCaPem: opt(fc.constant(CERT)),
    })
    .map(({ placement, inCluster, ...v }) =>
      compact({
        ...v,
        // Omitting dialect means vault; the version family follows it (Vault 1.x, OpenBao 2.x).
        dialect: v.dialect === 'vault' && s.vault !== 'mixed' ? undefined : v.dialect,
        namespace: v.edition === 'enterprise' ? v.namespace : undefined,
        version: v.version && (v.dialect === 'openbao') === v.version.startsWith('2.') ? v.version : undefined,
        cidr: placement === 'cidr' ? `10.${net}.30.0/28` : undefined,
        inCluster: placement === 'inCluster' ? inCluster : undefined,
      }),
    );
  return fc.record({ site: siteArb(s), kubernetes, vault }).map((r) => ({ name, ...r }));
}

// ---------------------------------------------------------------------------------------------
// Tenants

function keyArb(s: Setting, name: string): fc.Arbitrary<Doc> {
  const pool = keyPool(s);
  const declaration = pool.length > 0 ? mostly(fc.constantFrom(...pool), fc.constantFrom(...KEY_CANDIDATES)) : fc.constantFrom(...KEY_CANDIDATES);
  const rotateDays = mostly(fc.integer({ min: 1, max: 365 }), fc.integer({ min: 366, max: 2000 }), 50);
  return fc.record({ declaration, rotateDays }).map(({ declaration: d, rotateDays: r }) => ({ name, ...d, rotateDays: r }));
}

function tenantArb(s: Setting, name: string, regionNames: readonly string[], egress: readonly string[], ingress: readonly string[]): fc.Arbitrary<Doc> {
  const keyNames = fc.uniqueArray(fc.constantFrom('data-key', 'wrap', 'sign', 'mac', 'pq-sign', 'archive'), { maxLength: 4 });
  return keyNames.chain((names) => {
    const usable = names.length > 0 ? names : ['data'];
    // Mostly keys, kv or both; now and then neither (which validation refuses).
    const workload = mostly<Doc>(
      fc.oneof<fc.Arbitrary<Doc>[]>(
        fc.record({ keys: fc.subarray(usable, { minLength: 1 }), kv: opt(fc.boolean()) }),
        fc.record({ kv: fc.constant(true) }),
      ),
      fc.constant({ keys: [] }),
    ).map(compact);
    return fc
      .record({
        quota: fc.record({ cpu: fc.constantFrom('4', '500m', '16'), memory: fc.constantFrom('16Gi', '512Mi'), pods: fc.integer({ min: 1, max: 200 }), gpu: opt(fc.integer({ min: 0, max: 8 }), 4), storage: opt(fc.constant('1Ti'), 4) }).map(compact),
        keys: fc.tuple(...names.map((k) => keyArb(s, k))),
        workloads: fc.uniqueArray(fc.constantFrom('api', 'worker', 'batch'), { maxLength: 3 }).chain((sas) => fc.tuple(...sas.map((sa) => workload.map((w) => compact({ serviceAccount: sa, ...w }))))),
        access: opt(fc.record({ admins: opt(fc.constant([`${name}-admins`])), developers: opt(fc.constant([`${name}-dev`])), viewers: opt(fc.constant([`${name}-audit`])) }).map(compact)),
        egress: opt(fc.subarray([...egress])),
        ingress: opt(fc.subarray([...ingress])),
        regions: mostly(fc.constant(undefined), fc.subarray([...regionNames], { minLength: 1 }), 4),
      })
      .map((t) => compact({ name, ...t, keys: names.length > 0 ? t.keys : undefined, workloads: t.workloads.length > 0 ? t.workloads : undefined }));
  });
}

// ---------------------------------------------------------------------------------------------
// Other sections

function networkArb(s: Setting, egress: readonly string[], ingress: readonly string[]): fc.Arbitrary<Doc> {
  return fc
    .record({
      inCountryCidrs: fc.constantFrom(['10.0.0.0/8'], ['10.0.0.0/8', '172.16.0.0/12']),
      endpointDomains: fc.constantFrom([s.domain], [s.domain, `id.gov.example.${s.j.countryCode.toLowerCase()}`]),
      adminCidrs: opt(fc.constantFrom(['10.99.0.0/24'], ['10.99.0.0/24', '10.98.0.0/24'])),
      egressPorts: fc.uniqueArray(fc.constantFrom(443, 5432, 8443, 53), { minLength: 1, maxLength: 2 }),
      protocol: opt(fc.constantFrom('TCP', 'UDP'), 4),
    })
    .map(({ egressPorts, protocol, ...n }) =>
      compact({
        ...n,
        egress: egress.length > 0 ? egress.map((name, k) => compact({ name, cidr: `10.${100 + k}.0.0/24`, ports: egressPorts, protocol, description: 'a service' })) : undefined,
        ingress: ingress.length > 0 ? ingress.map((name, k) => ({ name, cidr: `10.${150 + k}.0.0/16`, ports: [8443] })) : undefined,
      }),
    );
}

const PKI_CANDIDATES: Doc[] = PKI_KEY_TYPES.flatMap((keyType) => PKI_KEY_BITS[keyType].map((keyBits) => ({ keyType, keyBits })));

const pkiPools = new Map<string, Doc[]>();
function pkiPool(setting: Setting): Doc[] {
  const s = lowest(setting);
  const key = s.j.countryCode;
  let pool = pkiPools.get(key);
  if (!pool) {
    const site = sitePool(s).valid[0] ?? {};
    pool = PKI_CANDIDATES.filter((k) => accepted({ ...baseDoc(s, site), pki: { domains: [s.domain], ...k } }));
    pkiPools.set(key, pool);
  }
  return pool;
}

function pkiArb(s: Setting): fc.Arbitrary<Doc> {
  const pool = pkiPool(s);
  const key = pool.length > 0 ? mostly(fc.constantFrom(...pool), fc.constantFrom(...PKI_CANDIDATES), 20) : fc.constantFrom(...PKI_CANDIDATES);
  return fc
    .record({
      key,
      rootTtlDays: opt(fc.integer({ min: 1100, max: 7300 })),
      intermediateTtlDays: opt(mostly(fc.integer({ min: 100, max: 1095 }), fc.integer({ min: 7, max: 99 }), 10)),
      leafMaxTtlHours: opt(fc.integer({ min: 1, max: 2160 })),
    })
    .map(({ key: k, ...p }) => compact({ domains: [s.domain], ...k, ...p }));
}

function identityArb(s: Setting): fc.Arbitrary<Doc> {
  return fc
    .record({
      issuer: mostly(fc.constant(`https://id.${s.domain}/realms/government`), fc.constant(`https://id.gov.example.${s.j.countryCode.toLowerCase()}/realms/government`), 10),
      clientId: fc.constant('vault'),
      adminGroups: fc.constantFrom(['platform-admins'], ['platform-admins', 'security officers']),
      groupsClaim: opt(fc.constant('roles'), 4),
      userClaim: opt(fc.constant('email'), 4),
      discoveryCaPem: opt(fc.constant(CERT)),
      mfa: opt(fc.record({ claim: opt(fc.constant('acr')), values: opt(fc.constant(['mfa', 'hwk'])) }).map(compact)),
    })
    .map((oidc) => ({ oidc: compact(oidc) }));
}

function loggingArb(s: Setting): fc.Arbitrary<Doc> {
  return fc
    .record({
      sink: fc.record({ type: fc.constantFrom('syslog', 'http', 'forward'), address: fc.constantFrom(`logs.${s.domain}:6514`, '10.5.20.7:6514'), cidr: mostly(fc.constant('10.5.20.0/24'), fc.constant(undefined), 50) }).map(compact),
      retentionDays: mostly(fc.integer({ min: 365, max: 3650 }), fc.integer({ min: 1, max: 364 })),
      auditRelay: opt(fc.constantFrom('127.0.0.1:9514', `relay.${s.domain}:9514`), 4),
      auditFilePath: opt(fc.constant('/var/log/vault/audit.log'), 4),
      forwarderImage: opt(fc.constant('fluent/fluent-bit:3.2.4'), 4),
    })
    .map(compact);
}

function stateArb(s: Setting): fc.Arbitrary<Doc | undefined> {
  return fc.oneof(
    fc.constant(undefined),
    fc.record({ backend: fc.constant('local'), path: opt(fc.constant('/var/lib/slz-state')) }).map(compact),
    fc.record({ backend: fc.constant('pg'), host: fc.constant(`tfstate.${s.domain}`), port: opt(fc.constant(5433)), database: fc.constant('terraform'), schemaPrefix: opt(fc.constant('lz')) }).map(compact),
    fc.record({ backend: fc.constant('kubernetes'), namespace: opt(fc.constant('tf-state')), host: opt(fc.constant(`https://k8s-state.${s.domain}:6443`)), context: opt(fc.constant('state')) }).map(compact),
    fc.record({ backend: fc.constant('s3'), bucket: fc.constant('agency-tfstate'), endpoint: fc.constant(`https://objects.${s.domain}`), region: opt(fc.constant('local-1')), keyPrefix: opt(fc.constant('lz/')) }).map(compact),
  );
}

const RULE_IDS = ALL_PACKS.flatMap((p) => p.rules.map((r) => r.id));

function exemptionArb(lzName: string, tenants: readonly string[]): fc.Arbitrary<Doc> {
  return fc
    .record({
      // Strays: an engine rule, a pattern matching every construct, and one naming no stack of the
      // file (validation refuses all three).
      rule: mostly(fc.constantFrom(...RULE_IDS), fc.constantFrom('SB-SUP2', 'SB-SUP4')),
      resource: mostly(fc.constantFrom(`${lzName}-*`, `${lzName}-platform-*/log-forwarder/*`, ...tenants.map((t) => `${lzName}-tenant-${t}-*`)), fc.constantFrom('*', '**', '*/**', `${tenants[0] ?? 'records'}/*`, `not-${lzName}-*/keys`)),
      expires: mostly(fc.constantFrom('2027-12-31', '2030-01-01'), fc.constant('2026-01-01')),
      ticket: opt(fc.constant('SEC-1')),
    })
    .map((e) => compact({ ...e, reason: 'Accepted by the security officer after review.', owner: 'ciso@agency.example' }));
}

// ---------------------------------------------------------------------------------------------

/** A landing-zone document, as a YAML or JSON file would hold it. */
export const landingZoneDocArb: fc.Arbitrary<Doc> = settingArb.chain((s) =>
  fc
    .record({
      lzName: fc.constantFrom('lz', 'moh', 'registry'),
      regionNames: fc.uniqueArray(fc.constantFrom('north', 'south', 'east'), { minLength: 1, maxLength: 3 }),
      tenantNames: fc.uniqueArray(fc.constantFrom('alpha', 'beta', 'records', 'portal', 'ledger', 'ml'), { minLength: 1, maxLength: 3 }),
      egress: fc.subarray(['his', 'registry-api', 'payments']),
      ingress: fc.subarray(['hospital-lan', 'branch']),
    })
    .chain(({ lzName, regionNames, tenantNames, egress, ingress }) =>
      fc
        .record({
          regions: fc.tuple(...regionNames.map((n, i) => regionArb(s, i, n))),
          network: mostly(networkArb(s, egress, ingress), fc.constant(undefined), 50),
          tenants: fc.tuple(...tenantNames.map((t) => tenantArb(s, t, regionNames, egress, ingress))),
          pki: opt(pkiArb(s)),
          identity: opt(identityArb(s)),
          logging: loggingArb(s),
          state: stateArb(s),
          compliance: opt(fc.record({ strict: opt(fc.boolean()) }).map(compact), 4),
          exemptions: opt(fc.array(exemptionArb(lzName, tenantNames), { minLength: 1, maxLength: 2 }), 3),
        })
        .map((sections) =>
          compact({
            apiVersion: 'slz/v1',
            kind: 'LandingZone',
            metadata: { name: lzName, agency: 'Example Agency', owner: 'platform@agency.example' },
            jurisdiction: s.j.countryCode,
            classification: s.classification,
            ...sections,
          }),
        ),
    ),
);
