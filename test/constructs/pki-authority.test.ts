import { Testing } from 'cdktf';
import { AgencyRootCa, type AgencyRootCaProps, PkiAuthority, type PkiAuthorityProps } from '../../constructs/pki-authority';

type Resources = Record<string, Record<string, Record<string, unknown>>>;

function synthRoot(props: AgencyRootCaProps): Resources {
  return (JSON.parse(Testing.synthScope((s) => void new AgencyRootCa(s, 'root', props))) as { resource: Resources }).resource;
}

function synthTenant(props: PkiAuthorityProps): Resources {
  return (JSON.parse(Testing.synthScope((s) => void new PkiAuthority(s, 'pki', props))) as { resource: Resources }).resource;
}

function one(res: Resources, type: string): Record<string, unknown> {
  const found = Object.values(res[type] ?? {});
  expect(found).toHaveLength(1);
  return found[0]!;
}

const rootProps: AgencyRootCaProps = { commonName: 'MOH Root CA', organization: 'Ministry of Health', country: 'MY', keyType: 'ec', keyBits: 384 };
const tenantProps: PkiAuthorityProps = { tenant: 'patient-records', domains: ['moh.example.gov.my'], keyType: 'ec', keyBits: 384 };

describe('AgencyRootCa', () => {
  test('generates the root inside Vault (type internal) on a pki mount bounded by its lifetime', () => {
    const res = synthRoot(rootProps);
    expect(one(res, 'vault_mount')).toMatchObject({ path: 'pki-root', type: 'pki', max_lease_ttl_seconds: 3650 * 86400 });
    expect(one(res, 'vault_pki_secret_backend_root_cert')).toMatchObject({
      type: 'internal',
      common_name: 'MOH Root CA',
      organization: 'Ministry of Health',
      country: 'MY',
      key_type: 'ec',
      key_bits: 384,
      signature_bits: 384,
      ttl: String(3650 * 86400),
      max_path_length: 1,
    });
  });

  test('has no way to ask for an exported root', () => {
    const props = { ...rootProps, type: 'exported' } as AgencyRootCaProps;
    const root = one(synthRoot(props), 'vault_pki_secret_backend_root_cert');
    expect(root.type).toBe('internal');
  });

  test('honours mount path, lifetime and issuer name', () => {
    const res = synthRoot({ ...rootProps, mountPath: 'pki/root-cyberjaya', ttlDays: 5000, issuerName: 'root-2026', keyType: 'rsa', keyBits: 4096 });
    expect(one(res, 'vault_mount')).toMatchObject({ path: 'pki/root-cyberjaya', max_lease_ttl_seconds: 5000 * 86400 });
    expect(one(res, 'vault_pki_secret_backend_root_cert')).toMatchObject({ issuer_name: 'root-2026', ttl: String(5000 * 86400), key_type: 'rsa', key_bits: 4096, signature_bits: 384 });
  });

  test('refuses ec 224, bad sizes, country and names', () => {
    expect(() => synthRoot({ ...rootProps, keyBits: 224 })).toThrow(/112-bit/);
    expect(() => synthRoot({ ...rootProps, keyType: 'rsa', keyBits: 1024 })).toThrow(/keyBits 1024 is not valid for rsa/);
    expect(() => synthRoot({ ...rootProps, keyType: 'ed25519', keyBits: 256 })).toThrow(/keyBits 256 is not valid for ed25519/);
    expect(() => synthRoot({ ...rootProps, country: 'Malaysia' })).toThrow(/ISO 3166-1 alpha-2/);
    expect(() => synthRoot({ ...rootProps, issuerName: 'default' })).toThrow(/issuerName/);
    expect(() => synthRoot({ ...rootProps, ttlDays: 9000 })).toThrow(/ttlDays must be a whole number from 1 to 7300/);
    expect(() => synthRoot({ ...rootProps, commonName: 'x'.repeat(65) })).toThrow(/commonName must be 1 to 64/);
  });
});

