/** `buildCryptoInventory`: synthesized stacks (+ slz-context.json) → CycloneDX 1.6 CBOM + classified assets. */
import { assessAlgorithm, defaultCryptoPolicy, getJurisdiction, isoDate, pqStatusOf, serverLabel, vaultServer, type AlgorithmReadiness, type VaultServer } from '../jurisdictions';
import type { SynthStack } from '../synthesized';
import { vaultServersOf, type SynthContextFile } from '../synthesized/context';
import { buildBomDocument, byString, type BomMeta } from './bom';
import { collectInventory, type AlgorithmRecord, type Properties } from './collect';
import type { CryptoAsset, CryptoInventory } from './types';

export interface BuildCryptoInventoryInput {
  readonly stacks: readonly SynthStack[];
  /** DIR/slz-context.json: jurisdiction (crypto policy) and Vault dialect per region. Without it the project-default policy (NIST IR 8547 IPD dates) applies. */
  readonly context?: SynthContextFile;
  /** ISO date the policy verdicts are evaluated on (the BOM does not depend on it). @default today (UTC) */
  readonly today?: string;
  /**
   * `derived` (default): `serialNumber` is a UUID v5-style hash of the BOM's content, so the
   * same input gives the same bytes; `omit`: no serial number at all.
   */
  readonly serialNumber?: 'derived' | 'omit';
}

/**
 * Which usage and servers the recommended target is for: the uses that rely on the algorithm
 * alone decide. A use whose region the context does not name counts as the conservative default.
 */
function usageOf(a: AlgorithmRecord): { usage: 'transit' | 'pki'; servers: VaultServer[] } {
  const standalone = a.usedBy.filter((u) => u.part !== 'classical-half');
  const uses = standalone.length > 0 ? standalone : a.usedBy;
  const transit = uses.some((u) => u.role === 'transit-key' || u.role === 'transit-hmac-key');
  const unknown = uses.some((u) => !u.server);
  const servers = uses.flatMap((u) => (u.server ? [u.server] : []));
  // An unnamed region joins as the default server (an empty list means exactly that).
  return { usage: transit ? 'transit' : 'pki', servers: unknown && servers.length > 0 ? [...servers, DEFAULT_SERVER] : servers };
}

const DEFAULT_SERVER = vaultServer();

