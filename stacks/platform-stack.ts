/**
 * Per region: Vault audit devices, the log forwarder, auth backends (Kubernetes for workloads,
 * OIDC for people) and the agency root CA. Applied first: tenancy stacks refer to its mounts by path.
 */
import { Policy } from '@cdktf/provider-vault/lib/policy';
import { TerraformResource, Token, type IResolveContext } from 'cdktf';
import type { Construct } from 'constructs';
import { AuditLogging } from '../constructs/audit-logging';
import { renderVaultPolicy } from '../constructs/common/vault-policy';
import { HumanAccess } from '../constructs/human-access';
import { LogForwarder } from '../constructs/log-forwarder';
import { AgencyRootCa } from '../constructs/pki-authority';
import { KubernetesAuthMount } from '../constructs/workload-identity';
import { hostOf } from '../src/landing-zone/net';
import { SovereignStack, type SovereignStackProps } from './sovereign-stack';

/** Mount paths the platform owns; tenancy stacks use the same literals. */
export const PLATFORM_PATHS = {
  kubernetesAuth: 'kubernetes',
  oidcAuth: 'oidc',
  pkiRoot: 'pki-root',
} as const;

/** Name of the operator policy bound to admin groups. */
export const OPERATOR_POLICY = 'slz-operator';

/** Default log shipper image (repository and tag), pulled from each region's own registry. */
export const DEFAULT_FORWARDER_IMAGE = 'fluent/fluent-bit:3.2';

export class PlatformStack extends SovereignStack {
  readonly kind = 'platform';
  /** `metadata.name` of the landing zone: tenancy stacks find their region's platform by it. */
  readonly landingZoneName: string;
  readonly audit: AuditLogging;
  readonly logForwarder: LogForwarder;
  readonly kubernetesAuth: KubernetesAuthMount;
  readonly humanAccess?: HumanAccess;
  readonly rootCa?: AgencyRootCa;

  constructor(scope: Construct, id: string, props: SovereignStackProps) {
    super(scope, id, props, ['kubernetes', 'vault']);
    const lz = props.landingZone;
    const spec = lz.spec;
    const region = this.region;
    this.landingZoneName = spec.metadata.name;
    const { host: sinkHost, port: sinkPort } = splitHostPort(spec.logging.sink.address);
    // Vault's socket device cannot speak TLS: it sends to the relay when one is declared.
    this.audit = new AuditLogging(this, 'audit', {
      filePath: spec.logging.auditFilePath,
      sink: splitHostPort(spec.logging.auditRelay ?? spec.logging.sink.address),
      dialect: region.vault.dialect,
    });

    this.logForwarder = new LogForwarder(this, 'log-forwarder', {
      image: `${region.kubernetes.imageRegistry}/${spec.logging.forwarderImage ?? DEFAULT_FORWARDER_IMAGE}`,
      registry: region.kubernetes.imageRegistry,
      sink: { type: spec.logging.sink.type, host: sinkHost, port: sinkPort },
      context: this.context,
      ...(spec.logging.sink.cidr && region.kubernetes.apiServerCidr
        ? { firewall: { inCountryCidrs: spec.network?.inCountryCidrs ?? [], sinkCidr: spec.logging.sink.cidr, apiServerCidr: region.kubernetes.apiServerCidr } }
        : {}),
    });

    const inCluster = region.vault.inCluster;
    this.kubernetesAuth = new KubernetesAuthMount(this, 'kubernetes-auth', {
      authPath: PLATFORM_PATHS.kubernetesAuth,
      // Vault inside the cluster reaches the API server at its service address; outside, at the cluster's host.
      kubernetesHost: inCluster ? 'https://kubernetes.default.svc' : (region.kubernetes.host ?? 'https://kubernetes.default.svc'),
      ...(region.vault.kubernetesCaPem && !inCluster ? { kubernetesCaCert: region.vault.kubernetesCaPem } : {}),
      ...(inCluster ? { vaultServiceAccount: { namespace: inCluster.namespace, name: inCluster.serviceAccount } } : {}),
    });

    const oidc = spec.identity?.oidc;
    if (oidc) {
      new Policy(this, 'operator-policy', { name: OPERATOR_POLICY, policy: operatorPolicy() });
      const admin = lz.jurisdiction.adminAccess;
      const requireMfa = admin.mfaRequiredFromOrdinal !== null && lz.ordinal >= admin.mfaRequiredFromOrdinal;
      const mfa = oidc.mfa ?? (requireMfa ? { claim: 'amr', values: ['mfa'] } : undefined);
      this.humanAccess = new HumanAccess(this, 'human-access', {
        path: PLATFORM_PATHS.oidcAuth,
        issuer: oidc.issuer,
        clientId: oidc.clientId,
        ...(oidc.discoveryCaPem ? { discoveryCaPem: oidc.discoveryCaPem } : {}),
        vaultAddress: region.vault.address,
        adminGroups: oidc.adminGroups.map((group, i) => ({ group, policies: [OPERATOR_POLICY], roleName: adminRoleName(group, i) })),
        userClaim: oidc.userClaim,
        groupsClaim: oidc.groupsClaim,
        ...(mfa ? { mfa } : {}),
        requireMfa,
        tokenBoundCidrs: spec.network?.adminCidrs ?? spec.network?.inCountryCidrs ?? [],
        requireInCountryAdmin: admin.inCountryOnlyFromOrdinal !== null && lz.ordinal >= admin.inCountryOnlyFromOrdinal,
      });
    }

    this.source(this.audit, '/logging');
    this.source(this.logForwarder, '/logging');
    if (spec.logging.forwarderImage) this.source(this.logForwarder.node.tryFindChild('DaemonSet'), '/logging/forwarderImage');
    this.source(this.kubernetesAuth, `/regions/${props.regionIndex}/vault`);
    this.source(this.humanAccess, '/identity/oidc');
    this.source(this.node.tryFindChild('operator-policy'), '/identity/oidc');

    if (spec.pki) {
      this.rootCa = new AgencyRootCa(this, 'root-ca', {
        mountPath: PLATFORM_PATHS.pkiRoot,
        commonName: `${spec.metadata.agency} Root CA ${region.name}`,
        organization: spec.metadata.agency,
        country: lz.jurisdiction.countryCode,
        keyType: spec.pki.keyType,
        keyBits: spec.pki.keyBits,
        ttlDays: spec.pki.rootTtlDays,
      });
      this.source(this.rootCa, '/pki');
    }
  }

