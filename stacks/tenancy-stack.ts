/** Per tenant × region: namespace, firewall, keys, PKI intermediate and workload identities. */
import type { Construct } from 'constructs';
import { KeyManagement } from '../constructs/key-management';
import { NetworkFirewall } from '../constructs/network-firewall';
import { PkiAuthority } from '../constructs/pki-authority';
import { TenantNamespace } from '../constructs/tenant-namespace';
import { WorkloadIdentity } from '../constructs/workload-identity';
import { KEY_CATEGORY_OF_PURPOSE } from '../src/jurisdictions/algorithms';
import type { KeyCategory } from '../src/jurisdictions/types';
import type { Tenant } from '../src/landing-zone/schema';
import { PLATFORM_PATHS, PlatformStack } from './platform-stack';
import { SovereignStack, type SovereignStackProps } from './sovereign-stack';

export interface TenancyStackProps extends SovereignStackProps {
  readonly tenant: Tenant;
}


/** Name of the egress rule (and `allow-egress-<name>` policy) towards the region's Vault; reserved in network.egress. */
export const VAULT_EGRESS = 'vault';

/** The TCP port of an https URL: its own, else 443. */
export function portOf(url: string): number {
  const u = new URL(url);
  return u.port ? Number(u.port) : 443;
}

/**
 * The platform stacks found in a scope, by landing zone and region. A thousand tenancy stacks each
 * looking through the scope's children (a fresh array per read) cost a million steps; constructs
 * are never removed, so a stack once found stays, and a miss looks again.
 */
const platformsIn = new WeakMap<Construct, Map<string, PlatformStack>>();

function platformOf(scope: Construct, landingZoneName: string, region: string): PlatformStack | undefined {
  const key = `${landingZoneName}\u0000${region}`;
  let found = platformsIn.get(scope);
  if (!found?.has(key)) {
    found = new Map();
    for (const c of scope.node.children) if (c instanceof PlatformStack && !found.has(`${c.landingZoneName}\u0000${c.region.name}`)) found.set(`${c.landingZoneName}\u0000${c.region.name}`, c);
    platformsIn.set(scope, found);
  }
  return found.get(key);
}

/** Adds a tenant's namespace to the log forwarder of its region's platform stack in `scope`, when that stack is there. */
export function shipTenantLogs(scope: Construct, landingZoneName: string, region: string, tenant: string): void {
  platformOf(scope, landingZoneName, region)?.logForwarder.addTenantNamespace(tenant);
}

export class TenancyStack extends SovereignStack {
  readonly kind = 'tenancy';
  readonly tenant: Tenant;
  readonly namespace: TenantNamespace;
  readonly firewall: NetworkFirewall;
  readonly keys: KeyManagement;
  readonly pki?: PkiAuthority;
  /** Kubernetes auth roles of the tenant's workloads; absent when it declares none. */
  readonly identity?: WorkloadIdentity;
  private readonly landingZoneNetwork: TenancyStackProps['landingZone']['spec']['network'];

