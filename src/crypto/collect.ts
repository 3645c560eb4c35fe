/**
 * Walks synthesized stacks and collects what the CBOM lists: one record per distinct algorithm
 * (or per unclassifiable resource), per key, per CA certificate and per Vault engine. Every
 * resource is classified by `classifyCryptoResource` (src/synthesized/vault), the same function the
 * pqc-readiness rules use. No BOM library here: see bom.ts.
 */
import { pkiAlgorithmUse, regionOfStack, serverLabel, TRANSIT_HMAC_ALGORITHM, TRANSIT_HMAC_KEY_BITS, transitKeySupport, type AlgorithmUse, type VaultDialect, type VaultServer } from '../jurisdictions';
import { isUnresolved, literal, resourcesOf, type ResourceRef, type SynthStack } from '../synthesized';
import { vaultServersOf, type SynthContextFile } from '../synthesized/context';
import { referencedResource } from '../synthesized/references';
import type { AssetUse, KeyKind, ResourceLocation } from './types';
import { classifyCryptoResource, cryptoResourceRole, type CryptoResourceClassification } from '../synthesized/vault/crypto-resource';
import { CRYPTO_ENGINE_TYPES } from '../synthesized/vault/mount';
import { parsePkiKey } from '../synthesized/vault/pki';
import { defaultVaultAddress } from '../synthesized/vault/server';
import { keyMaterialExportable, transitKeyType } from '../synthesized/vault/transit-key';

export type Properties = [string, string][];

/** An algorithm component: known (deduplicated by name) or UNKNOWN (one per resource). */
export interface AlgorithmRecord {
  readonly ref: string;
  readonly name: string;
  /** Undefined for an UNKNOWN asset. */
  readonly use?: AlgorithmUse;
  readonly unknownReason?: string;
  readonly unknownAttribute?: string;
  readonly usedBy: AssetUse[];
}

export interface KeyRecord extends ResourceLocation {
  readonly ref: string;
  readonly name: string;
  /** `relatedCryptoMaterialProperties.id`: the key's Vault path where known. */
  readonly id: string;
  readonly kind: KeyKind;
  readonly materialType: 'secret-key' | 'private-key' | 'key';
  readonly algorithmRef: string;
  readonly sizeBits?: number;
  readonly mechanism: string;
  readonly engineRef?: string;
  readonly properties: Properties;
}

export interface CertificateRecord extends ResourceLocation {
  readonly ref: string;
  readonly name: string;
  readonly ca: 'root' | 'intermediate';
  subjectName?: string;
  issuerName?: string;
  signatureAlgorithmRef?: string;
  readonly subjectPublicKeyRef?: string;
  readonly engineRef?: string;
  readonly properties: Properties;
}

export interface EngineRecord extends ResourceLocation {
  readonly ref: string;
  readonly name: string;
  readonly kind: 'transit' | 'pki';
  readonly path?: string;
  readonly vaultAddress?: string;
  readonly dialect?: VaultDialect;
  readonly sealWrap: boolean;
  readonly provides: Set<string>;
  readonly properties: Properties;
}

export interface InventoryModel {
  readonly algorithms: Map<string, AlgorithmRecord>;
  readonly keys: KeyRecord[];
  readonly certificates: CertificateRecord[];
  readonly engines: EngineRecord[];
  /** Stack name → the server of its region, where slz-context.json names the region. */
  readonly stackServers: Map<string, VaultServer>;
  /** Transit keys the region's server refuses (capability table). */
  readonly refusedKeys: { key: string; constructPath: string; reason: string }[];
}

/** The server of the stack's region (stacks are named `<lz>-…-<region>`), where slz-context.json names it. */
export function serverOfStack(stackName: string, servers: Readonly<Record<string, VaultServer>>): VaultServer | undefined {
  const region = regionOfStack(stackName, Object.keys(servers));
  return region ? servers[region] : undefined;
}

function flag(value: unknown): string {
  if (value === undefined || value === null) return 'unset';
  if (isUnresolved(value)) return 'unresolved';
  return String(value);
}

