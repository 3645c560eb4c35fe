/**
 * The user's own servers instead of the kit's: Vault or OpenBao from VAULT_ADDR/VAULT_TOKEN
 * (VAULT_CACERT for a private CA) and a cluster from a kubeconfig context whose user has a bearer
 * token or a client certificate (exec plugins and auth providers are not run). docs/e2e.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { KubeClient } from './kube';
import { VaultClient } from './vault';

export interface OwnServers {
  readonly kubeconfig: string;
  readonly context: string;
  readonly kubeServer: string;
  /** The cluster's CA from the kubeconfig (what Vault needs to call TokenReview from outside the cluster). */
  readonly kubeCaPem: string;
  readonly kube: KubeClient;
  readonly vaultAddress: string;
  readonly vaultToken: string;
  readonly vaultCaFile?: string;
  readonly vault: VaultClient;
}

interface Kubeconfig {
  'current-context'?: string;
  contexts?: { name: string; context: { cluster: string; user: string } }[];
  clusters?: { name: string; cluster: { server: string; 'certificate-authority'?: string; 'certificate-authority-data'?: string } }[];
  users?: { name: string; user: { token?: string; 'client-certificate'?: string; 'client-certificate-data'?: string; 'client-key'?: string; 'client-key-data'?: string } }[];
}

/** True when the user asked for their own servers (VAULT_ADDR is set). */
export function wantsOwnServers(): boolean {
  return Boolean(process.env.VAULT_ADDR);
}

export function ownServers(): { servers?: OwnServers; missing: string[] } {
  const missing: string[] = [];
  const vaultAddress = process.env.VAULT_ADDR;
  const vaultToken = process.env.VAULT_TOKEN;
  if (!vaultAddress) missing.push('VAULT_ADDR (an https Vault or OpenBao address)');
  if (!vaultToken) missing.push('VAULT_TOKEN (a token allowed to mount engines, auth methods and audit devices)');
  const kubeconfig = resolve(process.env.KUBECONFIG?.split(':')[0] || join(homedir(), '.kube', 'config'));
  if (!existsSync(kubeconfig)) {
    missing.push(`a kubeconfig (KUBECONFIG or ~/.kube/config; ${kubeconfig} does not exist)`);
    return { missing };
  }
  const cfg = parse(readFileSync(kubeconfig, 'utf8')) as Kubeconfig;
  const context = process.env.SLZ_E2E_KUBE_CONTEXT ?? cfg['current-context'] ?? '';
  const ctx = cfg.contexts?.find((c) => c.name === context)?.context;
  const cluster = cfg.clusters?.find((c) => c.name === ctx?.cluster)?.cluster;
  const user = cfg.users?.find((u) => u.name === ctx?.user)?.user;
  if (!ctx || !cluster) missing.push(`context ${JSON.stringify(context)} with a cluster in ${kubeconfig}`);
  // kubeconfig convention: *-data is base64 PEM, the plain key is a path relative to the file.
  const pem = (data: string | undefined, path: string | undefined): string | undefined =>
    data ? Buffer.from(data, 'base64').toString('utf8') : path ? readFileSync(isAbsolute(path) ? path : join(dirname(kubeconfig), path), 'utf8') : undefined;
  const cert = pem(user?.['client-certificate-data'], user?.['client-certificate']);
  const key = pem(user?.['client-key-data'], user?.['client-key']);
  const credentials = user?.token ?? (cert && key ? { cert, key } : undefined);
  if (!credentials) missing.push(`a bearer token or client certificate for the user of context ${JSON.stringify(context)} (exec plugins are not run; kubectl create token makes a token)`);
  if (missing.length > 0 || !cluster || !credentials) return { missing };
  const ca = pem(cluster['certificate-authority-data'], cluster['certificate-authority']) ?? '';
  const vaultCaFile = process.env.VAULT_CACERT;
  return {
    missing,
    servers: {
      kubeconfig,
      context,
      kubeServer: cluster.server,
      kubeCaPem: ca,
      kube: new KubeClient(cluster.server, ca, credentials),
      vaultAddress: vaultAddress!,
      vaultToken: vaultToken!,
      ...(vaultCaFile ? { vaultCaFile } : {}),
      vault: new VaultClient(vaultAddress!, vaultCaFile ? readFileSync(vaultCaFile, 'utf8') : undefined, vaultToken),
    },
  };
}
