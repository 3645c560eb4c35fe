/**
 * The CycloneDX 1.6 document. `@cyclonedx/cyclonedx-library` builds and serialises the BOM
 * (components, services, metadata, dependency graph); it has no model for `cryptoProperties`,
 * nor for a dependency's `provides` or a service's `endpoints`, so those are added to the
 * serialised JSON by bom-ref (cbom.md §8). The result is then put in a canonical order, so the
 * same input always gives the same bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
// Subpath imports (the library's own exports map): half the load time of the package root.
import * as Enums from '@cyclonedx/cyclonedx-library/Enums';
import * as Models from '@cyclonedx/cyclonedx-library/Models';
import * as Serialize from '@cyclonedx/cyclonedx-library/Serialize';
import * as Spec from '@cyclonedx/cyclonedx-library/Spec';
import type { AlgorithmReadiness } from '../jurisdictions';
import type { AlgorithmRecord, CertificateRecord, InventoryModel, KeyRecord, Properties } from './collect';
import { derivedSerialNumber } from './serial';

type Json = Record<string, unknown>;

export interface BomMeta {
  readonly name: string;
  readonly description: string;
  readonly properties: Properties;
}

/** Date-independent facts about each known algorithm, for its component's properties. */
export type ReadinessByRef = ReadonlyMap<string, AlgorithmReadiness>;

/** Plain code-unit order: unlike `localeCompare`, the same on every machine and locale. */
export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function props(list: Properties): Models.PropertyRepository {
  return new Models.PropertyRepository(list.map(([n, v]) => new Models.Property(n, v)));
}

/** The version of this package, for `metadata.tools` (absent when its package.json is not found). */
function toolVersion(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'sovereign-landing-zone' && typeof pkg.version === 'string') return pkg.version;
      } catch {
        return undefined;
      }
    }
    dir = dirname(dir);
  }
  return undefined;
}

function algorithmProperties(a: AlgorithmRecord, readiness: AlgorithmReadiness | undefined): Properties {
  const out: Properties = [];
  if (a.use && readiness) {
    const info = a.use.info;
    out.push(['slz:classification-id', info.id], ['slz:family', info.family], ['slz:pq-status', readiness.status], ['slz:quantum-vulnerable', String(info.quantumVulnerable)]);
    const { deprecatedAfter, disallowedAfter } = readiness.deadlines;
    for (const [kind, rule] of [
      ['deprecated-after', deprecatedAfter],
      ['disallowed-after', disallowedAfter],
    ] as const) {
      if (!rule) continue;
      out.push([`slz:${kind}`, rule.after], [`slz:${kind}:from-draft`, String(rule.fromDraft)], [`slz:${kind}:confidence`, rule.confidence], [`slz:${kind}:basis`, rule.basis[0] ?? '']);
    }
    if (readiness.hybridRequiredAfter) out.push(['slz:hybrid-pq-required-after', readiness.hybridRequiredAfter]);
    if (readiness.target) out.push(['slz:recommended-target', readiness.target.algorithm], ['slz:recommended-target:kind', readiness.target.kind]);
    if (readiness.target?.transitKey) out.push(['slz:recommended-target:transit-type', readiness.target.transitKey.spelled]);
    if (info.enterpriseOnly) out.push(['slz:vault-enterprise-only', 'true']);
    if (info.experimental) out.push(['slz:experimental', 'true']);
    if (info.inferred) out.push(['slz:level-inferred', 'true']);
  } else {
    out.push(['slz:pq-status', 'unknown'], ['slz:unknown-reason', a.unknownReason ?? 'not classified']);
    if (a.unknownAttribute) out.push(['slz:unknown-attribute', a.unknownAttribute]);
  }
  for (const u of a.usedBy) {
    const part = u.part === 'classical-half' ? ' (classical half of a hybrid key)' : u.part === 'pq-half' ? ' (post-quantum half of a hybrid key)' : '';
    const role = u.role === 'transit-hmac-key' ? ' (HMAC key)' : u.role === 'certificate-signature' ? ' (signs a certificate)' : '';
    out.push(['slz:used-by', `${u.constructPath}${part}${role}`]);
  }
  return out;
}

