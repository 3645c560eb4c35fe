/**
 * Validates a parsed landing-zone document: shape (zod), then the rules that need several
 * fields or the jurisdiction catalogue (DESIGN.md §4). Every problem is reported at once.
 */
import {
  contractingRulesAt,
  describePkiKey,
  describeTransitKey,
  evaluateAlgorithm,
  findRegion,
  foreignLawRulesAt,
  getJurisdiction,
  getProvider,
  isoDate as toIsoDate,
  jurisdictionCodes,
  KEY_CATEGORY_OF_PURPOSE,
  MAJOR_VERSION,
  PRIMITIVES_FOR_PURPOSE,
  PKI_KEY_BITS,
  residencyRulesAt,
  resolveClassification,
  siteOperator,
  sitesWithId,
  COMMON_LEVELS,
  parseVersion,
  pkiKeySupport,
  serverLabel,
  transitKeySupport,
  transitTypesFor,
  vaultServer,
  type AlgorithmInfo,
  type ContractingEntityRule,
  type Deployment,
  type Jurisdiction,
  type Ordinal,
  type RegionRef,
  type SupportVerdict,
  type VaultServer,
} from '../jurisdictions';
import { cidrContains, cidrOf, cidrsOverlap, hostOf, hostUnderDomain, ipInCidr, isIpLiteral, type Cidr } from './net';
import { closest, type PathSegment, ProblemList, type SpecProblem } from './problems';
import { compileGlob, globProblem } from './exemption-glob';
import { suppressionProblems } from './exemptions';
import { landingZoneSchema, type LandingZone, type Region, type Tenant, type TransitKey } from './schema';
import { salvage, type Salvaged } from './salvage';
import { findSecrets, redactSecrets } from './secrets';
import { stackNamesOf } from './stack-names';
import { reportZodIssues } from './zod-issues';

/** Where a region runs, resolved against the catalogue. */
export interface ResolvedSite {
  readonly catalogued: RegionRef | undefined;
  /** Country the site is physically in (undefined only when a declared site omits it, which is an error). */
  readonly country: string | undefined;
  /** Country whose law governs the operator. */
  readonly operatorJurisdiction: string | undefined;
  readonly deployment: Deployment | undefined;
  /** "declared, not catalogued" in reports. */
  readonly declared: boolean;
}

/** A valid landing zone, with what the catalogue says about it. */
export interface ResolvedLandingZone {
  readonly spec: LandingZone;
  readonly jurisdiction: Jurisdiction;
  readonly ordinal: Ordinal;
  /** The common-scale name of the ordinal, e.g. CONFIDENTIAL. */
  readonly level: (typeof COMMON_LEVELS)[number];
  /** Scheme id the classification was found in, or `common`. */
  readonly classificationScheme: string;
  /** Error-level rules cannot be suppressed. */
  readonly strict: boolean;
  readonly sites: readonly ResolvedSite[];
  readonly warnings: readonly SpecProblem[];
}

export type ValidationResult =
  | { readonly ok: true; readonly value: ResolvedLandingZone; readonly warnings: readonly SpecProblem[] }
  | { readonly ok: false; readonly problems: readonly SpecProblem[] };

export interface ValidateOptions {
  /** The day crypto deadlines and exemption expiry are judged on. @default today (UTC) */
  readonly today?: string;
  /**
   * Stacks a program adds to the file's in code (a SovereignApp's own tenancy stacks): an
   * exemption may name them as well as the file's own.
   * @default none
   */
  readonly extraStacks?: readonly string[];
}

/** Strict mode is the default from this ordinal (CONFIDENTIAL). */
export const STRICT_FROM_ORDINAL = 3;


const DEPLOYMENT_OF_KIND: Record<RegionRef['kind'], Deployment> = {
  region: 'public',
  'local-zone': 'public',
  'dedicated-local-zone': 'dedicated',
  'private-dc': 'private',
};

/** What the checks see: the file as parsed, field by field (see salvage.ts), and what did not parse. */
type Spec = Salvaged<LandingZone> & {
  /** Whether the field at a dotted path parsed as written (always true for a file that parsed whole). */
  readonly parsed: (path: string) => boolean;
};

/** The shape checkCrypto reads: whole values only (it is given a view holding the keys, regions and PKI that parsed). */
type Partial = { [K in keyof LandingZone]?: LandingZone[K] };

/** Validates a parsed document. Shape problems and cross-field problems come back together. */
export function validateLandingZone(doc: unknown, options: ValidateOptions = {}): ValidationResult {
  const problems = new ProblemList();
  const today = options.today ?? toIsoDate(new Date());
  const secrets = findSecrets(doc, problems);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    problems.error('(root)', 'must be a mapping with apiVersion, kind, metadata, …', 'start from examples/minimal/landing-zone.yaml');
    return { ok: false, problems: redactSecrets(problems.items, secrets) };
  }
  const parsed = landingZoneSchema.safeParse(doc);
  let spec: Spec;
  if (parsed.success) spec = { ...(parsed.data as Salvaged<LandingZone>), parsed: () => true };
  else {
    reportZodIssues(landingZoneSchema, doc, parsed.error.issues, problems);
    suggestJurisdiction(doc as Record<string, unknown>, problems);
    const kept = salvage(landingZoneSchema, doc);
    spec = { ...((kept.value ?? {}) as Salvaged<LandingZone>), parsed: kept.parsed };
  }
  const context = crossCheck(spec, problems, today, options.extraStacks ?? []);
  if (problems.errors.length > 0 || !parsed.success || !context) {
    return { ok: false, problems: redactSecrets(sortProblems(problems.items), secrets) };
  }
  const warnings = sortProblems(problems.warnings);
  return { ok: true, value: { spec: parsed.data, ...context, warnings }, warnings };
}

/**
 * A jurisdiction the schema refuses by shape (`MYS`, `my`) gets the same "did you mean" as one
 * that is well formed but not catalogued, instead of a fixed example.
 */
function suggestJurisdiction(doc: Record<string, unknown>, problems: ProblemList): void {
  const written = doc.jurisdiction;
  if (typeof written !== 'string') return;
  const i = problems.items.findIndex((p) => p.path === 'jurisdiction' && p.message !== 'is required');
  if (i < 0) return;
  const codes = jurisdictionCodes();
  const near = closest(written.trim().toUpperCase(), codes);
  problems.items[i] = { ...problems.items[i]!, hint: `${near ? `did you mean ${near}? ` : ''}catalogued: ${codes.join(', ')} (slz jurisdictions)` };
}

/**
 * The names in a list, or undefined when they are not all known (the list, an element or a name
 * did not parse): a reference check against a partial list would report names that exist.
 */
function namesOf(spec: Spec, list: readonly ({ readonly name?: string } | undefined)[] | undefined, path: string, key: 'name' | 'serviceAccount' = 'name'): string[] | undefined {
  if (!spec.parsed(path) && list === undefined) return undefined;
  const names: string[] = [];
  for (let i = 0; i < (list?.length ?? 0); i++) {
    const name = (list![i] as Record<string, unknown> | undefined)?.[key];
    if (typeof name !== 'string') return undefined;
    names.push(name);
  }
  return names;
}

