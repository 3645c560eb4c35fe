/**
 * Starts the real servers the e2e suites run against, on loopback, on free ports, in one temp dir:
 * etcd → kube-apiserver → kube-controller-manager, a Vault dev server with TLS, and a TCP listener
 * for Vault's socket audit device. Everything is built by the kit (npm run e2e:servers); nothing is
 * mocked. No kubelet, scheduler or CNI: pods are admitted or refused by the real admission chain and
 * then stay Pending; NetworkPolicies are stored, not enforced.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { AuditListener } from './audit-listener';
import { http } from './http';
import { serverBinaries, type ServerBinaries } from './kit';
import { KubeClient } from './kube';
import { createCa, issueCert, serviceAccountKeys } from './pki';
import { freePorts, startProcess, tail, waitUntil, type ServerProcess } from './process';
import { VaultClient } from './vault';

export const KUBE_CONTEXT = 'slz-e2e';
/** The apiserver's service network; the `kubernetes` Service takes its first address. */
export const SERVICE_CIDR = '10.0.0.0/24';

export interface KubernetesEndpoint {
  /** https://127.0.0.1:<port> */
  readonly server: string;
  /** The CA that signed the apiserver's certificate (and that the kubeconfig names). */
  readonly caFile: string;
  readonly caPem: string;
  /** A token of user `slz-e2e-admin` in `system:masters`. */
  readonly adminToken: string;
  readonly kubeconfig: string;
  readonly context: string;
  /** The service-account token issuer (also the default audience of TokenRequest tokens). */
  readonly issuer: string;
  readonly client: KubeClient;
}

export interface VaultEndpoint {
  /** https://127.0.0.1:<port> */
  readonly address: string;
  readonly caFile: string;
  readonly caPem: string;
  readonly rootToken: string;
  readonly client: VaultClient;
  readonly version: string;
}

export interface Servers {
  readonly dir: string;
  readonly kubernetes: KubernetesEndpoint;
  readonly vault: VaultEndpoint;
  /** Receives what Vault's socket audit device sends. */
  readonly audit: AuditListener;
  /** Server name → log file. */
  readonly logs: Readonly<Record<string, string>>;
  /** The tail of every server log, for a failing test's message. */
  logTails(lines?: number): string;
  /** Kills every server, closes the listener and removes the temp dir. */
  stop(): Promise<void>;
}

function token(): string {
  return randomBytes(24).toString('hex');
}