function algorithmCrypto(a: AlgorithmRecord): Json {
  if (!a.use) return { assetType: 'algorithm', algorithmProperties: { primitive: 'unknown', cryptoFunctions: ['unknown'] } };
  const { cdx, info } = a.use;
  const ap: Json = { primitive: cdx.primitive };
  if (cdx.parameterSetIdentifier !== undefined) ap.parameterSetIdentifier = cdx.parameterSetIdentifier;
  if (cdx.curve !== undefined) ap.curve = cdx.curve;
  if (cdx.mode !== undefined) ap.mode = cdx.mode;
  if (cdx.padding !== undefined) ap.padding = cdx.padding;
  ap.cryptoFunctions = [...cdx.cryptoFunctions];
  if (info.classicalSecurityBits !== null) ap.classicalSecurityLevel = info.classicalSecurityBits;
  ap.nistQuantumSecurityLevel = info.nistQuantumSecurityLevel;
  return { assetType: 'algorithm', algorithmProperties: ap, ...(cdx.oid ? { oid: cdx.oid } : {}) };
}

function keyCrypto(k: KeyRecord): Json {
  return {
    assetType: 'related-crypto-material',
    relatedCryptoMaterialProperties: {
      type: k.materialType,
      id: k.id,
      state: 'active',
      algorithmRef: k.algorithmRef,
      ...(k.sizeBits !== undefined ? { size: k.sizeBits } : {}),
      securedBy: { mechanism: k.mechanism },
    },
  };
}

function certificateCrypto(c: CertificateRecord): Json {
  return {
    assetType: 'certificate',
    certificateProperties: {
      ...(c.subjectName ? { subjectName: c.subjectName } : {}),
      ...(c.issuerName ? { issuerName: c.issuerName } : {}),
      ...(c.signatureAlgorithmRef ? { signatureAlgorithmRef: c.signatureAlgorithmRef } : {}),
      ...(c.subjectPublicKeyRef ? { subjectPublicKeyRef: c.subjectPublicKeyRef } : {}),
      certificateFormat: 'X.509',
    },
  };
}

function sortProperties(list: unknown): unknown {
  if (!Array.isArray(list)) return list;
  return [...(list as { name: string; value?: string }[])].sort((a, b) => byString(a.name, b.name) || byString(a.value ?? '', b.value ?? ''));
}

/** Puts an object's keys in the given order (others after, sorted), dropping undefined values. */
function ordered(obj: Json, first: readonly string[]): Json {
  const out: Json = {};
  for (const k of first) if (obj[k] !== undefined) out[k] = obj[k];
  for (const k of Object.keys(obj).sort(byString)) if (!(k in out) && obj[k] !== undefined) out[k] = obj[k];
  return out;
}

const COMPONENT_ORDER = ['type', 'bom-ref', 'name', 'version', 'description', 'cryptoProperties', 'properties'];
const SERVICE_ORDER = ['bom-ref', 'name', 'description', 'endpoints', 'properties'];

/**
 * Builds the BOM. `serialNumber: 'derived'` sets a UUID v5-style hash of the rest of the
 * document (same content → same serial number); `'omit'` leaves it out. No timestamp is written.
 */
