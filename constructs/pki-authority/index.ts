/**
 * The agency's PKI inside its own Vault: a root CA per region (platform stack) and an
 * intermediate CA plus one server role per tenant (tenancy stack). Control 10; rules VC-PK1–PK4.
 */
import { Mount } from '@cdktf/provider-vault/lib/mount';
import { PkiSecretBackendIntermediateCertRequest } from '@cdktf/provider-vault/lib/pki-secret-backend-intermediate-cert-request';
import { PkiSecretBackendIntermediateSetSigned } from '@cdktf/provider-vault/lib/pki-secret-backend-intermediate-set-signed';
import { PkiSecretBackendRole } from '@cdktf/provider-vault/lib/pki-secret-backend-role';
import { PkiSecretBackendRootCert } from '@cdktf/provider-vault/lib/pki-secret-backend-root-cert';
import { PkiSecretBackendRootSignIntermediate } from '@cdktf/provider-vault/lib/pki-secret-backend-root-sign-intermediate';
import { Construct } from 'constructs';
import { PropChecker } from '../common/validate';

/** Key type of a CA (and of the leaves its role issues). */
export type PkiKeyType = 'rsa' | 'ec' | 'ed25519';

/**
 * Key sizes accepted per type. EC 224 is refused: 112-bit strength, deprecated after 2030
 * (NIST IR 8547). Ed25519 has a fixed size, written as 0.
 */
export const PKI_KEY_BITS: Readonly<Record<PkiKeyType, readonly number[]>> = {
  rsa: [2048, 3072, 4096],
  ec: [256, 384, 521],
  ed25519: [0],
};

const MOUNT_PATH = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/;
const ISSUER_NAME = /^[A-Za-z0-9_-]{1,100}$/;
const GLOB_CHARS = /[*?[\]{}]/;
const SECONDS_PER_DAY = 86_400;
const MAX_ROOT_TTL_DAYS = 7300;

function checkKey(c: PropChecker, keyType: PkiKeyType, keyBits: number): void {
  const sizes = PKI_KEY_BITS[keyType] as readonly number[] | undefined;
  if (!sizes) {
    c.check(false, `keyType "${keyType}" must be rsa, ec or ed25519`);
    return;
  }
  if (keyType === 'ec' && keyBits === 224) {
    c.check(false, 'keyBits 224 for ec gives only 112-bit security (deprecated after 2030, NIST IR 8547): use 256, 384 or 521');
    return;
  }
  c.check(sizes.includes(keyBits), `keyBits ${keyBits} is not valid for ${keyType} (use ${sizes.join(', ')})`);
}

/**
 * Hash size for the CA's signatures. Vault's automatic choice is SHA-256 for every RSA key;
 * a SHA-384 floor matches the sovereign profile (VC-PK1), and EC curves get their matching hash.
 */
function signatureBitsFor(keyType: PkiKeyType, keyBits: number): number | undefined {
  if (keyType === 'rsa') return 384;
  if (keyType === 'ec') return keyBits === 521 ? 512 : keyBits;
  return undefined;
}