const SECTION_ORDER = ['(file)', '(root)', ...Object.keys(landingZoneSchema.shape)];

function sectionIndex(path: string): number {
  if (path.startsWith('line ')) return 0;
  const i = SECTION_ORDER.indexOf(path.split(/[.[]/)[0] ?? '');
  return i < 0 ? SECTION_ORDER.length : i;
}

/** Errors first; within each, in the order the sections appear in the file; otherwise as found. */
function sortProblems(items: readonly SpecProblem[]): SpecProblem[] {
  return [...items].sort((a, b) => {
    if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
    return sectionIndex(a.path) - sectionIndex(b.path);
  });
}

interface Context {
  readonly jurisdiction: Jurisdiction;
  readonly ordinal: Ordinal;
  readonly level: (typeof COMMON_LEVELS)[number];
  readonly classificationScheme: string;
  readonly strict: boolean;
  readonly sites: ResolvedSite[];
}

function crossCheck(spec: Spec, problems: ProblemList, today: string, extraStacks: readonly string[]): Context | undefined {
  checkNamesAndReferences(spec, problems);
  const cidrs = checkNetwork(spec, problems);
  checkExemptions(spec, problems, today, extraStacks);
  checkPkiLifetimes(spec, problems);

  if (spec.jurisdiction === undefined) return undefined;
  const jurisdiction = getJurisdiction(spec.jurisdiction);
  if (!jurisdiction) {
    const codes = jurisdictionCodes();
    const near = closest(spec.jurisdiction, codes);
    problems.error('jurisdiction', `"${spec.jurisdiction}" is not in the catalogue`, `${near ? `did you mean ${near}? ` : ''}catalogued: ${codes.join(', ')} (slz jurisdictions)`);
    return undefined;
  }
  if (spec.classification === undefined) return undefined;
  const cls = resolveClassification(jurisdiction, spec.classification);
  if (!cls.ok) {
    problems.error('classification', cls.reason, cls.hint);
    return undefined;
  }
  for (const other of cls.also) problems.warn('classification', `"${spec.classification}" also names ${other} in another scheme; the higher level applies`);
  if (cls.scheme !== 'common' && cls.scheme.status === 'draft') {
    problems.warn('classification', `"${spec.classification}" is a label of ${cls.scheme.id}, a draft that is not in force: the level it maps to may change`, 'check the instrument\'s status with your security officer; the catalogue lists it under uncertain');
  }
  if (cls.level?.mappingConfidence === 'uncertain') {
    problems.warn('classification', `the mapping of "${spec.classification}" onto level ${cls.ordinal} is uncertain (${cls.level.note ?? 'no published correspondence'})`, 'check with your security officer; the catalogue lists it under uncertain');
  }
  const ordinal = cls.ordinal;
  if (ordinal > jurisdiction.support.maxOrdinal) {
    problems.error('classification', `${spec.classification} (level ${ordinal}, ${COMMON_LEVELS[ordinal]}) is not supported for ${jurisdiction.name}: ${jurisdiction.support.reason}`, `the highest supported level is ${jurisdiction.support.maxOrdinal} (${COMMON_LEVELS[jurisdiction.support.maxOrdinal]})`);
    return undefined;
  }

  const sites = checkSites(spec, jurisdiction, ordinal, problems);
  checkEndpoints(spec, jurisdiction, ordinal, cidrs, problems);
  checkAdminAccess(spec, jurisdiction, ordinal, cidrs, problems);
  checkCrypto(cryptoView(spec), jurisdiction, today, problems);
  checkRetention(spec, jurisdiction, problems);

  const strict = spec.compliance?.strict ?? ordinal >= STRICT_FROM_ORDINAL;
  if (spec.compliance?.strict === false && ordinal >= STRICT_FROM_ORDINAL) {
    problems.warn('compliance.strict', `strict mode is off at ${COMMON_LEVELS[ordinal]}: error-level findings can be suppressed`, 'leave it on unless your security officer has accepted that');
  }
  return { jurisdiction, ordinal, level: COMMON_LEVELS[ordinal], classificationScheme: cls.scheme === 'common' ? 'common' : cls.scheme.id, strict, sites };
}

/**
 * What checkCrypto may judge of a partly parsed file: each key whose type, purpose and rotation
 * parsed (at its own index; the others are holes), the regions whose name and Vault parsed, the
 * PKI when its key type and size parsed. A key's crypto is checked even when its tenant's quota,
 * or the key's own name, is wrong.
 */
function cryptoView(spec: Spec): Partial {
  const sparse = <T>(list: readonly (T | undefined)[] | undefined, keep: (x: T, i: number) => boolean): T[] => {
    const out: T[] = [];
    list?.forEach((x, i) => {
      if (x !== undefined && keep(x, i)) out[i] = x;
    });
    out.length = list?.length ?? 0;
    return out;
  };
  const regions = sparse(spec.regions, (r) => r.name !== undefined && r.vault?.dialect !== undefined && r.vault.edition !== undefined) as Region[];
  const tenants = sparse(spec.tenants, () => true).map((t) => ({ ...t, keys: sparse(t.keys, (k) => k.algorithm !== undefined && k.purpose !== undefined && k.rotateDays !== undefined) })) as unknown as Tenant[];
  const pki = spec.pki?.keyType !== undefined && spec.pki.keyBits !== undefined ? ({ ...spec.pki, domains: sparse(spec.pki.domains, () => true) } as LandingZone['pki']) : undefined;
  const network = spec.parsed('network.endpointDomains') && spec.network ? (spec.network as LandingZone['network']) : undefined;
  return { regions, tenants, ...(pki ? { pki } : {}), ...(network ? { network } : {}) };
}

function checkUnique(problems: ProblemList, items: readonly ({ name?: string } | undefined)[] | undefined, path: PathSegment[], what: string, key = 'name'): void {
  if (!items) return;
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    if (item?.name === undefined) return;
    const first = seen.get(item.name);
    if (first !== undefined) problems.error([...path, i, key], `${what} "${item.name}" is already used by ${pathText(path)}[${first}]`, `${what} names must be unique`);
    else seen.set(item.name, i);
  });
}

