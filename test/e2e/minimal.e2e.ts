/**
 * examples/minimal applied to REAL servers with OpenTofu (or Terraform), stack by stack, then checked
 * through the Vault and Kubernetes APIs and destroyed. The servers are the kit's, started on
 * loopback by the harness, unless VAULT_ADDR is set: then the user's own Vault/OpenBao and the
 * cluster of their kubeconfig (docs/e2e.md). The landing zone is the example's own file with its
 * endpoints pointed at those servers (the test's copy; the example stays as users read it).
 *
 * Needs the hashicorp/vault and hashicorp/kubernetes provider binaries (SLZ_E2E_PROVIDER_MIRROR):
 * without them it reports that it did not run. No kubelet/scheduler/CNI with the kit's servers:
 * pods are admitted or refused, never run; NetworkPolicies are stored, not enforced.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isIP } from 'node:net';
import { parse, stringify } from 'yaml';
import { AuditListener, gate, iacTools, itWithLogs, providerMirror, serverBinaries, startServers, writeCliConfig, type KubeClient, type Servers, type VaultClient } from './harness';
import { ownServers, wantsOwnServers } from './harness/own';

const ROOT = join(__dirname, '..', '..');
const SLZ = join(ROOT, 'bin', 'slz.js');
const EXAMPLE = join(ROOT, 'examples', 'minimal', 'landing-zone.yaml');

const own = wantsOwnServers() ? ownServers() : undefined;
const kit = own ? undefined : serverBinaries();
const mirror = providerMirror();
const tool = (() => {
  const { tools } = iacTools();
  const wanted = process.env.SLZ_E2E_TERRAFORM;
  return wanted ? tools.find((t) => t.name === wanted) : tools[0];
})();
// With their own servers a user may let terraform install the providers from a registry.
const providersMissing = own && !process.env.SLZ_E2E_PROVIDER_MIRROR ? [] : mirror.mirror ? [] : [mirror.summary.replace(/^missing: /, '')];

interface Target {
  readonly kube: KubeClient;
  readonly vault: VaultClient;
  readonly kubeServer: string;
  readonly kubeCaPem: string;
  readonly kubeconfig: string;
  readonly context: string;
  readonly env: NodeJS.ProcessEnv;
  readonly audit?: AuditListener;
  readonly auditRelay: string;
}

/** The example with its endpoints replaced by the target's (region, Vault, kubeconfig, audit relay and file). */
function derivedLandingZone(target: Target, work: string): string {
  const lz = parse(readFileSync(EXAMPLE, 'utf8')) as {
    regions: { kubernetes: Record<string, unknown>; vault: Record<string, unknown> }[];
    network: { inCountryCidrs?: string[] };
    logging: Record<string, unknown>;
  };
  const region = lz.regions[0]!;
  region.kubernetes = { ...region.kubernetes, host: target.kubeServer, context: target.context, configPath: target.kubeconfig };
  // Tenant egress to Vault is derived from vault.cidr (KT-NP4): the target's address, or SLZ_E2E_VAULT_CIDR
  // where the address is a host name.
  const host = new URL(target.vault.address).hostname;
  const cidr = process.env.SLZ_E2E_VAULT_CIDR ?? (isIP(host) === 4 ? `${host}/32` : undefined);
  if (!cidr) throw new Error(`Vault at ${target.vault.address} is named, not numbered: set SLZ_E2E_VAULT_CIDR to the CIDR its addresses are in (docs/e2e.md)`);
  region.vault = { ...region.vault, address: target.vault.address, cidr, ...(target.kubeCaPem ? { kubernetesCaPem: target.kubeCaPem } : {}) };
  // The test servers' network counts as in-country here, or the file is (rightly) refused.
  lz.network = { ...lz.network, inCountryCidrs: [...(lz.network.inCountryCidrs ?? []), cidr] };
  lz.logging = { ...lz.logging, auditRelay: target.auditRelay, auditFilePath: join(work, 'vault-audit.log') };
  const file = join(work, 'landing-zone.yaml');
  writeFileSync(file, stringify(lz));
  return file;
}