/** Starts everything, or throws with what is missing / which server failed and its log tail. */
export async function startServers(opts: { binaries?: ServerBinaries; keep?: boolean } = {}): Promise<Servers> {
  const bins = opts.binaries ?? serverBinaries().binaries;
  if (!bins) throw new Error(`e2e servers missing:\n${serverBinaries().missing.map((m) => `  - ${m}`).join('\n')}`);

  const dir = mkdtempSync(join(process.env.SLZ_E2E_TMP ?? tmpdir(), 'slz-e2e-servers-'));
  const procs: ServerProcess[] = [];
  const logs: Record<string, string> = {};
  let audit: AuditListener | undefined;
  const killAll = (): void => {
    for (const p of procs) if (!p.exited()) p.child.kill('SIGKILL');
  };
  process.once('exit', killAll);
  const stop = async (): Promise<void> => {
    process.removeListener('exit', killAll);
    // Reverse order: controllers before the apiserver before etcd.
    for (const p of [...procs].reverse()) await p.stop();
    await audit?.close();
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  };
  // Tokens of this run never reach a test's output, nor what a Vault dev server prints at start.
  const secrets: string[] = [];
  const redact = (text: string): string =>
    secrets.reduce((t, s) => t.split(s).join('[redacted]'), text).replace(/^(\s*(?:Unseal Key|Root Token):).*$/gm, '$1 [redacted]');
  const logTails = (lines = 30): string =>
    Object.entries(logs)
      .map(([name, file]) => `--- ${name} (${file}) ---\n${redact(tail(file, lines))}`)
      .join('\n');
  const launch = (name: string, bin: string, args: string[], env?: NodeJS.ProcessEnv): ServerProcess => {
    logs[name] = join(dir, `${name}.log`);
    const p = startProcess(name, bin, args, logs[name]!, env);
    procs.push(p);
    return p;
  };

  try {
    const pki = join(dir, 'pki');
    mkdirSync(pki);
    const ca = createCa(pki);
    const serving = issueCert(ca, pki, 'kube-apiserver', ['IP:127.0.0.1', 'DNS:localhost', 'IP:10.0.0.1', 'DNS:kubernetes', 'DNS:kubernetes.default', 'DNS:kubernetes.default.svc']);
    const sa = serviceAccountKeys(pki);

    // etcd
    // Vault first: its dev server also binds port + 1 (cluster listener).
    const [vaultPort, etcdClient, etcdPeer, apiPort, kcmPort] = (await freePorts(5, { pairFirst: true })) as [number, number, number, number, number];
    const etcd = launch('etcd', bins.etcd, [
      '--name=default',
      `--data-dir=${join(dir, 'etcd')}`,
      `--listen-client-urls=http://127.0.0.1:${etcdClient}`,
      `--advertise-client-urls=http://127.0.0.1:${etcdClient}`,
      `--listen-peer-urls=http://127.0.0.1:${etcdPeer}`,
      `--initial-advertise-peer-urls=http://127.0.0.1:${etcdPeer}`,
      `--initial-cluster=default=http://127.0.0.1:${etcdPeer}`,
      // A test store that lives for minutes: skip fsync (the shared CI disk is slow).
      '--unsafe-no-fsync',
      '--log-level=warn',
    ]);

    audit = await AuditListener.start();

    // Vault dev server with TLS: it writes its own CA and certificate into the cert dir.
    const vaultTls = join(dir, 'vault-tls');
    mkdirSync(vaultTls);
    const rootToken = token();
    secrets.push(rootToken);
    const vaultProc = launch('vault', bins.vault, ['server', '-dev', '-dev-tls', `-dev-tls-cert-dir=${vaultTls}`, `-dev-root-token-id=${rootToken}`, `-dev-listen-address=127.0.0.1:${vaultPort}`, '-dev-no-store-token'], {
      HOME: dir,
      VAULT_ADDR: `https://127.0.0.1:${vaultPort}`,
    });

    await waitUntil('etcd /health', etcd, 60_000, async () => {
      const r = await http(`http://127.0.0.1:${etcdClient}/health`, { timeoutMs: 2000 });
      return r.status === 200 && (r.json as { health?: string } | undefined)?.health === 'true' ? true : undefined;
    });

    // kube-apiserver: static tokens (an admin in system:masters, the controller manager's own user).
    const adminToken = token();
    const kcmToken = token();
    secrets.push(adminToken, kcmToken);
    const tokens = join(pki, 'tokens.csv');
    writeFileSync(tokens, `${adminToken},slz-e2e-admin,slz-e2e-admin,"system:masters"\n${kcmToken},system:kube-controller-manager,system:kube-controller-manager\n`, { mode: 0o600 });
    const server = `https://127.0.0.1:${apiPort}`;
    const apiserver = launch('kube-apiserver', bins.kubeApiserver, [
      `--etcd-servers=http://127.0.0.1:${etcdClient}`,
      '--bind-address=127.0.0.1',
      '--advertise-address=127.0.0.1',
      `--secure-port=${apiPort}`,
      `--cert-dir=${join(dir, 'apiserver-certs')}`,
      `--tls-cert-file=${serving.cert}`,
      `--tls-private-key-file=${serving.key}`,
      `--client-ca-file=${ca.cert}`,
      `--token-auth-file=${tokens}`,
      '--authorization-mode=Node,RBAC',
      `--service-account-issuer=${server}`,
      `--service-account-key-file=${sa.pub}`,
      `--service-account-signing-key-file=${sa.key}`,
      `--service-cluster-ip-range=${SERVICE_CIDR}`,
      // The defaults, named so a reader sees the chain the tests rely on.
      '--enable-admission-plugins=NamespaceLifecycle,LimitRanger,ServiceAccount,PodSecurity,ResourceQuota,ValidatingAdmissionPolicy,MutatingAdmissionWebhook,ValidatingAdmissionWebhook,DefaultStorageClass,DefaultTolerationSeconds',
      // Privileged pods must reach admission so that Pod Security is what refuses them.
      '--allow-privileged=true',
      '--profiling=false',
    ]);
    const client = new KubeClient(server, ca.pem, adminToken);
    await waitUntil('kube-apiserver /readyz', apiserver, 180_000, async () => {
      const r = await http(`${server}/readyz`, { ca: ca.pem, headers: { authorization: `Bearer ${adminToken}` }, timeoutMs: 5000 });
      return r.status === 200 ? true : undefined;
    });

    const kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, kubeconfigYaml(server, ca.cert, 'slz-e2e-admin', adminToken), { mode: 0o600 });
    const kcmKubeconfig = join(pki, 'kcm.kubeconfig');
    writeFileSync(kcmKubeconfig, kubeconfigYaml(server, ca.cert, 'system:kube-controller-manager', kcmToken), { mode: 0o600 });

    const kcm = launch('kube-controller-manager', bins.kubeControllerManager, [
      `--kubeconfig=${kcmKubeconfig}`,
      `--authentication-kubeconfig=${kcmKubeconfig}`,
      `--authorization-kubeconfig=${kcmKubeconfig}`,
      '--bind-address=127.0.0.1',
      `--secure-port=${kcmPort}`,
      `--cert-dir=${join(dir, 'kcm-certs')}`,
      '--leader-elect=false',
      '--use-service-account-credentials=true',
      `--service-account-private-key-file=${sa.key}`,
      `--root-ca-file=${ca.cert}`,
      `--cluster-signing-cert-file=${ca.cert}`,
      `--cluster-signing-key-file=${ca.key}`,
      `--service-cluster-ip-range=${SERVICE_CIDR}`,
      '--profiling=false',
    ]);
    // The controller manager is ready when its service-account controller has done its first pass.
    await waitUntil('kube-controller-manager (default service account)', kcm, 120_000, async () => {
      const r = await client.request('GET', '/api/v1/namespaces/default/serviceaccounts/default');
      return r.status === 200 ? true : undefined;
    });

    const vaultAddress = `https://127.0.0.1:${vaultPort}`;
    const vaultCaFile = join(vaultTls, 'vault-ca.pem');
    const vaultCa = await waitUntil('vault CA file', vaultProc, 60_000, () => Promise.resolve(readIfExists(vaultCaFile)));
    const health = await waitUntil('vault sys/health', vaultProc, 60_000, async () => {
      const r = await http(`${vaultAddress}/v1/sys/health`, { ca: vaultCa, timeoutMs: 3000 });
      return r.status === 200 ? (r.json as { version: string }) : undefined;
    });

    return {
      dir,
      kubernetes: { server, caFile: ca.cert, caPem: ca.pem, adminToken, kubeconfig, context: KUBE_CONTEXT, issuer: server, client },
      vault: { address: vaultAddress, caFile: vaultCaFile, caPem: vaultCa, rootToken, client: new VaultClient(vaultAddress, vaultCa, rootToken), version: health.version },
      audit,
      logs,
      logTails,
      stop,
    };
  } catch (e) {
    const message = redact(`${(e as Error).message}\n\nServer logs:\n${logTails()}`);
    await stop();
    throw new Error(message, { cause: e });
  }
}

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') || undefined : undefined;
}

function kubeconfigYaml(server: string, caFile: string, user: string, bearer: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: KUBE_CONTEXT, cluster: { server, 'certificate-authority': caFile } }],
    users: [{ name: user, user: { token: bearer } }],
    contexts: [{ name: KUBE_CONTEXT, context: { cluster: KUBE_CONTEXT, user } }],
    'current-context': KUBE_CONTEXT,
  });
}