function pathText(path: PathSegment[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
}

function checkNamesAndReferences(spec: Spec, problems: ProblemList): void {
  checkUnique(problems, spec.regions, ['regions'], 'region');
  checkUnique(problems, spec.tenants, ['tenants'], 'tenant');
  checkUnique(problems, spec.network?.egress, ['network', 'egress'], 'egress destination');
  checkUnique(problems, spec.network?.ingress, ['network', 'ingress'], 'ingress source');
  const regionNames = namesOf(spec, spec.regions, 'regions');
  const egressNames = namesOf(spec, spec.network?.egress, 'network.egress');
  const ingressNames = namesOf(spec, spec.network?.ingress, 'network.ingress');
  const usedEgress = new Set<string>();
  const usedIngress = new Set<string>();

  (spec.regions ?? []).forEach((r, i) => {
    const at = `regions.${i}`;
    if (r.kubernetes && !r.kubernetes.context && !r.kubernetes.host && spec.parsed(`${at}.kubernetes.context`) && spec.parsed(`${at}.kubernetes.host`)) {
      problems.error(['regions', i, 'kubernetes'], 'needs a context or a host', 'name the kubeconfig context (context: …) or the API server URL (host: https://…)');
    }
    // An edition written wrong is undefined here (a missing one defaults to community).
    if (r.vault?.namespace && r.vault.edition !== undefined && r.vault.edition !== 'enterprise') {
      problems.error(['regions', i, 'vault', 'namespace'], 'Vault namespaces need Vault Enterprise', 'set vault.edition: enterprise, or remove the namespace');
    }
  });

  (spec.tenants ?? []).forEach((t, ti) => {
    const at = `tenants.${ti}`;
    checkUnique(problems, t.keys, ['tenants', ti, 'keys'], 'key');
    checkUnique(
      problems,
      t.workloads?.map((w) => ({ name: w.serviceAccount })),
      ['tenants', ti, 'workloads'],
      'service account',
      'serviceAccount',
    );
    const keyNames = namesOf(spec, t.keys, `${at}.keys`);
    t.workloads?.forEach((w, wi) => {
      w.keys?.forEach((k, ki) => {
        if (!keyNames) return;
        // A tenant without keys gets the default key `data`, which workloads may name.
        const available = keyNames.length > 0 ? keyNames : ['data'];
        if (!available.includes(k)) {
          const near = closest(k, available);
          problems.error(['tenants', ti, 'workloads', wi, 'keys', ki], `"${k}" is not a key of tenant ${t.name ?? `#${ti}`}`, near ? `did you mean "${near}"?` : `keys: ${available.join(', ')}`);
        }
      });
      // A Vault role that grants nothing cannot be written (KeyManagement refuses it).
      if (w.keys?.length === 0 && w.kv === false) {
        problems.error(['tenants', ti, 'workloads', wi], `service account ${w.serviceAccount ?? `#${wi}`} is given no key and no KV access: its Vault role would grant nothing`, 'list the keys it needs (keys: [...]) or set kv: true, or remove the workload');
      }
    });
    if (regionNames) {
      t.regions?.forEach((r, ri) => {
        if (!regionNames.includes(r)) {
          const near = closest(r, regionNames);
          problems.error(['tenants', ti, 'regions', ri], `"${r}" is not a region of this landing zone`, near ? `did you mean "${near}"?` : `regions: ${regionNames.join(', ')}`);
        }
      });
    }
    t.egress?.forEach((e, ei) => {
      usedEgress.add(e);
      if (egressNames && !egressNames.includes(e)) {
        const near = closest(e, egressNames);
        problems.error(['tenants', ti, 'egress', ei], `"${e}" is not a declared egress destination`, near ? `did you mean "${near}"?` : 'declare it under network.egress first');
      }
    });
    t.ingress?.forEach((e, ei) => {
      usedIngress.add(e);
      if (ingressNames && !ingressNames.includes(e)) {
        const near = closest(e, ingressNames);
        problems.error(['tenants', ti, 'ingress', ei], `"${e}" is not a declared ingress source`, near ? `did you mean "${near}"?` : 'declare it under network.ingress first');
      }
    });
  });
  // Unused only when every tenant's lists are known.
  const tenantLists = (list: 'egress' | 'ingress') => spec.tenants !== undefined && Array.from(spec.tenants, (t, ti) => t !== undefined && spec.parsed(`tenants.${ti}.${list}`)).every(Boolean);
  if (tenantLists('egress')) {
    spec.network?.egress?.forEach((e, i) => {
      if (e.name !== undefined && !usedEgress.has(e.name)) problems.warn(['network', 'egress', i], `egress destination "${e.name}" is declared but no tenant opens it`, 'add it to a tenant\'s egress list, or remove it');
    });
  }
  if (tenantLists('ingress')) {
    spec.network?.ingress?.forEach((e, i) => {
      if (e.name !== undefined && !usedIngress.has(e.name)) problems.warn(['network', 'ingress', i], `ingress source "${e.name}" is declared but no tenant opens it`, 'add it to a tenant\'s ingress list, or remove it');
    });
  }
  if (spec.logging?.forwarderImage && /^[^/]*[.:][^/]*\//.test(spec.logging.forwarderImage)) {
    problems.error('logging.forwarderImage', 'names a registry host', 'give the repository path and tag only (e.g. fluent/fluent-bit:3.2): each region pulls it from its own kubernetes.imageRegistry');
  }
}

interface NetworkCidrs {
  readonly inCountry: Cidr[];
  readonly admin: Cidr[];
}

/** The defined values of a (possibly sparse) list, with their indices. */
function entries<T>(list: readonly (T | undefined)[] | undefined): { value: T; i: number }[] {
  return (list ?? []).flatMap((value, i) => (value === undefined ? [] : [{ value, i }]));
}

function checkNetwork(spec: Spec, problems: ProblemList): NetworkCidrs {
  const net = spec.network;
  const inCountryList = entries(net?.inCountryCidrs).map(({ value, i }) => ({ c: cidrOf(value), i }));
  const inCountry = inCountryList.map((x) => x.c);
  inCountryList.forEach((a, k) =>
    inCountryList.slice(k + 1).forEach((b) => {
      if (cidrsOverlap(a.c, b.c)) problems.warn(['network', 'inCountryCidrs', b.i], `${b.c.text} overlaps ${a.c.text}`, 'remove the redundant entry');
    }),
  );
  const checkDisjoint = (rules: readonly ({ name?: string; cidr?: string } | undefined)[] | undefined, path: PathSegment[], what: string) => {
    const parsed = entries(rules).flatMap(({ value, i }) => (value.cidr === undefined ? [] : [{ c: cidrOf(value.cidr), name: value.name ?? `#${i}`, i }]));
    parsed.forEach((a, k) =>
      parsed.slice(k + 1).forEach((b) => {
        if (cidrsOverlap(a.c, b.c)) {
          problems.error([...path, b.i, 'cidr'], `${what} "${b.name}" (${b.c.text}) overlaps "${a.name}" (${a.c.text}): which rule opens what becomes ambiguous`, 'make the CIDRs disjoint or merge the two entries');
        }
      }),
    );
  };
  checkDisjoint(net?.egress, ['network', 'egress'], 'egress destination');
  checkDisjoint(net?.ingress, ['network', 'ingress'], 'ingress source');
  // Unknown when the list, or the whole network section, did not parse: checks against it would mislead.
  const inCountryKnown = spec.parsed('network.inCountryCidrs');
  const insideInCountry = (text: string | undefined, path: PathSegment[], what: string, why: string) => {
    if (!text || !inCountryKnown) return;
    const c = cidrOf(text);
    if (!inCountry.some((ic) => cidrContains(ic, c))) {
      problems.error(path, `${what} ${text} is not inside network.inCountryCidrs`, inCountry.length === 0 ? 'declare the in-country networks under network.inCountryCidrs first' : why);
    }
  };
  net?.egress?.forEach((e, i) => {
    insideInCountry(e.cidr, ['network', 'egress', i, 'cidr'], 'egress destination', `tenants may only be opened to in-country networks (${inCountry.map((x) => x.text).join(', ')})`);
  });
  insideInCountry(spec.logging?.sink?.cidr, ['logging', 'sink', 'cidr'], 'the sink network', 'the log forwarder may only reach in-country networks');
  (spec.regions ?? []).forEach((r, i) => {
    insideInCountry(r.kubernetes?.apiServerCidr, ['regions', i, 'kubernetes', 'apiServerCidr'], 'the API server network', 'the log forwarder may only reach in-country networks');
    insideInCountry(r.vault?.cidr, ['regions', i, 'vault', 'cidr'], "Vault's network", 'tenant workloads may only be opened to in-country networks');
  });
  checkReachability(spec, problems);
  const admin = (net?.adminCidrs !== undefined || !spec.parsed('network.adminCidrs') ? entries(net?.adminCidrs) : entries(net?.inCountryCidrs)).map(({ value }) => cidrOf(value));
  return { inCountry, admin };
}

/**
 * Whether a tenant runs in a region: undefined when its region list did not parse. A tenant
 * without a list runs everywhere.
 */
function runsIn(spec: Spec, t: Salvaged<Tenant>, ti: number, region: string): boolean | undefined {
  if (!spec.parsed(`tenants.${ti}.regions`)) return undefined;
  return !t.regions || t.regions.includes(region);
}

/**
 * What the default-deny namespaces need to work at runtime: the log forwarder reaches the sink
 * and the API server, and tenant workloads reach their Vault. A NetworkPolicy matches addresses,
 * so each of those networks must be declared; without them the stacks would deny the traffic the
 * tenancy relies on (or leave a namespace without a policy).
 */
function checkReachability(spec: Spec, problems: ProblemList): void {
  spec.network?.egress?.forEach((e, i) => {
    if (e.name === 'vault') problems.error(['network', 'egress', i, 'name'], '"vault" is reserved: slz opens the egress to each region\'s Vault itself', 'declare Vault\'s network as regions[].vault.cidr and rename this destination');
  });
  if (spec.logging?.sink && !spec.logging.sink.cidr && spec.parsed('logging.sink.cidr')) {
    problems.error(['logging', 'sink', 'cidr'], 'is required: the log forwarder runs in a default-deny namespace and may reach only the sink and the API server', 'give the network of the sink\'s addresses, e.g. 10.10.20.0/24');
  }
  const tenants = Array.from(spec.tenants ?? []);
  // Which tenants run where is known when every tenant parsed far enough to say.
  const placementKnown = spec.tenants !== undefined && tenants.every((t, ti) => t !== undefined && spec.parsed(`tenants.${ti}.regions`));
  (spec.regions ?? []).forEach((r, i) => {
    const at = `regions.${i}`;
    if (r.name !== undefined && placementKnown && !tenants.some((t, ti) => runsIn(spec, t!, ti, r.name!))) {
      problems.error(['regions', i], `no tenant runs in region ${r.name}: its log forwarder would have no namespace to ship logs from`, `add ${r.name} to a tenant's regions (or leave a tenant's regions out: it then runs everywhere), or remove the region`);
    }
    if (r.kubernetes && !r.kubernetes.apiServerCidr && spec.parsed(`${at}.kubernetes.apiServerCidr`)) {
      problems.error(['regions', i, 'kubernetes', 'apiServerCidr'], "is required: the log forwarder reads pod metadata from the API server through its namespace's NetworkPolicy", 'give the network of the API server endpoints as pods see them, e.g. 10.10.0.0/28');
    }
    const workloads = r.name !== undefined && tenants.some((t, ti) => t !== undefined && runsIn(spec, t, ti, r.name!) === true && (t.workloads?.length ?? 0) > 0);
    const vault = r.vault;
    if (!vault) return;
    const placementParsed = spec.parsed(`${at}.vault.cidr`) && spec.parsed(`${at}.vault.inCluster`);
    if (vault.cidr && vault.inCluster) {
      problems.error(['regions', i, 'vault', 'cidr'], 'and vault.inCluster exclude each other', 'inCluster: Vault runs in this cluster (reached by selector); cidr: Vault runs outside it');
    } else if (workloads && !vault.cidr && !vault.inCluster && placementParsed) {
      problems.error(['regions', i, 'vault'], 'tenants with workloads must reach Vault, but its network is not declared: their default-deny egress would block every login, encrypt and secret read', 'add cidr (Vault outside the cluster) or inCluster: { namespace: … } (Vault in this cluster)');
    }
    if (workloads && !vault.inCluster && spec.parsed(`${at}.vault.inCluster`) && r.kubernetes && !r.kubernetes.host && spec.parsed(`${at}.kubernetes.host`)) {
      problems.error(['regions', i, 'kubernetes', 'host'], 'is required when Vault runs outside the cluster: Vault reviews workload tokens at this address', 'e.g. https://k8s.cyberjaya.agency.example.gov.my:6443');
    }
  });
}

/** How to mend each field of an exemption that compliance would refuse (SB-SUP1). */
const EXEMPTION_HINTS: Record<string, string> = {
  rule: 'name one rule id as RULES.md lists it (the engine\'s own SB-SUP rules cannot be exempted)',
  resource: 'e.g. <landing zone>-tenant-<tenant>-* (a stack) or <landing zone>-platform-*/log-forwarder (a construct in it)',
  reason: 'say why the risk is accepted, in at least 10 characters',
  owner: 'name who accepted the risk',
  expires: 'renew it with a new review and a new date, or remove it',
};

/**
 * Exemptions are judged by the same function compliance applies to them (SB-SUP1): one that
 * compliance would refuse — expired, a glob matching every construct, an engine rule — is
 * refused here, so a valid file stays compliant. Fields that did not parse were reported already.
 */
function checkExemptions(spec: Spec, problems: ProblemList, today: string, extraStacks: readonly string[]): void {
  const stacks = fileStacks(spec);
  (spec.exemptions ?? []).forEach((e, i) => {
    // Construct paths start with the stack name: a first segment that names no stack of this file
    // matches nothing, and compliance would report the exemption itself (SB-SUP2) after synthesis.
    const first = e.resource?.split('/')[0];
    if (stacks && e.resource !== undefined && globProblem(e.resource) === undefined && first !== undefined && first !== '**') {
      const glob = compileGlob(first);
      if (![...stacks, ...extraStacks].some((s) => glob.matches(s))) {
        const listed = stacks.slice(0, 4).join(', ') + (stacks.length > 4 ? `, … (${stacks.length} in all)` : '');
        problems.error(['exemptions', i, 'resource'], `"${first}" names no stack of this landing zone, so the exemption would cover nothing`, `a construct path starts with its stack: ${listed}; e.g. ${stacks[0]}/…`);
      }
    }
    const suppression = { rule: e.rule ?? '', resource: e.resource ?? '', reason: e.reason ?? '', owner: e.owner ?? '', expires: e.expires ?? '' };
    for (const p of suppressionProblems(suppression, today)) {
      const attribute = p.attribute as keyof typeof suppression;
      if (e[attribute] === undefined) continue;
      const message = attribute === 'expires' ? `expired on ${e.expires}: the risk it accepted is no longer accepted, and compliance checks report it as an error` : p.message.replace(new RegExp(`^${attribute} `), '');
      problems.error(['exemptions', i, attribute], message, EXEMPTION_HINTS[attribute]);
    }
  });
}

/** The file's stacks by name, or undefined where the names, regions or tenants did not all parse. */
function fileStacks(spec: Spec): string[] | undefined {
  const lz = spec.metadata?.name;
  const regions = (spec.regions ?? []).map((r) => r?.name);
  const tenants = spec.tenants ?? [];
  if (typeof lz !== 'string' || regions.length === 0 || regions.some((r) => typeof r !== 'string')) return undefined;
  if (!spec.parsed('regions') || !spec.parsed('tenants') || tenants.some((t) => typeof t?.name !== 'string')) return undefined;
  return stackNamesOf(lz, regions as string[], tenants as { name: string; regions?: string[] }[]);
}

/** Lifetimes the PKI construct needs in order: a leaf cannot outlive the intermediate that signs it. */
function checkPkiLifetimes(spec: Spec, problems: ProblemList): void {
  const leaf = spec.pki?.leafMaxTtlHours;
  const intermediate = spec.pki?.intermediateTtlDays;
  if (leaf === undefined || intermediate === undefined) return;
  if (leaf >= intermediate * 24) {
    problems.error('pki.leafMaxTtlHours', `${leaf} hours is not shorter than the intermediate lifetime (${intermediate} days = ${intermediate * 24} hours)`, 'a leaf certificate cannot outlive the intermediate that signs it: shorten leafMaxTtlHours or lengthen intermediateTtlDays');
  }
}

function checkSites(spec: Spec, j: Jurisdiction, ordinal: Ordinal, problems: ProblemList): ResolvedSite[] {
  const residency = residencyRulesAt(j, ordinal);
  const foreignLaw = foreignLawRulesAt(j, ordinal);
  const contracting = contractingRulesAt(j, ordinal);
  const resolved: ResolvedSite[] = [];
  (spec.regions ?? []).forEach((r, i) => {
    const path: PathSegment[] = ['regions', i, 'site'];
    const at = `regions.${i}.site`;
    const site = r.site;
    // Without provider and id the site cannot be looked up: the shape problem says so already.
    if (site?.provider === undefined || site.id === undefined) return;
    const cat = findRegion(site.provider, site.id);
    // A field written wrong is unknown, not absent: no "must declare" for it.
    const known = (field: string) => spec.parsed(`${at}.${field}`);
    let country: string | undefined;
    let operator: string | undefined;
    let deployment: Deployment | undefined;
    if (cat) {
      country = cat.country;
      if (site.country && site.country !== cat.country) {
        problems.error([...path, 'country'], `the catalogue places ${site.provider}/${site.id} in ${cat.country}, not ${site.country}`, 'remove country for a catalogued site, or declare your own site id');
      }
      const op = siteOperator(cat);
      // A recorded partner operator replaces the provider's seat only when stated: an inferred one
      // would let a foreign platform pass as locally run on a guess.
      operator = site.operatorJurisdiction ?? (op && (op.from === 'provider' || op.confidence === 'stated') ? op.legalSeat : undefined);
      if (!operator && foreignLaw.length > 0 && known('operatorJurisdiction')) {
        const knownOp = op?.legalSeat ? `${op.legalEntity}, under ${op.legalSeat} law, ${op.confidence}` : 'unknown';
        problems.error([...path, 'operatorJurisdiction'], `is required for ${cat.provider}/${cat.id} at ${spec.classification} (level ${ordinal}): the catalogue does not know for certain who operates it (${knownOp})`, 'declare the country whose law governs the operator you contract, with evidence (slz jurisdictions ' + j.countryCode + ')');
      }
      deployment = DEPLOYMENT_OF_KIND[cat.kind];
      if (cat.status !== 'ga') problems.warn(path, `${cat.provider}/${cat.id} is ${cat.status} in the catalogue, not generally available`);
      if (cat.parentRegion) {
        const parent = findRegion(cat.provider, cat.parentRegion);
        if (parent && residency.some((rule) => !rule.dataMustResideIn.includes(parent.country))) {
          problems.error(path, `${cat.provider}/${cat.id} is a local zone whose control plane is in ${cat.parentRegion} (${parent.country})`, `at ${COMMON_LEVELS[ordinal]} the control plane must also be in ${residency[0]!.dataMustResideIn.join('/')}`);
        }
      }
    } else {
      const sameId = sitesWithId(site.id);
      const missingFields = [!site.country && known('country') && 'country', !site.operatorJurisdiction && known('operatorJurisdiction') && 'operatorJurisdiction'].filter(Boolean);
      if (missingFields.length > 0) {
        problems.error(
          path,
          `${site.provider}/${site.id} is not in the catalogue, so the site must declare ${missingFields.join(' and ')}`,
          sameId.length > 0
            ? `the catalogue has ${sameId.map((x) => `${x.provider}/${x.id} (${x.country})`).join(', ')}; ids are only unique per provider`
            : 'declare the country it is in and the country whose law governs its operator',
        );
      }
      country = site.country;
      operator = site.operatorJurisdiction;
      deployment = site.deployment;
      if (!deployment && known('deployment') && residency.some((rule) => rule.allowedDeployment.length > 0)) {
        problems.error([...path, 'deployment'], `is required for a declared site at ${spec.classification} (level ${ordinal}), where only some deployment models are allowed`, `declare one of ${residency[0]!.allowedDeployment.join(', ')} if that is what the site is`);
      }
    }
    if (cat && site.deployment && site.deployment !== DEPLOYMENT_OF_KIND[cat.kind]) {
      problems.error([...path, 'deployment'], `the catalogue records ${site.provider}/${site.id} as a ${DEPLOYMENT_OF_KIND[cat.kind]} deployment`, 'remove deployment for a catalogued site, or declare a site of your own');
    }
    for (const rule of residency) {
      if (country && !rule.dataMustResideIn.includes(country)) {
        problems.error(path, `at ${spec.classification} (level ${ordinal}) data must reside in ${rule.dataMustResideIn.join('/')}, but ${site.provider}/${site.id} is in ${country}`, `choose a site in ${rule.dataMustResideIn.join('/')} (slz jurisdictions ${j.countryCode}); basis: ${rule.legalBasis[0]} (${rule.confidence})`);
      }
      if (deployment && !rule.allowedDeployment.includes(deployment)) {
        problems.error(path, `at ${spec.classification} (level ${ordinal}) only ${rule.allowedDeployment.join('/')} deployments are allowed, but ${site.provider}/${site.id} is a ${deployment} deployment`, `use a ${rule.allowedDeployment.join(' or ')} site; basis: ${rule.legalBasis[0]} (${rule.confidence})`);
      }
    }
    for (const rule of foreignLaw) {
      if (operator && !rule.allowedOperatorJurisdictions!.includes(operator)) {
        const provider = getProvider(site.provider);
        const laws = provider && provider.legalSeat === operator && provider.extraterritorialLaws.length > 0 ? ` (${provider.extraterritorialLaws.join('; ')})` : '';
        problems.error(path, `at ${spec.classification} (level ${ordinal}) every site's operator must be under the law of ${rule.allowedOperatorJurisdictions!.join('/')}, but ${site.provider}/${site.id} is operated under ${operator} law${laws}`, `use a site operated under ${rule.allowedOperatorJurisdictions!.join('/')} law; if a local company operates it, declare site.operatorJurisdiction with evidence`);
      }
    }
    if (known('contractingEntity')) checkContracting(spec, ordinal, contracting, path, { provider: site.provider, id: site.id, contractingEntity: site.contractingEntity }, operator, problems);
    resolved[i] = { catalogued: cat, country, operatorJurisdiction: operator, deployment, declared: !cat };
  });
  return resolved;
}

/**
 * Who the agency contracts with, where a rule restricts it. Undeclared, the contracting entity is
 * taken to be the operator. A draft rule warns; only an in-force rule refuses.
 */
function checkContracting(
  spec: Spec,
  ordinal: Ordinal,
  rules: readonly ContractingEntityRule[],
  path: PathSegment[],
  site: { provider: string; id: string; contractingEntity?: Salvaged<NonNullable<Region['site']['contractingEntity']>> | undefined },
  operator: string | undefined,
  problems: ProblemList,
): void {
  for (const rule of rules) {
    const declared = site.contractingEntity;
    const country = declared?.incorporatedIn ?? operator;
    if (country && rule.incorporatedIn.includes(country)) continue;
    const where = rule.incorporatedIn.join('/');
    const draft = rule.status === 'draft';
    const who = declared ? `${declared.name ?? 'the declared entity'} is incorporated in ${declared.incorporatedIn}` : `no contracting entity is declared and the operator is ${operator ? `under ${operator} law` : 'unknown'}`;
    const message = `${draft ? 'a draft rule (not in force) ' : ''}requires the entity contracted for ${site.provider}/${site.id} at ${spec.classification} (level ${ordinal}) to be incorporated in ${where}, but ${who}`;
    const hint = `declare site.contractingEntity { name, incorporatedIn: ${rule.incorporatedIn[0]} } for the ${where}-incorporated ${rule.distributorsAllowed ? 'provider company or authorised distributor' : 'provider company'} you contract with; basis: ${rule.legalBasis[0]} (${rule.confidence})`;
    const at: PathSegment[] = declared ? [...path, 'contractingEntity', 'incorporatedIn'] : path;
    if (draft) problems.warn(at, message, hint);
    else problems.error(at, message, hint);
  }
}

interface Endpoint {
  readonly path: PathSegment[];
  readonly what: string;
  readonly value: string | undefined;
}

function endpointsOf(spec: Spec): Endpoint[] {
  const out: Endpoint[] = [];
  (spec.regions ?? []).forEach((r, i) => {
    out.push({ path: ['regions', i, 'vault', 'address'], what: 'Vault address', value: r.vault?.address });
    out.push({ path: ['regions', i, 'kubernetes', 'host'], what: 'Kubernetes API host', value: r.kubernetes?.host });
    out.push({ path: ['regions', i, 'kubernetes', 'imageRegistry'], what: 'image registry', value: r.kubernetes?.imageRegistry });
  });
  out.push({ path: ['logging', 'sink', 'address'], what: 'log sink', value: spec.logging?.sink?.address });
  out.push({ path: ['logging', 'auditRelay'], what: 'audit relay', value: spec.logging?.auditRelay });
  out.push({ path: ['identity', 'oidc', 'issuer'], what: 'identity provider', value: spec.identity?.oidc?.issuer });
  const st = spec.state;
  if (st?.backend === 'pg') out.push({ path: ['state', 'host'], what: 'state backend', value: st.host });
  if (st?.backend === 's3') out.push({ path: ['state', 'endpoint'], what: 'state backend', value: st.endpoint });
  if (st?.backend === 'kubernetes') out.push({ path: ['state', 'host'], what: 'state backend', value: st.host });
  return out;
}

function checkEndpoints(spec: Spec, j: Jurisdiction, ordinal: Ordinal, cidrs: NetworkCidrs, problems: ProblemList): void {
  const rules = residencyRulesAt(j, ordinal).filter((r) => r.includesTechnicalData);
  if (rules.length === 0) return;
  const networkUnknown = !spec.parsed('network.endpointDomains') || !spec.parsed('network.inCountryCidrs');
  const domains = entries(spec.network?.endpointDomains).map(({ value }) => value);
  const where = rules[0]!.dataMustResideIn.join('/');
  (spec.regions ?? []).forEach((r, i) => {
    if (r.kubernetes && !r.kubernetes.host && spec.parsed(`regions.${i}.kubernetes.host`)) {
      problems.error(['regions', i, 'kubernetes', 'host'], `is required at ${spec.classification} (level ${ordinal}) so the API endpoint can be checked for residency`, 'add host: https://<api-server> (the kubeconfig context is still used for credentials)');
    }
  });
  if (networkUnknown) return;
  for (const ep of endpointsOf(spec)) {
    if (ep.value === undefined) continue;
    const host = hostOf(ep.value);
    if (!host) continue;
    const ok = isLoopback(host) || (isIpLiteral(host) ? cidrs.inCountry.some((c) => ipInCidr(host, c)) : domains.some((d) => hostUnderDomain(host, d)));
    if (!ok) {
      const hint = isIpLiteral(host)
        ? `the address must be inside network.inCountryCidrs (${cidrs.inCountry.map((c) => c.text).join(', ') || 'none declared'})`
        : domains.length === 0
          ? 'declare the in-country DNS domains under network.endpointDomains'
          : `use a host under ${domains.join(', ')}, or add its in-country domain to network.endpointDomains`;
      problems.error(ep.path, `${ep.what} ${host} is not a declared in-country endpoint: at ${spec.classification} (level ${ordinal}) technical data must stay in ${where}`, hint);
    }
  }
}

function checkAdminAccess(spec: Spec, j: Jurisdiction, ordinal: Ordinal, cidrs: NetworkCidrs, problems: ProblemList): void {
  const oidc = spec.identity?.oidc;
  const inCountryFrom = j.adminAccess.inCountryOnlyFromOrdinal;
  if (inCountryFrom !== null && ordinal >= inCountryFrom && spec.parsed('network.inCountryCidrs') && spec.parsed('network.adminCidrs')) {
    spec.network?.adminCidrs?.forEach((a, i) => {
      const c = cidrOf(a);
      if (!cidrs.inCountry.some((ic) => cidrContains(ic, c))) {
        problems.error(['network', 'adminCidrs', i], `${a} is not inside network.inCountryCidrs: at ${spec.classification} administration must come from in-country networks`, 'use in-country administration networks only');
      }
    });
    if (oidc && cidrs.admin.length === 0) {
      problems.error('network.adminCidrs', `human access through OIDC at ${spec.classification} must be bound to in-country administration networks, and none are declared`, 'declare network.adminCidrs (or network.inCountryCidrs)');
    }
  }
  const mfaFrom = j.adminAccess.mfaRequiredFromOrdinal;
  if (oidc && mfaFrom !== null && ordinal >= mfaFrom && oidc.mfa?.values?.length === 0) {
    problems.error('identity.oidc.mfa.values', `${j.name} requires MFA for administrators`, 'list the claim values that prove MFA, e.g. [mfa]');
  }
}

function checkCrypto(spec: Partial, j: Jurisdiction, today: string, problems: ProblemList): void {
  const policy = j.crypto;
  const servers = checkServers(spec, problems);
  const alternatives = alternativesUnder(policy, today);
  const relying = new Map<RegionServer, Set<string>>();
  (spec.tenants ?? []).forEach((t, ti) => {
    t.keys.forEach((k, ki) => {
      const path: PathSegment[] = ['tenants', ti, 'keys', ki];
      const algos = keyAlgorithms(k, path, problems);
      if (!algos) return;
      for (const s of checkKeyOnServers(k, [...path, 'algorithm'], tenantServers(t, servers), alternatives, problems)) {
        relying.set(s, (relying.get(s) ?? new Set()).add(k.algorithm));
      }
      for (const algo of algos) {
        const verdict = evaluateAlgorithm(policy, algo, today);
        if (verdict.status === 'not-allowed' || verdict.status === 'disallowed') problems.error([...path, 'algorithm'], `${k.algorithm} is not allowed by ${j.name}'s crypto policy for ${k.purpose}: ${verdict.reason}`, 'choose an allowed algorithm (slz jurisdictions ' + j.countryCode + ')');
        else if (verdict.status === 'deprecated') problems.warn([...path, 'algorithm'], verdict.reason, 'plan the migration now');
      }
      const max = policy.maxCryptoperiodDays[KEY_CATEGORY_OF_PURPOSE[k.purpose]];
      if (k.rotateDays > max) {
        problems.error([...path, 'rotateDays'], `${k.rotateDays} days exceeds the maximum cryptoperiod for ${k.purpose} keys (${max} days)`, `rotate at most every ${max} days (NIST SP 800-57 Pt 1 Table 1, as adopted by the catalogue)`);
      }
    });
  });
  warnAssumedVersions(relying, problems);
  if (spec.pki) {
    const { keyType, keyBits } = spec.pki;
    // The agency PKI has a root in every region: each region's server must offer the CA key type.
    reportRefusals([...servers.values()], (s) => pkiKeySupport(s.server, keyType), 'pki.keyType', problems, 'the CA key');
    if (!PKI_KEY_BITS[keyType].includes(keyBits)) {
      problems.error('pki.keyBits', `${keyBits} is not a valid size for ${keyType} keys`, `use one of ${PKI_KEY_BITS[keyType].join(', ')}`);
    } else {
      const verdict = evaluateAlgorithm(policy, describePkiKey(keyType, keyBits), today);
      if (verdict.status === 'not-allowed' || verdict.status === 'disallowed') problems.error('pki.keyType', `${keyType} ${keyBits} is not allowed by ${j.name}'s crypto policy for CA keys: ${verdict.reason}`, 'e.g. keyType: ec, keyBits: 384');
      else if (verdict.status === 'deprecated') problems.warn('pki.keyType', verdict.reason, 'plan the migration now');
    }
    if (spec.pki.intermediateTtlDays >= spec.pki.rootTtlDays) {
      problems.error('pki.intermediateTtlDays', `must be shorter than the root lifetime (${spec.pki.rootTtlDays} days)`, 'an intermediate cannot outlive the root that signs it');
    }
    spec.pki.domains.forEach((d, i) => {
      if (d.includes('*')) problems.error(['pki', 'domains', i], 'must not contain a wildcard', 'list the domain; subdomains are allowed by the role');
    });
    const domains = spec.network?.endpointDomains ?? [];
    spec.pki.domains.forEach((d, i) => {
      if (domains.length > 0 && !domains.some((ed) => hostUnderDomain(d, ed))) problems.warn(['pki', 'domains', i], `${d} is not under network.endpointDomains`, 'certificates are usually issued for in-country domains');
    });
  }
}


/** A region's server as the key-type gates judge it (defaults filled: Community, the assumed version). */
interface RegionServer {
  readonly index: number;
  readonly name: string;
  readonly server: VaultServer;
}

/**
 * Every region's server, after checking that a declared version belongs to the dialect (Vault
 * is 1.x, OpenBao 2.x): a Vault version under `dialect: openbao` would silently unlock or lock
 * the wrong key types.
 */
function checkServers(spec: Partial, problems: ProblemList): Map<string, RegionServer> {
  const out = new Map<string, RegionServer>();
  (spec.regions ?? []).forEach((r, i) => {
    const version = r.vault.version;
    const parsed = version === undefined ? undefined : parseVersion(version);
    if (parsed && parsed[0] !== MAJOR_VERSION[r.vault.dialect]) {
      const other = r.vault.dialect === 'vault' ? 'openbao' : 'vault';
      problems.error(
        ['regions', i, 'vault', 'version'],
        `${version} is not ${r.vault.dialect === 'openbao' ? 'an OpenBao release: OpenBao versions are 2.x' : 'a Vault release: Vault versions are 1.x'}`,
        parsed[0] === MAJOR_VERSION[other] ? `if the server is ${other === 'openbao' ? 'OpenBao' : 'Vault'}, set vault.dialect: ${other}` : 'write the version the server reports (vault status or bao status)',
      );
      return;
    }
    out.set(r.name, { index: i, name: r.name, server: vaultServer(r.vault) });
  });
  return out;
}

/** The servers of the regions a tenant runs in (every region unless it names some). */
function tenantServers(t: LandingZone['tenants'][number], servers: ReadonlyMap<string, RegionServer>): RegionServer[] {
  const names = t.regions ?? [...servers.keys()];
  return names.flatMap((n) => {
    const s = servers.get(n);
    return s ? [s] : [];
  });
}

/**
 * A transit key must be of a type every server of the tenant's regions accepts; experimental
 * types warn. Returns the regions that accept the type only because of the assumed version, so
 * the caller can ask once per region for the version to be declared.
 */
function checkKeyOnServers(k: TransitKey, at: PathSegment[], servers: readonly RegionServer[], alternatives: Alternatives, problems: ProblemList): RegionServer[] {
  reportRefusals(servers, (s) => transitKeySupport(s.server, k.algorithm), at, problems, 'this key', (server) => alternatives(k.purpose, server));
  const accepted = servers.flatMap((s) => {
    const v = transitKeySupport(s.server, k.algorithm);
    return v.ok ? [{ s, v }] : [];
  });
  const experimental = [...new Set(accepted.filter(({ v }) => v.ok && v.experimental).map(({ s }) => serverLabel(s.server, { assumption: false })))];
  if (experimental.length > 0) {
    problems.warn(at, `${k.algorithm} keys are experimental on ${experimental.join(', ')} ("should not be used in production")`, 'keep them for pilots and record the accepted risk');
  }
  // A restricted type (one the capability table lists) accepted on an undeclared version rests on the assumption.
  return accepted.filter(({ s, v }) => v.ok && v.fact !== undefined && !s.server.versionDeclared).map(({ s }) => s);
}

/** Asks once per region to declare the version that key types rely on. */
function warnAssumedVersions(relying: ReadonlyMap<RegionServer, Set<string>>, problems: ProblemList): void {
  for (const [s, types] of relying) {
    const list = [...types].join(', ');
    problems.warn(
      ['regions', s.index, 'vault', 'version'],
      `is not declared, so slz assumes ${serverLabel(s.server, { assumption: false })}, nothing newer, and accepts ${list} keys on it`,
      `declare the version the server runs (\`vault status\` shows it): a release older than ${s.server.version} refuses ${list}`,
    );
  }
}

/** The transit types this server accepts for a purpose and the crypto policy allows today, for a hint. */
type Alternatives = (purpose: TransitKey['purpose'], server: VaultServer) => string;

function alternativesUnder(policy: Jurisdiction['crypto'], today: string): Alternatives {
  return (purpose, server) => {
    const wanted = PRIMITIVES_FOR_PURPOSE[purpose];
    const ok = transitTypesFor(purpose).filter((t) => {
      if (!transitKeySupport(server, t).ok) return false;
      // The strongest parameter set stands for the type: a hint names types, not sets.
      const algos = describeTransitKey({ type: t, parameterSet: t === 'slh-dsa' ? 'slh-dsa-sha2-256s' : '87', hybridKeyTypeEc: 'ecdsa-p384' }).filter((a) => wanted.includes(a.primitive));
      return algos.slice(0, t === 'hybrid' ? 1 : algos.length).every((a) => {
        const v = evaluateAlgorithm(policy, a, today).status;
        return v !== 'not-allowed' && v !== 'disallowed';
      });
    });
    return ok.length > 0 ? `${serverLabel(server, { assumption: false })} accepts ${ok.join(', ')} for ${purpose}` : '';
  };
}

/** One error per distinct refusal, naming the regions whose server refuses and what would accept it. */
function reportRefusals(
  servers: readonly RegionServer[],
  judge: (s: RegionServer) => SupportVerdict,
  at: PathSegment[] | string,
  problems: ProblemList,
  what: string,
  instead?: (server: VaultServer) => string,
): void {
  const byReason = new Map<string, { verdict: Extract<SupportVerdict, { ok: false }>; regions: RegionServer[] }>();
  for (const s of servers) {
    const v = judge(s);
    if (v.ok) continue;
    const group = byReason.get(v.reason);
    if (group) group.regions.push(s);
    else byReason.set(v.reason, { verdict: v, regions: [s] });
  }
  for (const { verdict, regions } of byReason.values()) {
    const where = `region${regions.length > 1 ? 's' : ''} ${regions.map((r) => r.name).join(', ')}`;
    const first = regions[0]!;
    const lift = verdict.versionBound
      ? `if the server runs a newer release, declare it in regions[${first.index}].vault.version`
      : first.server.dialect === 'vault' && first.server.edition !== 'enterprise' && verdict.fact.vault.editions.includes('enterprise')
        ? `if the server is Vault Enterprise, set regions[${first.index}].vault.edition: enterprise`
        : '';
    const hint = [lift, verdict.acceptedBy ? `accepted by ${verdict.acceptedBy}` : '', instead ? instead(first.server) : ''].filter(Boolean).join('; ');
    problems.error(at, `${what} cannot be created in ${where}: ${verdict.reason}`, hint);
  }
}

/** The algorithms a declared key uses for its purpose, or undefined (with problems) when the declaration is inconsistent. */
function keyAlgorithms(k: TransitKey, path: PathSegment[], problems: ProblemList): AlgorithmInfo[] | undefined {
  const needsParam = k.algorithm === 'ml-dsa' || k.algorithm === 'slh-dsa' || k.algorithm === 'hybrid';
  let ok = true;
  if (needsParam && !k.parameterSet) {
    problems.error([...path, 'parameterSet'], `is required for ${k.algorithm} keys`, k.algorithm === 'slh-dsa' ? 'e.g. slh-dsa-sha2-192s' : 'one of 44, 65, 87');
    ok = false;
  }
  if (k.parameterSet) {
    const isSlh = k.parameterSet.startsWith('slh-dsa-');
    if (!needsParam) {
      problems.error([...path, 'parameterSet'], `applies only to ml-dsa, slh-dsa and hybrid keys, not ${k.algorithm}`, 'remove it');
      ok = false;
    } else if ((k.algorithm === 'slh-dsa') !== isSlh) {
      problems.error([...path, 'parameterSet'], `${k.parameterSet} is not a parameter set for ${k.algorithm}`, k.algorithm === 'slh-dsa' ? 'use an slh-dsa-* set' : 'use 44, 65 or 87');
      ok = false;
    }
  }
  if (k.algorithm === 'hybrid' && !k.hybridKeyTypeEc) {
    problems.error([...path, 'hybridKeyTypeEc'], 'is required for hybrid keys', 'e.g. ecdsa-p384');
    ok = false;
  }
  if (k.algorithm !== 'hybrid' && k.hybridKeyTypeEc) {
    problems.error([...path, 'hybridKeyTypeEc'], 'applies only to hybrid keys', 'remove it');
    ok = false;
  }
  if (k.algorithm !== 'hmac' && k.keySize !== undefined) {
    problems.error([...path, 'keySize'], `applies only to hmac keys, not ${k.algorithm}`, `the size of a ${k.algorithm} key follows from its type: remove keySize`);
    ok = false;
  }
  if (!ok) return undefined;
  const all = describeTransitKey({ type: k.algorithm, ...(k.parameterSet ? { parameterSet: k.parameterSet } : {}), ...(k.hybridKeyTypeEc ? { hybridKeyTypeEc: k.hybridKeyTypeEc } : {}) });
  const wanted = PRIMITIVES_FOR_PURPOSE[k.purpose];
  const used = all.filter((a) => wanted.includes(a.primitive));
  if (used.length === 0) {
    problems.error([...path, 'algorithm'], `${k.algorithm} cannot be used for ${k.purpose}`, k.purpose === 'signing' ? 'use a signature type (ecdsa-p384, ml-dsa, …)' : k.purpose === 'mac' ? 'use hmac' : 'use aes256-gcm96');
    return undefined;
  }
  // A hybrid key's classical half rides on its post-quantum half: policy judges the PQ part.
  return k.algorithm === 'hybrid' ? used.slice(0, 1) : used;
}


function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function checkRetention(spec: Spec, j: Jurisdiction, problems: ProblemList): void {
  if (!spec.logging) return;
  if (!spec.logging.auditRelay && spec.parsed('logging.auditRelay')) {
    problems.warn('logging.auditRelay', "is not set, so Vault's socket audit device sends audit events to the sink without TLS", 'run a TLS-forwarding relay beside Vault (e.g. the log forwarder or rsyslog with TLS) and give its host:port');
  }
  const min = j.retention.securityLogDaysMin;
  const days = spec.logging.retentionDays;
  if (days !== undefined && days < min) {
    problems.error('logging.retentionDays', `${days} days is below ${j.name}'s minimum for security logs (${min} days)`, `keep security logs at least ${min} days (${j.retention.securityLogDaysDefault} recommended; slz jurisdictions ${j.countryCode})`);
  }
}
