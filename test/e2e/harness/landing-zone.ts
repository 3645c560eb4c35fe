/**
 * A landing-zone document pointed at the kit's servers, and the resources of a synthesized tree:
 * what the suites that apply or send examples to the servers share.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Servers } from './servers';

type Json = Record<string, unknown>;

/** The parts of a landing-zone document the kit replaces. */
export interface KitTarget {
  regions: { kubernetes: Json; vault: Json }[];
  network?: { inCountryCidrs?: string[] };
  logging: Json;
}

/**
 * Points the first region at the kit's apiserver and Vault (Vault outside the cluster, on
 * loopback: its network and the cluster CA, as KT-NP4 and external Kubernetes auth need), counts
 * loopback as in-country, and sends audit to the kit's relay and to `auditDir/vault-audit.log`.
 */
export function pointAtKit<T extends KitTarget>(spec: T, s: Servers, auditDir: string): T {
  const region = spec.regions[0]!;
  region.kubernetes = { ...region.kubernetes, host: s.kubernetes.server, context: s.kubernetes.context, configPath: s.kubernetes.kubeconfig, apiServerCidr: '127.0.0.1/32' };
  const { inCluster: _inCluster, ...vault } = region.vault;
  region.vault = { ...vault, address: s.vault.address, cidr: '127.0.0.1/32', kubernetesCaPem: s.kubernetes.caPem };
  spec.network = { ...spec.network, inCountryCidrs: [...(spec.network?.inCountryCidrs ?? []), '127.0.0.0/8'] };
  spec.logging = { ...spec.logging, auditRelay: s.audit.address, auditFilePath: join(auditDir, 'vault-audit.log') };
  return spec;
}

/** Every resource of one type in a synthesized tree, with its stack and logical name. */
export function stackResources(out: string, type: string): { stack: string; name: string; body: Json }[] {
  const found: { stack: string; name: string; body: Json }[] = [];
  for (const stack of readdirSync(join(out, 'stacks')).sort()) {
    const json = JSON.parse(readFileSync(join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as { resource?: Record<string, Record<string, Json>> };
    for (const [name, body] of Object.entries(json.resource?.[type] ?? {})) found.push({ stack, name, body });
  }
  return found;
}
