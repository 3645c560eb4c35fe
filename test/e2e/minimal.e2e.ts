/**
 * End to end against REAL servers: a Vault (or OpenBao) reachable at VAULT_ADDR with VAULT_TOKEN,
 * a Kubernetes cluster from KUBECONFIG, and terraform or tofu able to install the providers
 * (registry or mirror). It synthesizes a landing zone for that environment, applies it stack by
 * stack, verifies through the Vault HTTP API and kubectl that the key is not exportable, that the
 * default-deny policy exists and that a pod without in-country affinity is refused, then destroys.
 *
 * Run with `npm run e2e`. Without the servers it prints what is missing and skips (fails instead
 * with SLZ_E2E_REQUIRED=1, as the e2e workflow sets): nothing here is ever replaced by a mock. See docs/e2e.md and examples/ci/e2e.yml.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const SLZ = join(ROOT, 'bin', 'slz.js');
const TENANT = 'e2e-records';
const KEY = 'records';
const REGION = 'e2e';

function which(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

const terraform = process.env.SLZ_E2E_TERRAFORM ?? (which('tofu') ? 'tofu' : which('terraform') ? 'terraform' : undefined);
const missing = [
  !process.env.VAULT_ADDR && 'VAULT_ADDR (an https Vault or OpenBao address)',
  !process.env.VAULT_TOKEN && 'VAULT_TOKEN (a token allowed to mount engines, auth methods and audit devices)',
  !which('kubectl') && 'kubectl on PATH',
  !terraform && 'terraform or tofu on PATH (able to install hashicorp/kubernetes and hashicorp/vault)',
].filter((m): m is string => typeof m === 'string');

if (missing.length > 0) {
  process.stderr.write(`e2e skipped — missing:\n${missing.map((m) => `  - ${m}`).join('\n')}\nSee docs/e2e.md.\n`);
}

const describeIfServers = missing.length === 0 ? describe : describe.skip;

// Where the servers are meant to be there (the e2e workflow), their absence fails the run instead
// of skipping it: a broken setup must not pass green with nothing applied.
if (process.env.SLZ_E2E_REQUIRED === '1') {
  describe('e2e environment (SLZ_E2E_REQUIRED=1)', () => {
    it('has every server and tool the suite needs', () => {
      expect(missing).toEqual([]);
    });
  });
}

function kubectl(...args: string[]): string {
  return execFileSync('kubectl', args, { encoding: 'utf8' });
}

function tf(dir: string, ...args: string[]): void {
  execFileSync(terraform!, [`-chdir=${dir}`, ...args], { stdio: 'inherit', env: process.env });
}

async function vault(path: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
  const res = await fetch(`${process.env.VAULT_ADDR!.replace(/\/$/, '')}/v1/${path}`, { ...init, headers: { 'X-Vault-Token': process.env.VAULT_TOKEN!, ...(init.headers ?? {}) } });
  if (!res.ok) throw new Error(`Vault ${init.method ?? 'GET'} ${path}: HTTP ${res.status}`);
  return res.status === 204 ? {} : ((await res.json()) as Record<string, unknown>);
}

/** A landing zone for this environment: the real API server and Vault, an OFFICIAL classification (below residency), one tenant. */
function landingZoneFor(env: { apiServer: string; context: string; registry: string }): string {
  return stringify({
    apiVersion: 'slz/v1',
    kind: 'LandingZone',
    metadata: { name: 'e2e', agency: 'End-to-end test', owner: 'e2e@example.gov.my' },
    jurisdiction: 'MY',
    classification: 'OFFICIAL',
    regions: [
      {
        name: REGION,
        site: { provider: 'e2e', id: REGION, country: 'MY', operatorJurisdiction: 'MY', deployment: 'private' },
        kubernetes: { context: env.context, host: env.apiServer, imageRegistry: env.registry, nodeRegions: [REGION], ...(process.env.KUBECONFIG ? { configPath: process.env.KUBECONFIG } : {}) },
        vault: { address: process.env.VAULT_ADDR!, dialect: process.env.SLZ_E2E_DIALECT === 'openbao' ? 'openbao' : 'vault' },
      },
    ],
    network: { inCountryCidrs: ['10.0.0.0/8'] },
    tenants: [
      {
        name: TENANT,
        quota: { cpu: '2', memory: '2Gi', pods: 10 },
        keys: [{ name: KEY, purpose: 'encryption', algorithm: 'aes256-gcm96', rotateDays: 90 }],
        workloads: [{ serviceAccount: 'api', keys: [KEY] }],
      },
    ],
    logging: {
      sink: { type: 'syslog', address: process.env.SLZ_E2E_SINK ?? '127.0.0.1:6514' },
      retentionDays: 365,
      auditRelay: process.env.SLZ_E2E_AUDIT_RELAY ?? '127.0.0.1:9514',
      auditFilePath: process.env.SLZ_E2E_AUDIT_FILE ?? '/tmp/vault-audit.log',
      forwarderImage: process.env.SLZ_E2E_FORWARDER_IMAGE ?? 'fluent/fluent-bit:3.2',
    },
  });
}