describe('PkiAuthority', () => {
  test('builds the intermediate chain inside Vault and signs it on the root mount path', () => {
    const res = synthTenant(tenantProps);
    expect(one(res, 'vault_mount')).toMatchObject({ path: 'tenants/patient-records/pki', type: 'pki', max_lease_ttl_seconds: 1095 * 86400 });
    expect(one(res, 'vault_pki_secret_backend_intermediate_cert_request')).toMatchObject({
      type: 'internal',
      common_name: 'patient-records Intermediate CA',
      key_type: 'ec',
      key_bits: 384,
    });
    const signed = one(res, 'vault_pki_secret_backend_root_sign_intermediate');
    expect(signed).toMatchObject({
      backend: 'pki-root',
      ttl: String(1095 * 86400),
      max_path_length: 0,
      permitted_dns_domains: ['moh.example.gov.my'],
      revoke: true,
    });
    expect(String(signed.csr)).toMatch(/^\$\{vault_pki_secret_backend_intermediate_cert_request\..+\.csr\}$/);
    const setSigned = one(res, 'vault_pki_secret_backend_intermediate_set_signed');
    expect(String(setSigned.certificate)).toMatch(/^\$\{vault_pki_secret_backend_root_sign_intermediate\..+\.certificate\}$/);
  });

  test('one server role limited to the agency domains', () => {
    const role = one(synthTenant({ ...tenantProps, domains: ['moh.example.gov.my', 'kkm.gov.my'] }), 'vault_pki_secret_backend_role');
    expect(role).toMatchObject({
      name: 'patient-records-server',
      allowed_domains: ['moh.example.gov.my', 'kkm.gov.my'],
      allow_subdomains: true,
      allow_bare_domains: false,
      allow_glob_domains: false,
      allow_any_name: false,
      allow_wildcard_certificates: false,
      enforce_hostnames: true,
      allow_ip_sans: false,
      allow_localhost: false,
      server_flag: true,
      client_flag: false,
      key_type: 'ec',
      key_bits: 384,
      // Seconds, as Vault reads it back: a "720h" would be a change on every plan.
      max_ttl: String(720 * 3600),
      no_store: false,
    });
    expect(role.depends_on).toEqual([expect.stringMatching(/^vault_pki_secret_backend_intermediate_set_signed\./)]);
  });

  test('honours paths, lifetimes and key choice', () => {
    const res = synthTenant({
      ...tenantProps,
      rootMountPath: 'pki/root-cyberjaya',
      mountPath: 'pki/pr',
      ttlDays: 365,
      leafMaxTtlHours: 2160,
      keyType: 'ed25519',
      keyBits: 0,
      commonName: 'PR CA',
    });
    expect(one(res, 'vault_pki_secret_backend_root_sign_intermediate')).toMatchObject({ backend: 'pki/root-cyberjaya', ttl: String(365 * 86400), common_name: 'PR CA' });
    expect(one(res, 'vault_mount')).toMatchObject({ path: 'pki/pr' });
    expect(one(res, 'vault_pki_secret_backend_role')).toMatchObject({ max_ttl: String(2160 * 3600), key_type: 'ed25519', key_bits: 0 });
  });

  describe('refuses invalid props', () => {
    test('wildcard and glob domains', () => {
      expect(() => synthTenant({ ...tenantProps, domains: ['*.moh.example.gov.my'] })).toThrow(/is a wildcard/);
      expect(() => synthTenant({ ...tenantProps, domains: ['moh.example.gov.{my,sg}'] })).toThrow(/glob characters/);
      expect(() => synthTenant({ ...tenantProps, domains: ['my'] })).toThrow(/at least two labels/);
      expect(() => synthTenant({ ...tenantProps, domains: ['Bad_Domain.gov.my'] })).toThrow(/not a valid DNS name/);
      expect(() => synthTenant({ ...tenantProps, domains: [] })).toThrow(/domains must not be empty/);
    });

    test('ec 224 and mismatched key sizes', () => {
      expect(() => synthTenant({ ...tenantProps, keyBits: 224 })).toThrow(/112-bit/);
      expect(() => synthTenant({ ...tenantProps, keyType: 'rsa', keyBits: 384 })).toThrow(/keyBits 384 is not valid for rsa/);
    });

    test('lifetimes above their bounds', () => {
      expect(() => synthTenant({ ...tenantProps, ttlDays: 3650 })).toThrow(/ttlDays \(3650\) must be shorter than rootTtlDays \(3650\)/);
      expect(() => synthTenant({ ...tenantProps, ttlDays: 400, rootTtlDays: 365 })).toThrow(/must be shorter than rootTtlDays/);
      expect(() => synthTenant({ ...tenantProps, leafMaxTtlHours: 2161 })).toThrow(/leafMaxTtlHours must be a whole number from 1 to 2160/);
      expect(() => synthTenant({ ...tenantProps, ttlDays: 30, leafMaxTtlHours: 720 })).toThrow(/must be shorter than the intermediate's lifetime/);
    });

    test('bad tenant and paths', () => {
      expect(() => synthTenant({ ...tenantProps, tenant: 'PR' })).toThrow(/tenant "PR" is not a DNS-1123 label/);
      expect(() => synthTenant({ ...tenantProps, rootMountPath: 'pki-root/' })).toThrow(/rootMountPath/);
      expect(() => synthTenant({ ...tenantProps, mountPath: 'pki-root' })).toThrow(/must differ from rootMountPath/);
    });
  });
});