  constructor(scope: Construct, id: string, props: TenancyStackProps) {
    super(scope, id, props, ['kubernetes', 'vault']);
    const lz = props.landingZone;
    const spec = lz.spec;
    const tenant = props.tenant;
    this.tenant = tenant;
    const network = spec.network;
    this.landingZoneNetwork = network;

    // The region's log forwarder ships this namespace too, whether the tenant came from the file or from code.
    shipTenantLogs(scope, spec.metadata.name, this.region.name, tenant.name);

    this.namespace = new TenantNamespace(this, 'namespace', {
      name: tenant.name,
      context: this.context,
      quota: tenant.quota,
      serviceAccounts: tenant.workloads.map((w) => w.serviceAccount),
      ...(tenant.access ? { access: tenant.access } : {}),
    });

    const dns = this.region.kubernetes.dns;
    this.firewall = new NetworkFirewall(this, 'firewall', {
      namespace: this.namespace.namespaceName,
      inCountryCidrs: network?.inCountryCidrs ?? [],
      egress: (network?.egress ?? [])
        .filter((e) => tenant.egress.includes(e.name))
        .map((e) => ({ name: e.name, cidr: e.cidr, ports: e.ports.map((port) => ({ port, protocol: e.protocol })) })),
      ingress: (network?.ingress ?? [])
        .filter((i) => tenant.ingress.includes(i.name))
        .map((i) => ({ name: i.name, cidr: i.cidr, ports: i.ports.map((port) => ({ port, protocol: i.protocol })) })),
      ...(dns ? { dns: { namespace: dns.namespace, podLabels: dns.podLabels } } : {}),
      context: this.context,
    });

    const cryptoperiods = lz.jurisdiction.crypto.maxCryptoperiodDays;
    const purposes = tenant.keys.length > 0 ? tenant.keys.map((k) => KEY_CATEGORY_OF_PURPOSE[k.purpose]) : (['dataEncryption'] as KeyCategory[]);
    this.keys = new KeyManagement(this, 'keys', {
      tenant: tenant.name,
      keys: tenant.keys.map((k) => ({
        name: k.name,
        type: k.algorithm,
        purpose: k.purpose,
        rotateDays: k.rotateDays,
        ...(k.parameterSet ? { parameterSet: k.parameterSet } : {}),
        ...(k.hybridKeyTypeEc ? { hybridKeyTypeEc: k.hybridKeyTypeEc } : {}),
        ...(k.keySize !== undefined ? { keySize: k.keySize } : {}),
      })),
      // Spec validation already held each key to its own purpose's cryptoperiod.
      maxRotateDays: Math.max(...purposes.map((p) => cryptoperiods[p])),
      dialect: this.region.vault.dialect,
      edition: this.region.vault.edition,
      ...(this.region.vault.version ? { version: this.region.vault.version } : {}),
      workloads: tenant.workloads.map((w) => ({ serviceAccount: w.serviceAccount, keys: w.keys, kv: w.kv })),
    });

    if (spec.pki) {
      this.pki = new PkiAuthority(this, 'pki', {
        tenant: tenant.name,
        rootMountPath: PLATFORM_PATHS.pkiRoot,
        domains: spec.pki.domains,
        keyType: spec.pki.keyType,
        keyBits: spec.pki.keyBits,
        ttlDays: spec.pki.intermediateTtlDays,
        rootTtlDays: spec.pki.rootTtlDays,
        leafMaxTtlHours: spec.pki.leafMaxTtlHours,
      });
    }

    if (tenant.workloads.length > 0) {
      // Every login, encrypt, sign and secret read goes to Vault: the default-deny egress must let it through.
      const vault = this.region.vault;
      const ports = [{ port: portOf(vault.address), protocol: 'TCP' as const }];
      if (vault.inCluster) this.firewall.allowEgressToPods({ name: VAULT_EGRESS, namespace: vault.inCluster.namespace, podLabels: vault.inCluster.podLabels, ports });
      else if (vault.cidr) this.firewall.allowEgress({ name: VAULT_EGRESS, cidr: vault.cidr, ports });
    }

    if (tenant.workloads.length > 0) this.identity = new WorkloadIdentity(this, 'workload-identity', {
      clientTokenReview: !this.region.vault.inCluster,
      authPath: PLATFORM_PATHS.kubernetesAuth,
      tenant: tenant.name,
      namespace: tenant.name,
      bindings: tenant.workloads.map((w) => ({ serviceAccount: w.serviceAccount, policies: [this.keys.policyNameFor(w.serviceAccount)] })),
    });
    this.recordSources(spec.tenants.indexOf(tenant), props.regionIndex);
  }

  /** Where each construct comes from in the file; a tenant added in code (not in the file) has none. */
  private recordSources(index: number, regionIndex: number): void {
    if (index < 0) return;
    const t = `/tenants/${index}`;
    const tenant = this.tenant;
    const network = this.landingZoneNetwork;
    this.source('', t);
    this.source(this.namespace, t);
    this.source(this.namespace.node.tryFindChild('Quota'), `${t}/quota`);
    this.source(this.namespace.node.tryFindChild('Limits'), `${t}/quota`);
    for (const [tier, role] of Object.entries(this.namespace.roles)) {
      this.source(role, `${t}/access`);
      this.source(this.namespace.node.tryFindChild(`RoleBinding-${tier}`), `${t}/access`);
    }
    this.source(this.firewall, network ? '/network' : t);
    (network?.egress ?? []).forEach((e, i) => this.source(this.firewall.node.tryFindChild(`AllowEgress-${e.name}`), `/network/egress/${i}`));
    (network?.ingress ?? []).forEach((e, i) => this.source(this.firewall.node.tryFindChild(`AllowIngress-${e.name}`), `/network/ingress/${i}`));
    this.source(this.firewall.node.tryFindChild(`AllowEgress-${VAULT_EGRESS}`), `/regions/${regionIndex}/vault`);
    this.source(this.keys, tenant.keys.length ? `${t}/keys` : t);
    tenant.keys.forEach((k, i) => this.source(this.keys.node.tryFindChild(`key-${k.name}`), `${t}/keys/${i}`));
    tenant.workloads.forEach((w, i) => {
      this.source(this.namespace.serviceAccounts[w.serviceAccount], `${t}/workloads/${i}`);
      this.source(this.keys.node.tryFindChild(`policy-${w.serviceAccount}`), `${t}/workloads/${i}`);
      this.source(this.identity?.node.tryFindChild(`role-${w.serviceAccount}`), `${t}/workloads/${i}`);
    });
    this.source(this.identity, `${t}/workloads`);
    this.source(this.pki, '/pki');
  }

  protected reads(): readonly string[] {
    return [`tenants/${this.tenant.name}`, 'network', 'pki'];
  }

  protected override tenantName(): string {
    return this.tenant.name;
  }
}