export function buildBomDocument(model: InventoryModel, meta: BomMeta, readiness: ReadinessByRef, serialNumber: 'derived' | 'omit'): Json {
  const bom = new Models.Bom();
  const root = new Models.Component(Enums.ComponentType.Platform, meta.name, { bomRef: `tenancy:${meta.name}`, description: meta.description, properties: props(meta.properties) });
  bom.metadata.component = root;
  const version = toolVersion();
  bom.metadata.tools.components.add(
    new Models.Component(Enums.ComponentType.Application, 'sovereign-landing-zone', { ...(version ? { version } : {}), description: 'slz: CBOM from synthesized Terraform (cdk.tf.json)' }),
  );

  const cryptoByRef = new Map<string, Json>();
  const add = (ref: string, name: string, description: string, properties: Properties, crypto: Json): void => {
    bom.components.add(new Models.Component(Enums.ComponentType.CryptographicAsset, name, { bomRef: ref, description, properties: props(properties) }));
    cryptoByRef.set(ref, crypto);
  };

  for (const a of model.algorithms.values()) {
    const r = readiness.get(a.ref);
    const description = a.use ? `${a.use.info.id} (${a.use.info.family}${a.use.part ? `, ${a.use.part}` : ''})` : `Unclassified algorithm: ${a.unknownReason ?? 'unknown'}`;
    add(a.ref, a.name, description, algorithmProperties(a, r), algorithmCrypto(a));
  }
  for (const k of model.keys) {
    const description = k.kind === 'transit-hmac-key' ? 'HMAC key Vault transit creates beside the key' : k.kind === 'transit-key' ? 'Vault transit key' : k.kind === 'pki-ca-key' ? 'CA private key' : 'PKI key';
    add(k.ref, k.name, description, k.properties, keyCrypto(k));
  }
  for (const c of model.certificates) {
    add(c.ref, c.name, `${c.ca === 'root' ? 'Root' : 'Intermediate'} CA certificate issued in Vault PKI`, c.properties, certificateCrypto(c));
  }

  const endpoints = new Map<string, string[]>();
  for (const e of model.engines) {
    const service = new Models.Service(e.name, { bomRef: e.ref, description: `${e.kind === 'transit' ? 'Transit' : 'PKI'} secrets engine`, properties: props(e.properties) });
    bom.services.add(service);
    root.dependencies.add(service.bomRef);
    if (e.vaultAddress && e.path) endpoints.set(e.ref, [`${e.vaultAddress}/v1/${e.path}`]);
  }

  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6));
  const doc = JSON.parse(serializer.serialize(bom, { sortLists: true })) as Json;
  return finish(doc, model, cryptoByRef, endpoints, serialNumber);
}

function finish(doc: Json, model: InventoryModel, cryptoByRef: ReadonlyMap<string, Json>, endpoints: ReadonlyMap<string, string[]>, serialNumber: 'derived' | 'omit'): Json {
  const components = ((doc.components as Json[] | undefined) ?? [])
    .map((c) => {
      const ref = c['bom-ref'] as string;
      return ordered({ ...c, cryptoProperties: cryptoByRef.get(ref), properties: sortProperties(c.properties) }, COMPONENT_ORDER);
    })
    .sort((a, b) => byString(a['bom-ref'] as string, b['bom-ref'] as string));
  const services = ((doc.services as Json[] | undefined) ?? [])
    .map((s) => ordered({ ...s, endpoints: endpoints.get(s['bom-ref'] as string), properties: sortProperties(s.properties) }, SERVICE_ORDER))
    .sort((a, b) => byString(a['bom-ref'] as string, b['bom-ref'] as string));
  const provides = new Map(model.engines.map((e) => [e.ref, [...e.provides].sort(byString)]));
  const dependencies = ((doc.dependencies as Json[] | undefined) ?? [])
    .map((d) => {
      const ref = d.ref as string;
      const dependsOn = Array.isArray(d.dependsOn) ? [...(d.dependsOn as string[])].sort(byString) : undefined;
      const p = provides.get(ref);
      return ordered({ ref, dependsOn, provides: p && p.length > 0 ? p : undefined }, ['ref', 'dependsOn', 'provides']);
    })
    .sort((a, b) => byString(a.ref as string, b.ref as string));
  const metadata = doc.metadata as Json;
  const metaComponent = metadata.component as Json | undefined;
  const body: Json = {
    $schema: doc.$schema,
    bomFormat: doc.bomFormat,
    specVersion: doc.specVersion,
    version: doc.version,
    metadata: ordered({ ...metadata, ...(metaComponent ? { component: ordered({ ...metaComponent, properties: sortProperties(metaComponent.properties) }, COMPONENT_ORDER) } : {}) }, ['tools', 'component', 'properties']),
    components,
    ...(services.length > 0 ? { services } : {}),
    dependencies,
  };
  if (serialNumber === 'omit') return body;
  const serial = derivedSerialNumber(JSON.stringify(body));
  const { $schema, bomFormat, specVersion, ...rest } = body;
  return { $schema, bomFormat, specVersion, serialNumber: serial, ...rest };
}
