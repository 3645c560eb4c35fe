import { Testing } from 'cdktf';
import { HumanAccess, type HumanAccessProps } from '../../constructs/human-access';

type Resources = Record<string, Record<string, Record<string, unknown>>>;
interface Synth {
  readonly json: string;
  readonly resource: Resources;
  readonly variable: Record<string, Record<string, unknown>>;
}

function synth(props: HumanAccessProps): Synth {
  const json = Testing.synthScope((s) => void new HumanAccess(s, 'humans', props));
  const parsed = JSON.parse(json) as { resource: Resources; variable: Record<string, Record<string, unknown>> };
  return { json, resource: parsed.resource, variable: parsed.variable };
}

function roles(s: Synth): Record<string, unknown>[] {
  return Object.values(s.resource['vault_jwt_auth_backend_role'] ?? {});
}

const props: HumanAccessProps = {
  issuer: 'https://id.example.gov.my',
  clientId: 'slz-vault',
  vaultAddress: 'https://vault.cyberjaya.example.gov.my:8200',
  adminGroups: [
    { group: 'moh-platform', policies: ['platform-admin'] },
    { group: 'MOH Security', roleName: 'moh-security', policies: ['audit-reader', 'pki-admin'] },
  ],
  mfa: { claim: 'amr', values: ['mfa', 'hwk'] },
  requireMfa: true,
  tokenBoundCidrs: ['10.10.0.0/16', 'fd00:10::/32'],
  requireInCountryAdmin: true,
};