describeIfServers('the minimal tenancy on real servers', () => {
  const work = mkdtempSync(join(tmpdir(), 'slz-e2e-'));
  const out = join(work, 'cdktf.out');
  let stacks: string[] = [];

  beforeAll(() => {
    const context = kubectl('config', 'current-context').trim();
    const apiServer = kubectl('config', 'view', '--minify', '-o', 'jsonpath={.clusters[0].cluster.server}').trim();
    // Nodes carry the region label the admission policy pins tenant pods to.
    kubectl('label', 'nodes', '--all', `topology.kubernetes.io/region=${REGION}`, '--overwrite');
    const file = join(work, 'landing-zone.yaml');
    writeFileSync(file, landingZoneFor({ apiServer, context, registry: process.env.SLZ_E2E_REGISTRY ?? 'cr.fluentbit.io' }));
    execFileSync(process.execPath, [SLZ, 'synth', file, '--out', out], { stdio: 'inherit' });
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { stacks: Record<string, unknown> };
    const names = Object.keys(manifest.stacks);
    // Apply order: platform → tenancy → admission.
    stacks = [...names.filter((n) => n.includes('-platform-')), ...names.filter((n) => n.includes('-tenant-')), ...names.filter((n) => n.includes('-admission-'))];
    for (const s of stacks) {
      tf(join(out, 'stacks', s), 'init', '-input=false');
      tf(join(out, 'stacks', s), 'apply', '-input=false', '-auto-approve');
    }
  }, 20 * 60_000);

  afterAll(async () => {
    // Keys refuse deletion by design; the operator's deliberate step before a destroy:
    await vault(`tenants/${TENANT}/transit/keys/${KEY}/config`, { method: 'POST', body: JSON.stringify({ deletion_allowed: true }) }).catch(() => undefined);
    for (const s of [...stacks].reverse()) tf(join(out, 'stacks', s), 'destroy', '-input=false', '-auto-approve');
  }, 20 * 60_000);

  it('created a transit key that is not exportable, not deletable and has no plaintext backup', async () => {
    const key = (await vault(`tenants/${TENANT}/transit/keys/${KEY}`)).data as Record<string, unknown>;
    expect(key).toMatchObject({ exportable: false, deletion_allowed: false, allow_plaintext_backup: false, type: 'aes256-gcm96' });
    expect(Number(key.auto_rotate_period)).toBe(90 * 86400);
  });

  it('has two audit devices of different types', async () => {
    const devices = (await vault('sys/audit')) as Record<string, { type: string }>;
    const types = new Set(Object.values(devices.data ?? devices).map((d) => (d as { type: string }).type));
    expect(types.has('file')).toBe(true);
    expect(types.has('socket')).toBe(true);
  });

  it('has a default-deny NetworkPolicy for both directions in the tenant namespace', () => {
    const policy = JSON.parse(kubectl('get', 'networkpolicy', 'default-deny', '-n', TENANT, '-o', 'json')) as { spec: { podSelector: object; policyTypes: string[]; ingress?: unknown; egress?: unknown } };
    expect(policy.spec.podSelector).toEqual({});
    expect([...policy.spec.policyTypes].sort()).toEqual(['Egress', 'Ingress']);
    expect(policy.spec.ingress ?? []).toEqual([]);
    expect(policy.spec.egress ?? []).toEqual([]);
  });

  it('refuses a tenant pod without in-country affinity', () => {
    const r = spawnSync('kubectl', ['run', 'unpinned', '-n', TENANT, `--image=${process.env.SLZ_E2E_REGISTRY ?? 'cr.fluentbit.io'}/fluent/fluent-bit:3.2`, '--restart=Never'], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/ValidatingAdmissionPolicy|denied|slz-residency/i);
  });

  it('refuses a tenant pod from a registry outside the country even when pinned', () => {
    const overrides = JSON.stringify({ spec: { nodeSelector: { 'topology.kubernetes.io/region': REGION } } });
    const r = spawnSync('kubectl', ['run', 'foreign', '-n', TENANT, '--image=docker.io/library/busybox:1.36', '--restart=Never', `--overrides=${overrides}`], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/ValidatingAdmissionPolicy|denied|slz-residency/i);
  });
});
