/**
 * Human login to one region's Vault through the national identity provider (OIDC), for admin
 * groups only, with MFA and in-country admin networks enforced in the role (controls 17–19;
 * rules SB-IAM1, SB-IAM2, SB-NET1).
 */
import { JwtAuthBackend } from '@cdktf/provider-vault/lib/jwt-auth-backend';
import { JwtAuthBackendRole } from '@cdktf/provider-vault/lib/jwt-auth-backend-role';
import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { parseCidr } from '../../src/landing-zone/net';
import { isPlainHttpsUrl, PropChecker } from '../common/validate';

const MOUNT_PATH = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/;
const POLICY_NAME = /^[a-z0-9][a-z0-9._-]{0,127}$/;
const CLAIM_NAME = /^[A-Za-z0-9_:/.-]{1,128}$/;
const TF_VARIABLE_NAME = /^[a-z_][a-z0-9_]{0,63}$/;

/** The CLI's fixed local callback (`vault login -method=oidc`). */
export const VAULT_CLI_CALLBACK = 'http://localhost:8250/oidc/callback';

/** An identity-provider group whose members may administer Vault. */
export interface AdminGroup {
  /** Group name exactly as the identity provider puts it in the groups claim (no commas). */
  readonly group: string;
  /** Vault policies the group's tokens carry; never `root`. */
  readonly policies: readonly string[];
  /**
   * Vault role name (DNS-1123 label).
   * @default the group name, which must then be a DNS-1123 label
   */
  readonly roleName?: string;
}

/** The claim that proves a multi-factor login, e.g. `{ claim: 'amr', values: ['mfa'] }`. */
export interface MfaClaim {
  /** Claim name, e.g. `amr` or `acr`. */
  readonly claim: string;
  /** Accepted values; the login passes when the claim contains any of them (no commas). */
  readonly values: readonly string[];
}

export interface HumanAccessProps {
  /**
   * Mount path of the OIDC auth method.
   * @default 'oidc'
   */
  readonly path?: string;
  /** Issuer URL of the identity provider (https), without `/.well-known/…`; must equal the tokens' `iss`. */
  readonly issuer: string;
  /** OIDC client id registered for Vault. */
  readonly clientId: string;
  /** Vault's public address (https), for the UI callback URL. */
  readonly vaultAddress: string;
  /** One role per admin group. */
  readonly adminGroups: readonly AdminGroup[];
  /**
   * Claim that names the user.
   * @default 'sub'
   */
  readonly userClaim?: string;
  /**
   * Claim that lists the user's groups.
   * @default 'groups'
   */
  readonly groupsClaim?: string;
  /**
   * MFA claim every role requires, in addition to the group.
   * @default none
   */
  readonly mfa?: MfaClaim;
  /** Whether the jurisdiction requires MFA for admins; true without `mfa` is refused. */
  readonly requireMfa: boolean;
  /** Admin networks (CIDRs) Vault binds admin tokens to. */
  readonly tokenBoundCidrs: readonly string[];
  /** Whether administration must come from in-country networks; true with no CIDRs is refused. */
  readonly requireInCountryAdmin: boolean;
  /**
   * Token TTL in seconds, from 300 to 28800; also the maximum (no renewal past it, so a new
   * login, with MFA, is needed).
   * @default 3600
   */
  readonly tokenTtlSeconds?: number;
  /**
   * Name of the Terraform variable that receives the OIDC client secret at apply time. The
   * variable is sensitive and ephemeral, and the secret goes to Vault through the write-only
   * `oidc_client_secret_wo`: it is in neither plan nor state (Terraform/OpenTofu ≥ 1.11,
   * provider ≥ 5.7). `<name>_version` (default 1) is bumped to send a rotated secret.
   * @default 'oidc_client_secret'
   */
  readonly clientSecretVariableName?: string;
  /**
   * CA certificate(s), PEM, Vault trusts when it fetches the issuer's discovery document — which
   * it does during apply, so Vault must reach the issuer then.
   * @default Vault's system trust store
   */
  readonly discoveryCaPem?: string;
}