  override prepareStack(): void {
    // Every other Vault write of the region waits for the audit devices: Vault logs no request
    // made before a device exists (and one enabled concurrently races its own setup), so auth
    // backends, policies and the root CA are created only once they are audited.
    const devices = [this.audit.fileDevice, this.audit.socketDevice].filter((d): d is NonNullable<typeof d> => d !== undefined);
    if (devices.length > 0) {
      for (const c of this.node.findAll()) {
        if (c instanceof TerraformResource && c.terraformResourceType.startsWith('vault_') && c.terraformResourceType !== 'vault_audit') {
          c.dependsOn = [...(c.dependsOn ?? []), ...devices.map(dependencyOn)];
        }
      }
    }
    super.prepareStack();
  }

  protected reads(): readonly string[] {
    // The forwarder lists every tenant namespace of the region: adding or removing a tenant re-applies this stack.
    return ['logging', 'identity', 'pki', 'network', ...this.logForwarder.tenantNamespaces.map((t) => `tenants/${t}`)];
  }
}

/**
 * A `depends_on` entry for a resource, as cdktf writes its own (`type.name`, no `${}`: Terraform
 * refuses an expression there). cdktf does not export the helper its constructors use.
 */
function dependencyOn(resource: TerraformResource): string {
  return Token.asString({
    creationStack: [],
    resolve: (context: IResolveContext) => {
      context.suppressBraces = true;
      return resource.fqn;
    },
    toString: () => resource.fqn,
  });
}

/**
 * What administrators may do through Vault: inspect mounts, auth methods, policies, audit devices
 * and key metadata. Never encrypt, decrypt or read secrets: people administer, workloads use keys.
 */
export function operatorPolicy(): string {
  return renderVaultPolicy([
    { path: 'sys/mounts', capabilities: ['read'] },
    { path: 'sys/auth', capabilities: ['read'] },
    { path: 'sys/policies/acl', capabilities: ['list'] },
    { path: 'sys/policies/acl/*', capabilities: ['read'] },
    { path: 'sys/audit', capabilities: ['read', 'sudo'], comment: 'listing audit devices needs sudo' },
    { path: 'tenants/+/transit/keys', capabilities: ['list'] },
    { path: 'tenants/+/transit/keys/*', capabilities: ['read'] },
  ]);
}

/** Vault role names are path segments: group names like "CN=Admins,OU=…" need a slug. */
export function adminRoleName(group: string, index: number): string {
  const slug = group.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '');
  return slug ? `admin-${slug}` : `admin-${index}`;
}

export function splitHostPort(address: string): { host: string; port: number } {
  const host = hostOf(address);
  const port = Number(/:(\d+)$/.exec(address)?.[1]);
  if (!host || !Number.isInteger(port)) throw new Error(`not host:port: ${address}`);
  return { host, port };
}