export function buildCryptoInventory(input: BuildCryptoInventoryInput): CryptoInventory {
  const today = input.today ?? isoDate(new Date());
  const context = input.context;
  const jurisdiction = context ? getJurisdiction(context.jurisdiction) : undefined;
  const policy = jurisdiction?.crypto ?? defaultCryptoPolicy();
  const policyName = jurisdiction
    ? `${jurisdiction.name} (${jurisdiction.countryCode}) crypto policy of the slz jurisdiction catalogue`
    : `project default crypto policy (NIST IR 8547 IPD dates)${context ? `: jurisdiction ${context.jurisdiction} is not catalogued` : ': no slz-context.json'}`;

  const model = collectInventory(input.stacks, context);

  const readiness = new Map<string, AlgorithmReadiness>();
  for (const a of model.algorithms.values()) {
    if (a.use) readiness.set(a.ref, assessAlgorithm(policy, a.use.info, today, usageOf(a)));
  }

  const name = context?.name ?? 'synthesized-stacks';
  const metaProperties: Properties = [
    ['slz:jurisdiction', jurisdiction?.countryCode ?? context?.jurisdiction ?? 'unknown'],
    ['slz:crypto-policy', policyName],
    ...Object.entries(context?.vaultDialects ?? {}).map(([region, dialect]): [string, string] => ['slz:vault-dialect', `${region}=${dialect}`]),
    ...Object.entries(vaultServersOf(context)).map(([region, server]): [string, string] => ['slz:vault-server', `${region}=${serverLabel(server)}`]),
    ...input.stacks.map((s): [string, string] => ['slz:stack', s.name]),
  ];
  const meta: BomMeta = {
    name,
    description: context ? `Crypto inventory (CBOM) of landing zone ${context.name} (${context.agency})` : 'Crypto inventory (CBOM) of synthesized Terraform stacks',
    properties: metaProperties,
  };
  const bom = buildBomDocument(model, meta, readiness, input.serialNumber ?? 'derived');

  const assets: CryptoAsset[] = [...model.algorithms.values()]
    .sort((a, b) => byString(a.ref, b.ref))
    .map((a): CryptoAsset => {
      const r = readiness.get(a.ref);
      const info = a.use?.info;
      if (!a.use || !info || !r) {
        return {
          bomRef: a.ref,
          name: a.name,
          classificationId: null,
          family: null,
          primitive: 'unknown',
          classicalSecurityBits: null,
          nistQuantumSecurityLevel: null,
          quantumVulnerable: null,
          status: 'unknown',
          enterpriseOnly: false,
          experimental: false,
          inferred: false,
          usedBy: a.usedBy,
          unknownReason: a.unknownReason ?? 'not classified',
        };
      }
      return {
        bomRef: a.ref,
        name: a.name,
        classificationId: info.id,
        family: info.family,
        primitive: a.use.cdx.primitive,
        classicalSecurityBits: info.classicalSecurityBits,
        nistQuantumSecurityLevel: info.nistQuantumSecurityLevel,
        quantumVulnerable: info.quantumVulnerable,
        status: r.status,
        enterpriseOnly: info.enterpriseOnly,
        experimental: info.experimental,
        inferred: info.inferred,
        ...(r.deadlines.deprecatedAfter ? { deprecatedAfter: r.deadlines.deprecatedAfter } : {}),
        ...(r.deadlines.disallowedAfter ? { disallowedAfter: r.deadlines.disallowedAfter } : {}),
        verdict: { status: r.verdict.status, reason: r.verdict.reason },
        ...(r.hybridRequiredAfter ? { hybridRequiredAfter: r.hybridRequiredAfter } : {}),
        ...(r.target ? { target: r.target } : {}),
        usedBy: a.usedBy,
      };
    });

  const statusByRef = new Map(assets.map((a) => [a.bomRef, a.status]));
  return {
    bom,
    json: `${JSON.stringify(bom, null, 2)}\n`,
    assets,
    keys: model.keys
      .map((k) => ({
        bomRef: k.ref,
        name: k.name,
        kind: k.kind,
        materialType: k.materialType,
        algorithmRef: k.algorithmRef,
        status: statusByRef.get(k.algorithmRef) ?? pqStatusOf(undefined),
        ...(k.sizeBits !== undefined ? { sizeBits: k.sizeBits } : {}),
        securedBy: k.mechanism,
        ...(k.engineRef ? { engineRef: k.engineRef } : {}),
        stack: k.stack,
        address: k.address,
        constructPath: k.constructPath,
      }))
      .sort((a, b) => byString(a.bomRef, b.bomRef)),
    certificates: model.certificates
      .map((c) => ({
        bomRef: c.ref,
        name: c.name,
        ca: c.ca,
        ...(c.subjectName ? { subjectName: c.subjectName } : {}),
        ...(c.issuerName ? { issuerName: c.issuerName } : {}),
        ...(c.signatureAlgorithmRef ? { signatureAlgorithmRef: c.signatureAlgorithmRef } : {}),
        ...(c.subjectPublicKeyRef ? { subjectPublicKeyRef: c.subjectPublicKeyRef } : {}),
        ...(c.engineRef ? { engineRef: c.engineRef } : {}),
        stack: c.stack,
        address: c.address,
        constructPath: c.constructPath,
      }))
      .sort((a, b) => byString(a.bomRef, b.bomRef)),
    engines: model.engines
      .map((e) => ({
        bomRef: e.ref,
        name: e.name,
        kind: e.kind,
        ...(e.path ? { path: e.path } : {}),
        ...(e.vaultAddress ? { vaultAddress: e.vaultAddress } : {}),
        ...(e.dialect ? { dialect: e.dialect } : {}),
        provides: [...e.provides].sort(byString),
        stack: e.stack,
        address: e.address,
        constructPath: e.constructPath,
      }))
      .sort((a, b) => byString(a.bomRef, b.bomRef)),
    policy: {
      jurisdiction: jurisdiction?.countryCode ?? null,
      name: policyName,
      ...(policy.requireHybridPqcAfter ? { requireHybridPqcAfter: policy.requireHybridPqcAfter.date, requireHybridPqcAdoptedAs: policy.requireHybridPqcAfter.adoptedAs } : {}),
    },
    ...(context ? { landingZone: context.name } : {}),
    dialects: { ...(context?.vaultDialects ?? {}) },
    servers: Object.fromEntries(Object.entries(vaultServersOf(context)).map(([region, server]) => [region, serverLabel(server)])),
    refusedKeys: [...model.refusedKeys].sort((a, b) => byString(a.constructPath, b.constructPath)),
    today,
  };
}
