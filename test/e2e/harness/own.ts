/**
 * The user's own servers instead of the kit's: Vault or OpenBao from VAULT_ADDR/VAULT_TOKEN
 * (VAULT_CACERT for a private CA) and a cluster from a kubeconfig context whose user has a bearer
 * token (what the suites' REST client sends; `kubectl create token` makes one). docs/e2e.md.
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
  users?: { name: string; user: { token?: string } }[];
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
  if (!user?.token) missing.push(`a bearer token for the user of context ${JSON.stringify(context)} (e.g. kubectl create token; client certificates and exec plugins are not read)`);
  if (missing.length > 0 || !cluster || !user?.token) return { missing };
  const caPath = cluster['certificate-authority'];
  const ca = cluster['certificate-authority-data']
    ? Buffer.from(cluster['certificate-authority-data'], 'base64').toString('utf8')
    : caPath
      ? readFileSync(isAbsolute(caPath) ? caPath : join(dirname(kubeconfig), caPath), 'utf8')
      : '';
  const vaultCaFile = process.env.VAULT_CACERT;
  return {
    missing,
    servers: {
      kubeconfig,
      context,
      kubeServer: cluster.server,
      kube: new KubeClient(cluster.server, ca, user.token),
      vaultAddress: vaultAddress!,
      vaultToken: vaultToken!,
      ...(vaultCaFile ? { vaultCaFile } : {}),
      vault: new VaultClient(vaultAddress!, vaultCaFile ? readFileSync(vaultCaFile, 'utf8') : undefined, vaultToken),
    },
  };
}