describe('examples/minimal applied to real servers', () => {
  if (!gate('examples/minimal apply', own ? own.missing : kit!.missing, { failInCi: true })) return;
  if (!gate('examples/minimal apply', [...providersMissing, ...(tool ? [] : ['tofu or terraform (npm run e2e:servers builds tofu)'])], { failInCi: false })) return;

  let servers: Servers | undefined;
  let target: Target;
  const step = itWithLogs(() => servers);
  const work = mkdtempSync(join(tmpdir(), 'slz-e2e-minimal-'));
  const out = join(work, 'cdktf.out');
  const applied: string[] = [];

  function tf(stack: string, ...args: string[]): void {
    const r = spawnSync(tool!.path, [`-chdir=${join(out, 'stacks', stack)}`, ...args, '-input=false', '-no-color'], { env: target.env, encoding: 'utf8', timeout: 15 * 60_000 });
    if (r.status !== 0) throw new Error(`${tool!.name} ${args[0]} ${stack} failed (exit ${String(r.status)}):\n${r.stdout.split('\n').slice(-40).join('\n')}\n${r.stderr}`);
  }

  beforeAll(async () => {
    const cache = join(work, 'plugin-cache');
    mkdirSync(cache);
    const tfEnv: NodeJS.ProcessEnv = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_PLUGIN_CACHE_DIR: cache };
    if (mirror.mirror) tfEnv.TF_CLI_CONFIG_FILE = writeCliConfig(join(work, 'cli.tfrc'), mirror.mirror);
    if (own?.servers) {
      const s = own.servers;
      const audit = process.env.SLZ_E2E_AUDIT_RELAY ? undefined : await AuditListener.start();
      target = { kube: s.kube, vault: s.vault, kubeServer: s.kubeServer, kubeCaPem: s.kubeCaPem, kubeconfig: s.kubeconfig, context: s.context, env: tfEnv, ...(audit ? { audit } : {}), auditRelay: process.env.SLZ_E2E_AUDIT_RELAY ?? audit!.address };
    } else {
      servers = await startServers({ binaries: kit!.binaries! });
      const k = servers.kubernetes;
      target = {
        kube: k.client,
        vault: servers.vault.client,
        kubeServer: k.server,
        kubeCaPem: k.caPem,
        kubeconfig: k.kubeconfig,
        context: k.context,
        env: { ...tfEnv, VAULT_ADDR: servers.vault.address, VAULT_TOKEN: servers.vault.rootToken, VAULT_CACERT: servers.vault.caFile },
        audit: servers.audit,
        auditRelay: servers.audit.address,
      };
    }
    const file = derivedLandingZone(target, work);
    const synth = spawnSync(process.execPath, [SLZ, 'synth', file, '--out', out], { encoding: 'utf8' });
    if (synth.status !== 0) throw new Error(`slz synth failed:\n${synth.stdout}\n${synth.stderr}`);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { stacks: Record<string, unknown> };
    const names = Object.keys(manifest.stacks);
    // Apply order: platform → tenancy → admission.
    const ordered = [...names.filter((n) => n.includes('-platform-')), ...names.filter((n) => n.includes('-tenant-')), ...names.filter((n) => n.includes('-admission-'))];
    for (const s of ordered) {
      tf(s, 'init');
      // Listed before apply: a partly applied stack is destroyed too.
      applied.push(s);
      tf(s, 'apply', '-auto-approve');
    }
  }, 30 * 60_000);

  afterAll(async () => {
    try {
      if (target && applied.length > 0) {
        // Keys refuse deletion by design; the operator's deliberate step before a destroy:
        await target.vault.request('POST', 'tenants/records/transit/keys/records/config', { deletion_allowed: true });
        for (const s of [...applied].reverse()) tf(s, 'destroy', '-auto-approve');
      }
    } finally {
      await servers?.stop();
      if (!servers) await target?.audit?.close();
      rmSync(work, { recursive: true, force: true });
    }
  }, 30 * 60_000);

  step('the transit key is not exportable, not deletable, has no plaintext backup and rotates yearly', async () => {
    const key = (await target.vault.read<{ data: Record<string, unknown> }>('tenants/records/transit/keys/records')).data;
    expect(key).toMatchObject({ exportable: false, deletion_allowed: false, allow_plaintext_backup: false, type: 'aes256-gcm96' });
    expect(Number(key.auto_rotate_period)).toBe(365 * 86400);
  });

  step('Vault has a file and a socket audit device, and an audit entry reached the relay', async () => {
    const devices = await target.vault.read<{ data: Record<string, { type: string }> }>('sys/audit');
    expect(new Set(Object.values(devices.data).map((d) => d.type))).toEqual(new Set(['file', 'socket']));
    if (target.audit) {
      await target.vault.read('sys/mounts');
      await target.audit.waitFor((e) => (e.request as { path?: string } | undefined)?.path === 'sys/mounts');
    }
  });

  step('the tenant namespace has a default-deny NetworkPolicy for both directions with no rules (stored, not enforced)', async () => {
    const policy = await target.kube.get<{ spec: { podSelector: object; policyTypes: string[]; ingress?: unknown; egress?: unknown } }>('/apis/networking.k8s.io/v1/namespaces/records/networkpolicies/default-deny');
    expect(policy.spec.podSelector).toEqual({});
    expect([...policy.spec.policyTypes].sort()).toEqual(['Egress', 'Ingress']);
    expect(policy.spec.ingress ?? []).toEqual([]);
    expect(policy.spec.egress ?? []).toEqual([]);
  });

  step('a workload token from TokenRequest logs in through Kubernetes auth and may use its own key, not read its configuration', async () => {
    // Vault outside the cluster reviews the token with itself (docs/apply.md, topologies): it must
    // be good for the API server (its issuer, from the discovery document) as well as for `vault`.
    const { issuer } = await target.kube.ok<{ issuer: string }>('GET', '/.well-known/openid-configuration');
    const jwt = await target.kube.tokenRequest('records', 'api', { audiences: ['vault', issuer] });
    const token = await target.vault.kubernetesLogin('kubernetes', 'records-api', jwt);
    const workload = target.vault.withToken(token);
    const sealed = await workload.write<{ data: { ciphertext: string } }>('tenants/records/transit/encrypt/records', { plaintext: Buffer.from('e2e').toString('base64') });
    const opened = await workload.write<{ data: { plaintext: string } }>('tenants/records/transit/decrypt/records', { ciphertext: sealed.data.ciphertext });
    expect(Buffer.from(opened.data.plaintext, 'base64').toString()).toBe('e2e');
    expect((await workload.request('GET', 'tenants/records/transit/keys/records')).status).toBe(403);
  });

  const restricted = { allowPrivilegeEscalation: false, runAsNonRoot: true, runAsUser: 10001, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } };
  const pod = (name: string, image: string, nodeSelector?: Record<string, string>) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { serviceAccountName: 'api', automountServiceAccountToken: false, ...(nodeSelector ? { nodeSelector } : {}), containers: [{ name: 'c', image, securityContext: restricted, resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '10m', memory: '16Mi' } } }] },
  });
  const REGISTRY = 'registry.cyberjaya.agency.example.gov.my';
  const PIN = { 'topology.kubernetes.io/region': 'pdsa' };

  step('the residency policy refuses an unpinned pod and a pinned pod from a foreign registry, and admits a compliant one', async () => {
    // The apiserver loads a new ValidatingAdmissionPolicy and binding a moment after they are
    // created: poll with a dry run until the policy answers, then assert for real.
    const deadline = Date.now() + 30_000;
    while ((await target.kube.request('POST', '/api/v1/namespaces/records/pods?dryRun=All', pod('probe', `${REGISTRY}/app:1`))).status !== 403 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
    }
    const unpinned = await target.kube.request('POST', '/api/v1/namespaces/records/pods', pod('unpinned', `${REGISTRY}/app:1`));
    expect(unpinned.status).toBe(403);
    expect(unpinned.text).toMatch(/slz-residency/);
    const foreign = await target.kube.request('POST', '/api/v1/namespaces/records/pods', pod('foreign', 'docker.io/library/busybox:1.36', PIN));
    expect(foreign.status).toBe(403);
    expect(foreign.text).toMatch(/in-country registry/);
    const compliant = await target.kube.request('POST', '/api/v1/namespaces/records/pods', pod('compliant', `${REGISTRY}/app:1`, PIN));
    expect({ status: compliant.status, message: (compliant.json as { message?: string }).message }).toMatchObject({ status: 201 });
    await target.kube.ok('DELETE', '/api/v1/namespaces/records/pods/compliant');
  });
});