describe('HumanAccess', () => {
  test('an OIDC mount whose client secret goes write-only from a sensitive, ephemeral variable without default', () => {
    const s = synth(props);
    const backends = Object.values(s.resource['vault_jwt_auth_backend'] ?? {});
    expect(backends).toEqual([
      expect.objectContaining({
        type: 'oidc',
        path: 'oidc',
        oidc_discovery_url: 'https://id.example.gov.my',
        bound_issuer: 'https://id.example.gov.my',
        oidc_client_id: 'slz-vault',
        oidc_client_secret_wo: '${var.oidc_client_secret}',
        oidc_client_secret_wo_version: '${var.oidc_client_secret_version}',
      }),
    ]);
    expect(backends[0]).not.toHaveProperty('oidc_client_secret');
    expect(s.variable['oidc_client_secret']).toMatchObject({ type: 'string', sensitive: true, ephemeral: true, nullable: false });
    expect(s.variable['oidc_client_secret']).not.toHaveProperty('default');
    expect(s.variable['oidc_client_secret_version']).toMatchObject({ type: 'number', default: 1 });
  });

  test('trusts the discovery CA it is given, and refuses what is not a PEM certificate', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    expect(Object.values(synth({ ...props, discoveryCaPem: pem }).resource['vault_jwt_auth_backend'] ?? {})[0]).toMatchObject({ oidc_discovery_ca_pem: pem });
    expect(Object.values(synth(props).resource['vault_jwt_auth_backend'] ?? {})[0]).not.toHaveProperty('oidc_discovery_ca_pem');
    expect(() => synth({ ...props, discoveryCaPem: 'not a pem' })).toThrow(/discoveryCaPem must be one or more PEM certificates/);
  });

  test('no secret value can reach the synthesized JSON', () => {
    // Even a caller that smuggles a secret into the props cannot get it written out.
    const leaky = { ...props, clientSecret: 'S3cr3t-value', oidcClientSecret: 'S3cr3t-value' } as HumanAccessProps;
    const s = synth(leaky);
    expect(s.json).not.toContain('S3cr3t-value');
    // Only the rotation counter has a default; the secret variable never does.
    for (const [name, v] of Object.entries(s.variable)) if (name !== 'oidc_client_secret_version') expect(v).not.toHaveProperty('default');
    expect(s.variable['oidc_client_secret']).not.toHaveProperty('default');
  });

  test('one role per admin group requiring the group AND the MFA claim', () => {
    const rs = roles(synth(props));
    expect(rs).toHaveLength(2);
    const platform = rs.find((r) => r.role_name === 'moh-platform');
    expect(platform).toEqual(
      expect.objectContaining({
        role_type: 'oidc',
        user_claim: 'sub',
        groups_claim: 'groups',
        bound_audiences: ['slz-vault'],
        bound_claims: { groups: 'moh-platform', amr: 'mfa,hwk' },
        bound_claims_type: 'string',
        disable_bound_claims_parsing: false,
        token_policies: ['platform-admin'],
        token_bound_cidrs: ['10.10.0.0/16', 'fd00:10::/32'],
        token_ttl: 3600,
        token_max_ttl: 3600,
        verbose_oidc_logging: false,
        allowed_redirect_uris: [
          'https://vault.cyberjaya.example.gov.my:8200/ui/vault/auth/oidc/oidc/callback',
          'http://localhost:8250/oidc/callback',
        ],
      }),
    );
    expect(String(platform!.backend)).toMatch(/^\$\{vault_jwt_auth_backend\..+\.path\}$/);
    const security = rs.find((r) => r.role_name === 'moh-security');
    expect(security).toMatchObject({ bound_claims: { groups: 'MOH Security', amr: 'mfa,hwk' }, token_policies: ['audit-reader', 'pki-admin'] });
  });

  test('honours path, claims, TTL and variable name; omits MFA and CIDRs when not required', () => {
    const s = synth({
      ...props,
      path: 'oidc/admins',
      vaultAddress: 'https://vault.example.gov.my/',
      userClaim: 'email',
      groupsClaim: 'roles',
      mfa: undefined,
      requireMfa: false,
      tokenBoundCidrs: [],
      requireInCountryAdmin: false,
      tokenTtlSeconds: 28800,
      clientSecretVariableName: 'cyberjaya_oidc_secret',
    });
    const r = roles(s)[0]!;
    expect(r).toMatchObject({
      user_claim: 'email',
      groups_claim: 'roles',
      bound_claims: { roles: 'moh-platform' },
      token_ttl: 28800,
      allowed_redirect_uris: ['https://vault.example.gov.my/ui/vault/auth/oidc/admins/oidc/callback', 'http://localhost:8250/oidc/callback'],
    });
    expect(r).not.toHaveProperty('token_bound_cidrs');
    expect(Object.values(s.resource['vault_jwt_auth_backend'] ?? {})[0]).toMatchObject({ oidc_client_secret_wo: '${var.cyberjaya_oidc_secret}', oidc_client_secret_wo_version: '${var.cyberjaya_oidc_secret_version}' });
  });

  describe('refuses invalid props', () => {
    test('MFA required without an MFA claim', () => {
      expect(() => synth({ ...props, mfa: undefined })).toThrow(/requireMfa is true but no mfa claim/);
    });

    test('in-country admin required with no admin CIDRs', () => {
      expect(() => synth({ ...props, tokenBoundCidrs: [] })).toThrow(/tokenBoundCidrs is empty/);
    });

    test('CIDRs that do not parse, cover everything or have host bits', () => {
      expect(() => synth({ ...props, tokenBoundCidrs: ['10.0.0.0'] })).toThrow(/"10.0.0.0" is not a CIDR/);
      expect(() => synth({ ...props, tokenBoundCidrs: ['10.0.0.0/33'] })).toThrow(/prefix longer than \/32/);
      expect(() => synth({ ...props, tokenBoundCidrs: ['0.0.0.0/0'] })).toThrow(/every network/);
      expect(() => synth({ ...props, tokenBoundCidrs: ['10.1.2.3/8'] })).toThrow(/did you mean 10.0.0.0\/8/);
    });

    test('insecure URLs and TTL above the maximum', () => {
      expect(() => synth({ ...props, issuer: 'http://id.example.gov.my' })).toThrow(/issuer/);
      expect(() => synth({ ...props, issuer: 'https://id.example.gov.my/.well-known/openid-configuration' })).toThrow(/well-known/);
      expect(() => synth({ ...props, vaultAddress: 'vault.example.gov.my' })).toThrow(/vaultAddress/);
      expect(() => synth({ ...props, tokenTtlSeconds: 28801 })).toThrow(/tokenTtlSeconds must be a whole number from 300 to 28800/);
    });

    test('bad groups, role names, policies and MFA values', () => {
      expect(() => synth({ ...props, adminGroups: [] })).toThrow(/adminGroups must not be empty/);
      expect(() => synth({ ...props, adminGroups: [{ group: 'MOH Security', policies: ['p'] }] })).toThrow(/set roleName/);
      expect(() => synth({ ...props, adminGroups: [{ group: 'a,b', roleName: 'ab', policies: ['p'] }] })).toThrow(/without commas/);
      expect(() => synth({ ...props, adminGroups: [{ group: 'ops', policies: ['root'] }] })).toThrow(/must not list "root"/);
      expect(() => synth({ ...props, mfa: { claim: 'amr', values: ['mfa,otp'] } })).toThrow(/mfa\.values/);
      expect(() => synth({ ...props, mfa: { claim: 'groups', values: ['mfa'] } })).toThrow(/must differ from groupsClaim/);
    });
  });
});