function checkCommonName(c: PropChecker, field: string, value: string): void {
  // X.509 caps the CN at 64 characters (RFC 5280 ub-common-name).
  const printable = [...value].every((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f);
  c.check(value.trim().length > 0 && value.length <= 64 && printable, `${field} must be 1 to 64 printable characters (got ${JSON.stringify(value)})`);
}

export interface AgencyRootCaProps {
  /**
   * Mount path of the root CA's PKI engine.
   * @default 'pki-root'
   */
  readonly mountPath?: string;
  /** Common name of the root certificate (at most 64 characters). */
  readonly commonName: string;
  /**
   * Organization (O) of the root certificate.
   * @default none
   */
  readonly organization?: string;
  /** Country (C) of the root certificate: ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
  /** Key type of the root key. */
  readonly keyType: PkiKeyType;
  /** Key size: rsa 2048/3072/4096, ec 256/384/521, ed25519 0. */
  readonly keyBits: number;
  /**
   * Root lifetime in days; also the mount's maximum lease TTL.
   * @default 3650
   */
  readonly ttlDays?: number;
  /**
   * Name of the issuer inside the mount (letters, digits, `-`, `_`; not `default`).
   * @default Vault assigns none
   */
  readonly issuerName?: string;
}

/** The agency root CA of one region, generated inside Vault; the private key never leaves it. */
export class AgencyRootCa extends Construct {
  /** Mount path of the root PKI engine, for tenancy stacks' `rootMountPath`. */
  readonly mountPath: string;
  /** Root lifetime in days, for tenancy stacks' `rootTtlDays`. */
  readonly ttlDays: number;
  readonly mount: Mount;
  readonly rootCert: PkiSecretBackendRootCert;

  constructor(scope: Construct, id: string, props: AgencyRootCaProps) {
    super(scope, id);
    const mountPath = props.mountPath ?? 'pki-root';
    const ttlDays = props.ttlDays ?? 3650;

    const c = new PropChecker('AgencyRootCa');
    c.check(MOUNT_PATH.test(mountPath), `mountPath "${mountPath}" must be a mount path of lower-case segments (no leading/trailing "/", no globs)`);
    checkCommonName(c, 'commonName', props.commonName);
    if (props.organization !== undefined) checkCommonName(c, 'organization', props.organization);
    c.check(/^[A-Z]{2}$/.test(props.country), `country "${props.country}" must be an ISO 3166-1 alpha-2 code in upper case, e.g. MY`);
    checkKey(c, props.keyType, props.keyBits);
    c.intRange('ttlDays', ttlDays, 1, MAX_ROOT_TTL_DAYS);
    if (props.issuerName !== undefined) {
      c.check(ISSUER_NAME.test(props.issuerName) && props.issuerName !== 'default', `issuerName "${props.issuerName}" must be letters, digits, "-" or "_" (at most 100) and not "default"`);
    }
    c.throwIfAny();

    this.mountPath = mountPath;
    this.ttlDays = ttlDays;

    this.mount = new Mount(this, 'mount', {
      path: mountPath,
      type: 'pki',
      description: `Agency root CA: ${props.commonName}`,
      maxLeaseTtlSeconds: ttlDays * SECONDS_PER_DAY,
    });

    this.rootCert = new PkiSecretBackendRootCert(this, 'root', {
      backend: this.mount.path,
      // Fixed, not a prop: `exported` would return the private key and store it in Terraform state.
      type: 'internal',
      commonName: props.commonName,
      organization: props.organization,
      country: props.country,
      keyType: props.keyType,
      keyBits: props.keyBits,
      signatureBits: signatureBitsFor(props.keyType, props.keyBits),
      // Seconds, as Vault reports it back: a "…h" string here would show as a change on every plan.
      ttl: String(ttlDays * SECONDS_PER_DAY),
      // Root → tenant intermediate → leaf: one CA level below the root, no more.
      maxPathLength: 1,
      issuerName: props.issuerName,
    });
  }
}

export interface PkiAuthorityProps {
  /** Tenant name (DNS-1123 label). */
  readonly tenant: string;
  /**
   * Mount path of the region's root CA (a literal: the root lives in the platform stack).
   * @default 'pki-root'
   */
  readonly rootMountPath?: string;
  /**
   * Mount path of the tenant's intermediate PKI engine.
   * @default `tenants/<tenant>/pki`
   */
  readonly mountPath?: string;
  /**
   * Agency DNS domains the tenant may get certificates under (subdomains only). Plain DNS names
   * with at least one dot: no `*`, no glob characters.
   */
  readonly domains: readonly string[];
  /** Key type of the intermediate and of issued leaves. */
  readonly keyType: PkiKeyType;
  /** Key size: rsa 2048/3072/4096, ec 256/384/521, ed25519 0. */
  readonly keyBits: number;
  /**
   * Intermediate lifetime in days; must be shorter than the root's.
   * @default 1095
   */
  readonly ttlDays?: number;
  /**
   * The root CA's lifetime in days, to keep the intermediate inside it.
   * @default 3650
   */
  readonly rootTtlDays?: number;
  /**
   * Longest leaf certificate lifetime in hours (at most 2160, 90 days).
   * @default 720
   */
  readonly leafMaxTtlHours?: number;
  /**
   * Common name of the intermediate certificate.
   * @default `<tenant> Intermediate CA`
   */
  readonly commonName?: string;
}

/** A tenant's intermediate CA, signed by the agency root, and its single server-certificate role. */
export class PkiAuthority extends Construct {
  readonly mountPath: string;
  /** Name of the role that issues server certificates: `<tenant>-server`. */
  readonly roleName: string;
  readonly mount: Mount;
  readonly role: PkiSecretBackendRole;

  constructor(scope: Construct, id: string, props: PkiAuthorityProps) {
    super(scope, id);
    const tenant = props.tenant;
    const rootMountPath = props.rootMountPath ?? 'pki-root';
    const mountPath = props.mountPath ?? `tenants/${tenant}/pki`;
    const ttlDays = props.ttlDays ?? 1095;
    const rootTtlDays = props.rootTtlDays ?? 3650;
    const leafMaxTtlHours = props.leafMaxTtlHours ?? 720;
    const defaultCn = `${tenant} Intermediate CA`;
    const commonName = props.commonName ?? (defaultCn.length <= 64 ? defaultCn : tenant);

    const c = new PropChecker('PkiAuthority');
    c.dnsLabel('tenant', tenant);
    c.check(MOUNT_PATH.test(rootMountPath), `rootMountPath "${rootMountPath}" must be a mount path of lower-case segments (no leading/trailing "/", no globs)`);
    c.check(MOUNT_PATH.test(mountPath), `mountPath "${mountPath}" must be a mount path of lower-case segments (no leading/trailing "/", no globs)`);
    c.check(mountPath !== rootMountPath, `mountPath must differ from rootMountPath ("${mountPath}")`);
    c.nonEmpty('domains', props.domains);
    c.unique('domains', props.domains);
    props.domains.forEach((d, i) => {
      if (d.includes('*')) {
        c.check(false, `domains[${i}] "${d}" is a wildcard: list the agency domain itself, subdomains are allowed`);
      } else if (GLOB_CHARS.test(d)) {
        c.check(false, `domains[${i}] "${d}" contains glob characters`);
      } else {
        c.dnsName(`domains[${i}]`, d);
        // A single label such as "my" would let the role issue for a whole top-level domain.
        c.check(d.includes('.'), `domains[${i}] "${d}" must have at least two labels`);
      }
    });
    checkKey(c, props.keyType, props.keyBits);
    c.intRange('rootTtlDays', rootTtlDays, 1, MAX_ROOT_TTL_DAYS);
    c.intRange('ttlDays', ttlDays, 1, MAX_ROOT_TTL_DAYS);
    c.check(ttlDays < rootTtlDays, `ttlDays (${ttlDays}) must be shorter than rootTtlDays (${rootTtlDays})`);
    c.intRange('leafMaxTtlHours', leafMaxTtlHours, 1, 2160);
    c.check(leafMaxTtlHours < ttlDays * 24, `leafMaxTtlHours (${leafMaxTtlHours}) must be shorter than the intermediate's lifetime (${ttlDays * 24} h)`);
    checkCommonName(c, 'commonName', commonName);
    c.throwIfAny();

    this.mountPath = mountPath;
    this.roleName = `${tenant}-server`;
    const signatureBits = signatureBitsFor(props.keyType, props.keyBits);

    this.mount = new Mount(this, 'mount', {
      path: mountPath,
      type: 'pki',
      description: `Intermediate CA of tenant ${tenant}`,
      maxLeaseTtlSeconds: ttlDays * SECONDS_PER_DAY,
    });

    const csr = new PkiSecretBackendIntermediateCertRequest(this, 'csr', {
      backend: this.mount.path,
      // The intermediate key is generated and kept inside Vault; only the CSR comes out.
      type: 'internal',
      commonName,
      keyType: props.keyType,
      keyBits: props.keyBits,
      signatureBits,
    });

    const signed = new PkiSecretBackendRootSignIntermediate(this, 'signed', {
      backend: rootMountPath,
      csr: csr.csr,
      commonName,
      // CA names are not host names; keep them out of the SANs.
      excludeCnFromSans: true,
      // Seconds, as Vault reports it back: a "…h" string here would show as a change on every plan.
      ttl: String(ttlDays * SECONDS_PER_DAY),
      // The intermediate issues leaves only, never further CAs.
      maxPathLength: 0,
      // Name constraints: even a misconfigured role cannot issue outside the agency domains.
      permittedDnsDomains: [...props.domains],
      format: 'pem_bundle',
      // A replaced or destroyed intermediate must stop being trusted.
      revoke: true,
    });

    const setSigned = new PkiSecretBackendIntermediateSetSigned(this, 'set-signed', {
      backend: this.mount.path,
      certificate: signed.certificate,
    });

    this.role = new PkiSecretBackendRole(this, 'server', {
      backend: this.mount.path,
      name: this.roleName,
      allowedDomains: [...props.domains],
      allowSubdomains: true,
      // The bare agency domain is the agency's own apex; a tenant gets names beneath it, so it
      // cannot obtain a certificate that impersonates the agency itself.
      allowBareDomains: false,
      allowGlobDomains: false,
      allowAnyName: false,
      allowWildcardCertificates: false,
      enforceHostnames: true,
      allowIpSans: false,
      allowLocalhost: false,
      serverFlag: true,
      clientFlag: false,
      codeSigningFlag: false,
      emailProtectionFlag: false,
      keyType: props.keyType,
      keyBits: props.keyBits,
      signatureBits,
      // Seconds: Vault returns max_ttl as a number of seconds and the provider stores it as read,
      // so "720h" would plan as a change ("2592000" -> "720h") on every run.
      maxTtl: String(leafMaxTtlHours * 3600),
      // Stored certificates can be listed and revoked; no_store would make revocation blind.
      noStore: false,
      dependsOn: [setSigned],
    });
  }
}