function location(r: ResourceRef): ResourceLocation {
  return { stack: r.stack.name, address: r.address, constructPath: r.constructPath };
}

function serverName(dialect: VaultDialect | undefined): string {
  return dialect === 'openbao' ? 'OpenBao' : 'Vault';
}

export function collectInventory(stacks: readonly SynthStack[], context: SynthContextFile | undefined): InventoryModel {
  const algorithms = new Map<string, AlgorithmRecord>();
  const keys: KeyRecord[] = [];
  const certificates: CertificateRecord[] = [];
  const engines: EngineRecord[] = [];
  const stackServers = new Map<string, VaultServer>();
  const servers = vaultServersOf(context);
  const refusedKeys: InventoryModel['refusedKeys'] = [];

  const engineByStackName = new Map<string, EngineRecord>();
  const engineByServerPath = new Map<string, EngineRecord>();

  // ---- engines: vault_mount of type transit / pki
  for (const stack of stacks) {
    const regionServer = serverOfStack(stack.name, servers);
    if (regionServer) stackServers.set(stack.name, regionServer);
    const dialect = regionServer?.dialect;
    const vaultAddress = defaultVaultAddress(stack);
    for (const r of resourcesOf(stack)) {
      if (r.type !== 'vault_mount') continue;
      const kind = literal(r.body.type);
      if (!kind || !CRYPTO_ENGINE_TYPES.includes(kind)) continue;
      const path = literal(r.body.path);
      const server = serverName(dialect);
      const engine: EngineRecord = {
        ...location(r),
        ref: `engine:${r.constructPath}`,
        name: `${server} ${kind} engine ${path ?? r.address}${vaultAddress ? ` at ${vaultAddress}` : ''}`,
        kind: kind as 'transit' | 'pki',
        ...(path ? { path } : {}),
        ...(vaultAddress ? { vaultAddress } : {}),
        ...(dialect ? { dialect } : {}),
        sealWrap: r.body.seal_wrap === true,
        provides: new Set(),
        properties: [
          ['slz:stack', stack.name],
          ['slz:terraform-address', r.address],
          ['slz:vault-dialect', dialect ?? 'unknown'],
          ['slz:vault-server', regionServer ? serverLabel(regionServer) : 'unknown'],
          ['slz:seal-wrap', flag(r.body.seal_wrap)],
        ],
      };
      engines.push(engine);
      engineByStackName.set(`${stack.name}\u0000${r.name}`, engine);
      if (path && vaultAddress) engineByServerPath.set(`${vaultAddress}\u0000${path}`, engine);
      else if (path) engineByServerPath.set(`${stack.name}\u0000\u0000${path}`, engine);
    }
  }

  /** The engine a `backend` attribute names: a `${vault_mount.x.path}` reference, or a literal path on the same server. */
  function engineFor(stack: SynthStack, backend: unknown): EngineRecord | undefined {
    if (typeof backend !== 'string') return undefined;
    const ref = referencedResource(stack, backend);
    if (ref?.type === 'vault_mount' && (ref.attribute === 'path' || ref.attribute === 'id')) return engineByStackName.get(`${stack.name}\u0000${ref.name}`);
    if (isUnresolved(backend)) return undefined;
    const path = backend.replace(/^\/+|\/+$/g, '');
    const address = defaultVaultAddress(stack);
    return address ? engineByServerPath.get(`${address}\u0000${path}`) : engineByServerPath.get(`${stack.name}\u0000\u0000${path}`);
  }

  function addAlgorithm(u: AlgorithmUse, at: AssetUse): string {
    const ref = `algorithm:${u.cdx.name}`;
    const existing = algorithms.get(ref);
    if (existing) existing.usedBy.push(at);
    else algorithms.set(ref, { ref, name: u.cdx.name, use: u, usedBy: [at] });
    return ref;
  }

  function addUnknown(r: ResourceRef, c: Extract<CryptoResourceClassification, { kind: 'unknown' | 'unresolved' }>, dialect: VaultDialect | undefined): string {
    const ref = `algorithm:UNKNOWN:${r.constructPath}`;
    algorithms.set(ref, {
      ref,
      name: 'UNKNOWN',
      unknownReason: c.reason,
      ...(c.attribute ? { unknownAttribute: c.attribute } : {}),
      usedBy: [{ ...location(r), role: c.role, ...(dialect ? { dialect } : {}) }],
    });
    return ref;
  }

  interface CaRecord {
    readonly resource: ResourceRef;
    readonly cert: CertificateRecord;
    readonly engine?: EngineRecord;
    readonly classification: CryptoResourceClassification;
  }
  const cas: CaRecord[] = [];
  const signers: ResourceRef[] = [];

  // ---- crypto-bearing resources
  for (const stack of stacks) {
    const stackServer = stackServers.get(stack.name);
    const dialect = stackServer?.dialect;
    const server = serverName(dialect);
    for (const r of resourcesOf(stack)) {
      const role = cryptoResourceRole(r.type);
      if (!role) continue;
      if (role === 'pki-signing') {
        signers.push(r);
        continue;
      }
      const c = classifyCryptoResource(r.type, r.body, stackServer);
      if (c.kind === 'not-crypto' || c.kind === 'derived') continue;
      const engine = engineFor(stack, r.body.backend);
      const at = (part?: AssetUse['part']): AssetUse => ({ ...location(r), role, ...(part ? { part } : {}), ...(dialect ? { dialect } : {}), ...(stackServer ? { server: stackServer } : {}) });
      const provided: string[] = [];

      let keyAlgorithmRef: string;
      if (c.kind === 'mapped') {
        for (const u of c.algorithms) provided.push(addAlgorithm(u, at(u.part)));
        keyAlgorithmRef = `algorithm:${c.keyAlgorithm.cdx.name}`;
      } else {
        keyAlgorithmRef = addUnknown(r, c, dialect);
        provided.push(keyAlgorithmRef);
      }
      const notes = c.kind === 'mapped' ? c.notes : [];
      const common: Properties = [
        ['slz:stack', stack.name],
        ['slz:terraform-address', r.address],
        ...notes.map((n): [string, string] => ['slz:note', n]),
      ];

      if (role === 'transit-key') {
        const name = literal(r.body.name);
        const keyName = name ? (engine?.path ? `${engine.path}/keys/${name}` : name) : r.address;
        const exportable = keyMaterialExportable(r.body);
        const managed = transitKeyType(r.body).kind === 'managed';
        const custody = managed
          ? 'HSM/KMS (Vault managed key)'
          : `${server} transit (${exportable === 'unresolved' ? 'exportability unresolved' : exportable ? 'exportable: key material can leave Vault' : 'non-exportable'}${engine?.sealWrap ? ', seal-wrapped' : ''})`;
        const rotation = r.body.auto_rotate_period;
        const rotationText =
          rotation === undefined || rotation === 0 ? 'none' : typeof rotation === 'number' ? `${rotation}s (${+(rotation / 86_400).toFixed(2)} days)` : isUnresolved(rotation) ? 'unresolved' : String(rotation);
        const keyRef = `key:${r.constructPath}`;
        if (c.kind === 'mapped' && c.transitKey && stackServer) {
          const support = transitKeySupport(stackServer, c.transitKey.type);
          if (!support.ok) refusedKeys.push({ key: keyName, constructPath: r.constructPath, reason: `${support.reason}${support.acceptedBy ? `; accepted by ${support.acceptedBy}` : ''}` });
        }
        keys.push({
          ...location(r),
          ref: keyRef,
          name: keyName,
          id: keyName,
          kind: 'transit-key',
          materialType: c.kind !== 'mapped' ? 'key' : c.keyAlgorithm.info.primitive === 'ae' || c.keyAlgorithm.info.primitive === 'mac' ? 'secret-key' : 'private-key',
          algorithmRef: keyAlgorithmRef,
          ...(c.kind === 'mapped' && c.keySizeBits !== undefined ? { sizeBits: c.keySizeBits } : {}),
          mechanism: custody,
          ...(engine ? { engineRef: engine.ref } : {}),
          properties: [
            ...common,
            ['slz:vault-key-type', typeof r.body.type === 'string' ? r.body.type : 'aes256-gcm96 (provider default)'],
            ['slz:auto-rotate-period', rotationText],
            ['slz:exportable', flag(r.body.exportable)],
            ['slz:allow-plaintext-backup', flag(r.body.allow_plaintext_backup)],
            ['slz:deletion-allowed', flag(r.body.deletion_allowed)],
          ],
        });
        // Vault creates an HMAC key beside every transit key, at creation and at each rotation.
        const hmacAlgorithmRef = addAlgorithm(TRANSIT_HMAC_ALGORITHM, { ...location(r), role: 'transit-hmac-key', ...(dialect ? { dialect } : {}), ...(stackServer ? { server: stackServer } : {}) });
        const hmacRef = `key:${r.constructPath}/hmac`;
        keys.push({
          ...location(r),
          ref: hmacRef,
          name: `${keyName} (HMAC key)`,
          id: `${keyName}#hmac`,
          kind: 'transit-hmac-key',
          materialType: 'secret-key',
          algorithmRef: hmacAlgorithmRef,
          sizeBits: TRANSIT_HMAC_KEY_BITS,
          mechanism: managed ? `${server} transit` : custody,
          ...(engine ? { engineRef: engine.ref } : {}),
          properties: [...common, ['slz:hmac-key-of', keyRef], ['slz:auto-rotate-period', rotationText]],
        });
        provided.push(keyRef, hmacAlgorithmRef, hmacRef);
      } else if (role === 'pki-root-ca' || role === 'pki-intermediate-ca' || role === 'pki-key') {
        const holdsKey = c.holdsKey;
        const issuance = r.body.type;
        const mechanism =
          issuance === 'exported'
            ? 'None (private key exported into Terraform state)'
            : issuance === 'kms'
              ? 'HSM/KMS (Vault managed key)'
              : issuance === 'internal'
                ? `${server} PKI (internal, non-exportable)`
                : `${server} PKI (issuance type ${flag(issuance)})`;
        const commonName = literal(r.body.common_name);
        const keyName = literal(r.body.key_name);
        let keyRef: string | undefined;
        if (holdsKey) {
          keyRef = `key:${r.constructPath}`;
          keys.push({
            ...location(r),
            ref: keyRef,
            name: role === 'pki-key' ? `${engine?.path ?? r.address} key ${keyName ?? r.address}` : `${commonName ?? r.address} CA key`,
            id: `${engine?.path ?? r.address}${role === 'pki-key' ? `/key/${keyName ?? r.name}` : '/issuer-key'}`,
            kind: role === 'pki-key' ? 'pki-key' : 'pki-ca-key',
            materialType: c.kind === 'mapped' ? 'private-key' : 'key',
            algorithmRef: keyAlgorithmRef,
            ...(c.kind === 'mapped' && c.keySizeBits !== undefined ? { sizeBits: c.keySizeBits } : {}),
            mechanism,
            ...(engine ? { engineRef: engine.ref } : {}),
            properties: [...common, ['slz:issuance-type', flag(issuance)], ...(c.kind === 'mapped' ? ([['slz:pki-key', c.declaredType]] as Properties) : [])],
          });
          provided.push(keyRef);
        }
        if (role !== 'pki-key') {
          const ca = role === 'pki-root-ca' ? 'root' : 'intermediate';
          const cert: CertificateRecord = {
            ...location(r),
            ref: `certificate:${r.constructPath}`,
            name: commonName ?? r.address,
            ca,
            ...(keyRef ? { subjectPublicKeyRef: keyRef } : {}),
            ...(engine ? { engineRef: engine.ref } : {}),
            properties: [
              ...common,
              ['slz:ca', ca],
              ...(r.body.ttl !== undefined ? ([['slz:ttl', flag(r.body.ttl)]] as Properties) : []),
              ...(r.body.max_path_length !== undefined ? ([['slz:max-path-length', flag(r.body.max_path_length)]] as Properties) : []),
            ],
          };
          const subject = subjectName(r.body);
          if (subject) cert.subjectName = subject;
          if (ca === 'root') {
            // Self-signed: the root's own key signs its certificate.
            cert.signatureAlgorithmRef = keyAlgorithmRef;
            if (subject) cert.issuerName = subject;
          }
          certificates.push(cert);
          cas.push({ resource: r, cert, ...(engine ? { engine } : {}), classification: c });
          provided.push(cert.ref);
        }
      }
      if (engine) for (const p of provided) engine.provides.add(p);
    }
  }

  // ---- intermediates: follow root_sign_intermediate to the issuer (possibly in another stack of the same server)
  for (const signer of signers) {
    const signerServer = stackServers.get(signer.stack.name);
    const dialect = signerServer?.dialect;
    const csr = typeof signer.body.csr === 'string' ? referencedResource(signer.stack, signer.body.csr) : undefined;
    const signed = csr?.type === 'vault_pki_secret_backend_intermediate_cert_request' && csr.attribute === 'csr' ? csr : undefined;
    const subject = signed ? cas.find((ca) => ca.resource.stack === signer.stack && ca.resource.type === signed.type && ca.resource.name === signed.name) : undefined;
    const issuerEngine = engineFor(signer.stack, signer.body.backend);
    const issuers = issuerEngine ? cas.filter((ca) => ca.engine === issuerEngine) : [];
    const issuer = issuers.find((ca) => ca.cert.ca === 'root') ?? issuers[0];
    if (!issuer) {
      if (subject) subject.cert.properties.push(['slz:issuer', 'not in this tree']);
      continue;
    }
    let signatureRef: string;
    if (issuer.classification.kind === 'mapped') {
      const parsed = parsePkiKey(issuer.resource.body);
      if (!parsed.ok) continue;
      const bits = signer.body.signature_bits;
      const u = pkiAlgorithmUse(parsed.value.keyType, parsed.value.keyBits, {
        withHash: true,
        ...(typeof bits === 'number' && bits > 0 ? { signatureBits: bits } : {}),
        usePss: signer.body.use_pss === true,
      });
      signatureRef = addAlgorithm(u, { ...location(signer), role: 'certificate-signature', ...(dialect ? { dialect } : {}), ...(signerServer ? { server: signerServer } : {}) });
    } else {
      signatureRef = issuer.cert.signatureAlgorithmRef ?? `algorithm:UNKNOWN:${issuer.resource.constructPath}`;
    }
    issuerEngine?.provides.add(signatureRef);
    if (subject) {
      subject.cert.signatureAlgorithmRef = signatureRef;
      if (issuer.cert.subjectName) subject.cert.issuerName = issuer.cert.subjectName;
      subject.cert.properties.push(['slz:issued-by', issuer.cert.ref], ['slz:signed-by', `${signer.stack.name}/${signer.address}`]);
      if (signer.body.ttl !== undefined) subject.cert.properties.push(['slz:ttl', flag(signer.body.ttl)]);
      if (signer.body.max_path_length !== undefined) subject.cert.properties.push(['slz:max-path-length', flag(signer.body.max_path_length)]);
    }
  }

  return { algorithms, keys, certificates, engines, stackServers, refusedKeys };
}

/** An X.500 subject from the literal name attributes of a PKI resource (references are left out). */
function subjectName(body: Readonly<Record<string, unknown>>): string | undefined {
  const parts: string[] = [];
  const cn = literal(body.common_name);
  if (cn) parts.push(`CN=${cn}`);
  for (const [attr, key] of [
    ['OU', 'ou'],
    ['O', 'organization'],
    ['L', 'locality'],
    ['ST', 'province'],
    ['C', 'country'],
  ] as const) {
    const v = body[key];
    const values = Array.isArray(v) ? v : [v];
    for (const item of values) {
      const s = literal(item);
      if (s) parts.push(`${attr}=${s}`);
    }
  }
  return parts.length ? parts.join(', ') : undefined;
}