/** OIDC login for administrators, per region. */
export class HumanAccess extends Construct {
  readonly path: string;
  readonly backend: JwtAuthBackend;
  /** Sensitive, ephemeral, default-less variable holding the client secret (set `TF_VAR_<name>`). */
  readonly clientSecret: TerraformVariable;
  /** Version of the secret sent (default 1): bump it with the new secret to rotate. */
  readonly clientSecretVersion: TerraformVariable;
  readonly roles: readonly JwtAuthBackendRole[];

  constructor(scope: Construct, id: string, props: HumanAccessProps) {
    super(scope, id);
    const path = props.path ?? 'oidc';
    const userClaim = props.userClaim ?? 'sub';
    const groupsClaim = props.groupsClaim ?? 'groups';
    const ttl = props.tokenTtlSeconds ?? 3600;
    const variableName = props.clientSecretVariableName ?? 'oidc_client_secret';

    const c = new PropChecker('HumanAccess');
    c.check(MOUNT_PATH.test(path), `path "${path}" must be a mount path of lower-case segments (no leading/trailing "/", no globs)`);
    c.check(isPlainHttpsUrl(props.issuer) && !props.issuer.includes('/.well-known'), `issuer "${props.issuer}" must be an https URL without credentials, query, fragment or /.well-known part`);
    c.check(isPlainHttpsUrl(props.vaultAddress), `vaultAddress "${props.vaultAddress}" must be an https URL without credentials, query or fragment`);
    c.check(/^[\x21-\x7e]{1,256}$/.test(props.clientId), 'clientId must be 1 to 256 visible characters');
    c.check(CLAIM_NAME.test(userClaim), `userClaim "${userClaim}" is not a claim name`);
    c.check(CLAIM_NAME.test(groupsClaim), `groupsClaim "${groupsClaim}" is not a claim name`);
    c.check(TF_VARIABLE_NAME.test(variableName), `clientSecretVariableName "${variableName}" is not a Terraform variable name`);
    c.intRange('tokenTtlSeconds', ttl, 300, 28800);
    if (props.discoveryCaPem !== undefined) {
      c.check(/^\s*(-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\s*)+$/.test(props.discoveryCaPem), 'discoveryCaPem must be one or more PEM certificates');
    }

    c.check(!props.requireMfa || props.mfa !== undefined, 'requireMfa is true but no mfa claim is given: set mfa, e.g. { claim: "amr", values: ["mfa"] }');
    if (props.mfa) {
      c.check(CLAIM_NAME.test(props.mfa.claim), `mfa.claim "${props.mfa.claim}" is not a claim name`);
      // bound_claims is a map: the same key cannot hold both the group and the MFA values.
      c.check(props.mfa.claim !== groupsClaim, `mfa.claim must differ from groupsClaim ("${groupsClaim}")`);
      c.nonEmpty('mfa.values', props.mfa.values);
      for (const v of props.mfa.values) c.check(isClaimValue(v), `mfa.values has ${JSON.stringify(v)}: values must be non-empty, without commas or surrounding spaces`);
    }

    c.check(!props.requireInCountryAdmin || props.tokenBoundCidrs.length > 0, 'requireInCountryAdmin is true but tokenBoundCidrs is empty: list the in-country admin networks');
    c.unique('tokenBoundCidrs', props.tokenBoundCidrs);
    for (const cidr of props.tokenBoundCidrs) {
      const problem = cidrProblem(cidr);
      c.check(problem === undefined, `tokenBoundCidrs has "${cidr}": ${problem}`);
    }

    c.nonEmpty('adminGroups', props.adminGroups);
    const roleNames = props.adminGroups.map((g) => g.roleName ?? g.group);
    c.unique('adminGroups[].roleName', roleNames);
    props.adminGroups.forEach((g, i) => {
      const at = `adminGroups[${i}]`;
      c.check(isClaimValue(g.group), `${at}.group ${JSON.stringify(g.group)} must be non-empty, without commas or surrounding spaces`);
      c.dnsLabel(g.roleName === undefined ? `${at}.group (used as role name; set roleName)` : `${at}.roleName`, roleNames[i]);
      c.nonEmpty(`${at}.policies`, g.policies);
      for (const p of g.policies) {
        c.check(POLICY_NAME.test(p), `${at}.policies has "${p}", which is not a policy name (lower-case letters, digits, ".", "_", "-"; no globs)`);
        c.check(p !== 'root', `${at}.policies must not list "root"`);
      }
    });
    c.throwIfAny();

    this.path = path;
    this.clientSecret = new TerraformVariable(this, 'client-secret', {
      type: 'string',
      description: 'OIDC client secret of Vault at the identity provider; pass it as TF_VAR_' + variableName + ' at apply time.',
      // No default: a secret must never be written into the synthesized JSON.
      sensitive: true,
      nullable: false,
    });
    this.clientSecret.overrideLogicalId(variableName);
    // Ephemeral: the value is needed at plan and apply and kept in neither (cdktf 0.21 has no field for it).
    this.clientSecret.addOverride('ephemeral', true);
    this.clientSecretVersion = new TerraformVariable(this, 'client-secret-version', {
      type: 'number',
      description: `Version of the OIDC client secret sent to Vault; set TF_VAR_${variableName}_version to a higher number together with a new TF_VAR_${variableName} to rotate it.`,
      default: 1,
      nullable: false,
    });
    this.clientSecretVersion.overrideLogicalId(`${variableName}_version`);

    this.backend = new JwtAuthBackend(this, 'backend', {
      type: 'oidc',
      path,
      description: 'Administrator login through the national identity provider',
      oidcDiscoveryUrl: props.issuer,
      boundIssuer: props.issuer,
      oidcClientId: props.clientId,
      ...(props.discoveryCaPem ? { oidcDiscoveryCaPem: props.discoveryCaPem } : {}),
    });
    // Write-only (provider ≥ 5.7): sent to Vault on create and whenever the version changes, never stored.
    this.backend.addOverride('oidc_client_secret_wo', this.clientSecret.stringValue);
    this.backend.addOverride('oidc_client_secret_wo_version', this.clientSecretVersion.numberValue);

    const uiCallback = `${props.vaultAddress.replace(/\/+$/, '')}/ui/vault/auth/${path}/oidc/callback`;
    this.roles = props.adminGroups.map((g, i) => {
      // Keys are ANDed, values within a key ORed (vault-plugin-auth-jwt validateBoundClaims);
      // the provider turns a comma-separated value into that list.
      const boundClaims: Record<string, string> = { [groupsClaim]: g.group };
      if (props.mfa) boundClaims[props.mfa.claim] = props.mfa.values.join(',');
      return new JwtAuthBackendRole(this, `role-${roleNames[i]}`, {
        backend: this.backend.path,
        roleName: roleNames[i]!,
        roleType: 'oidc',
        userClaim,
        groupsClaim,
        boundAudiences: [props.clientId],
        boundClaims,
        // Exact matching: a glob would let group "admins-x" satisfy "admins*".
        boundClaimsType: 'string',
        disableBoundClaimsParsing: false,
        allowedRedirectUris: [uiCallback, VAULT_CLI_CALLBACK],
        tokenPolicies: [...g.policies],
        tokenTtl: ttl,
        tokenMaxTtl: ttl,
        tokenBoundCidrs: props.tokenBoundCidrs.length > 0 ? [...props.tokenBoundCidrs] : undefined,
        // Debug logging of ID tokens would copy personal data and claims into server logs.
        verboseOidcLogging: false,
      });
    });
  }
}

function isClaimValue(v: string): boolean {
  return v.length > 0 && !v.includes(',') && v.trim() === v;
}

function cidrProblem(text: string): string | undefined {
  const parsed = parseCidr(text);
  if ('error' in parsed) return `${parsed.error} (${parsed.hint})`;
  if (parsed.prefix === 0) return 'a /0 binds the token to every network';
  return undefined;
}
