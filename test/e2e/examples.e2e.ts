/**
 * Every example applied to REAL servers with OpenTofu (Terraform too, on minimal, where it is on
 * PATH), wave by wave from stack-graph.json, then checked through the Vault and Kubernetes APIs,
 * planned again (zero changes allowed), reviewed on real plans, and destroyed (nothing left).
 *
 * The servers are the kit's, on loopback: one Vault (community; OpenBao cannot be had from the Go
 * module proxy) and one Kubernetes API server with etcd and the controller manager. Each example
 * is applied through a derived copy of its file (the test's own; the examples stay as users read
 * them): its first region only (one cluster and one Vault here), endpoints pointed at the
 * servers, dialect `vault`, local state (a kubernetes backend is kept and stored in the kit's
 * cluster), and the identity provider a loopback issuer that serves a discovery document.
 *
 * No kubelet, scheduler or CNI: pods are admitted or refused, never run; NetworkPolicies are
 * stored and read back, not enforced. Without the provider binaries (the Go proxy refuses them)
 * the suite says it did not run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { gate, iacTools, itWithLogs, pointAtKit, providerMirror, serverBinaries, stackResources, startServers, writeCliConfig, type IacTool, type Servers } from './harness';
import { createCa, issueCert } from './harness/pki';
import { synthesize as synthesizeFork } from '../../examples/typescript-fork/main';

const ROOT = join(__dirname, '..', '..');
const SLZ = join(ROOT, 'bin', 'slz.js');
const kit = serverBinaries();
const mirror = providerMirror();
const { tools } = iacTools();
const tofu = tools.find((t) => t.name === 'tofu');
const terraform = tools.find((t) => t.name === 'terraform');
/** Where the run's sanitized plan JSON goes when set (the project's plan corpus: test/fixtures/plans). */
const SAVE_PLANS = process.env.SLZ_E2E_SAVE_PLANS;

type Json = Record<string, unknown>;
interface Key { name: string; purpose: string; algorithm?: string; rotateDays: number; keySize?: number }
interface Tenant { name: string; keys?: Key[]; workloads?: { serviceAccount: string; keys?: string[]; kv?: boolean }[]; access?: { developers?: string[] }; quota: { cpu: string }; regions?: string[] }
interface Spec {
  metadata: { name: string };
  regions: { name: string; site: Json; kubernetes: Json; vault: Json }[];
  network?: { inCountryCidrs?: string[]; endpointDomains?: string[] };
  tenants: Tenant[];
  pki?: { domains: string[] };
  identity?: { oidc?: Json };
  logging: Json;
  state?: Json;
}
interface Graph { stacks: Record<string, { kind: string; wave: number; tenant?: string }>; waves: string[][] }

const PQ = ['ml-dsa', 'slh-dsa', 'hybrid'];
/** What the stacks' OIDC client-secret variable gets; it must reach Vault and nothing else. */
const OIDC_SECRET = 'e2e-client-secret-not-a-real-one';

/**
 * A loopback OIDC issuer: a discovery document and an empty key set over TLS, what Vault fetches
 * when it configures the backend. A child process: the test blocks its own event loop while
 * tofu runs (spawnSync), and Vault fetches the document during that apply.
 */
async function startIssuer(dir: string): Promise<{ issuer: string; caPem: string; close: () => Promise<void> }> {
  mkdirSync(dir, { recursive: true });
  const ca = createCa(dir, 'slz-e2e-issuer-ca');
  const cert = issueCert(ca, dir, 'issuer', ['IP:127.0.0.1']);
  const script = `
    const https = require('node:https'), fs = require('node:fs');
    let issuer = '';
    const server = https.createServer({ cert: fs.readFileSync(process.argv[1]), key: fs.readFileSync(process.argv[2]) }, (req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') res.end(JSON.stringify({ issuer, authorization_endpoint: issuer + '/authorize', token_endpoint: issuer + '/token', jwks_uri: issuer + '/jwks', response_types_supported: ['code'], subject_types_supported: ['public'], id_token_signing_alg_values_supported: ['RS256'] }));
      else if (req.url === '/jwks') res.end('{"keys":[]}');
      else { res.statusCode = 404; res.end('{}'); }
    });
    server.listen(0, '127.0.0.1', () => { issuer = 'https://127.0.0.1:' + server.address().port; process.stdout.write(issuer + '\\n'); });`;
  const child = spawn(process.execPath, ['-e', script, cert.cert, cert.key], { stdio: ['ignore', 'pipe', 'inherit'] });
  const issuer = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim()));
    child.once('exit', (code) => reject(new Error(`the OIDC issuer exited (${String(code)})`)));
  });
  return {
    issuer,
    caPem: readFileSync(ca.cert, 'utf8'),
    close: () =>
      new Promise((r) => {
        child.once('exit', () => r());
        child.kill();
      }),
  };
}

describe('every example applied to real servers', () => {
  const missingTools = [...(mirror.mirror ? [] : [mirror.summary.replace(/^missing: /, '')]), ...(tofu ? [] : ['tofu (npm run e2e:servers)'])];
  // The run's summary line either way (issue 12): what ran, or that nothing did and why.
  const skipped = (missing: readonly string[]): void => void process.stdout.write(`e2e: skipped (missing: ${missing.join('; ')})\n`);
  if (!gate('examples on real servers', kit.missing, { failInCi: true })) {
    skipped(kit.missing);
    return;
  }
  if (!gate('examples on real servers', missingTools, { failInCi: false })) {
    skipped(missingTools);
    return;
  }

  let servers: Servers | undefined;
  let issuer: Awaited<ReturnType<typeof startIssuer>>;
  const work = mkdtempSync(join(tmpdir(), 'slz-e2e-examples-'));
  const step = itWithLogs(() => servers);
  const tally = { examples: new Set<string>(), runs: 0, assertions: 0, replanChanges: 0, leftAfterDestroy: 0 };
  const count = (n = 1) => (tally.assertions += n);

  beforeAll(async () => {
    servers = await startServers({ binaries: kit.binaries! });
    issuer = await startIssuer(join(work, 'issuer'));
  }, 10 * 60_000);

  afterAll(async () => {
    await issuer?.close();
    await servers?.stop();
    rmSync(work, { recursive: true, force: true });
    process.stdout.write(`e2e: ${tally.examples.size} examples applied, ${tally.assertions} assertions passed, ${tally.replanChanges} changes on re-plan, ${tally.leftAfterDestroy} left after destroy (${tally.runs} runs with ${tools.map((t) => t.name).join(' and ')})\n`);
  }, 10 * 60_000);

  /** The example's file pointed at the servers (see the header); `edit` changes the derived spec further. */
  function derive(example: string, dir: string, edit: (spec: Spec) => void = () => undefined, appliedDir = dir): { file: string; spec: Spec } {
    const s = servers!;
    const spec = parse(readFileSync(join(ROOT, 'examples', example, 'landing-zone.yaml'), 'utf8')) as Spec;
    const region = spec.regions[0]!;
    spec.regions = [region];
    spec.tenants = spec.tenants.filter((t) => !t.regions || t.regions.includes(region.name)).map((t) => ({ ...t, ...(t.regions ? { regions: [region.name] } : {}) }));
    pointAtKit(spec, s, appliedDir);
    region.vault = { ...region.vault, dialect: 'vault', version: s.vault.version.replace(/^v/, '').replace(/[^0-9.].*$/, '') };
    if (spec.identity?.oidc) spec.identity.oidc = { ...spec.identity.oidc, issuer: issuer.issuer, discoveryCaPem: issuer.caPem };
    spec.state = spec.state?.backend === 'kubernetes' ? { backend: 'kubernetes', namespace: 'slz-state' } : { backend: 'local' };
    edit(spec);
    const file = join(dir, 'landing-zone.yaml');
    writeFileSync(file, stringify(spec));
    return { file, spec };
  }

  function synth(example: string, file: string, out: string): void {
    if (example === 'typescript-fork') {
      // The fork's own program: its code-defined tenant and extra policy come with it.
      synthesizeFork(out, file);
      return;
    }
    const r = spawnSync(process.execPath, [SLZ, 'synth', file, '--out', out], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`synth of ${example} failed (${String(r.status)}):\n${r.stdout}\n${r.stderr}`);
  }

  /** Every tenant the tree serves (code-defined ones included) with its keys, from the synthesized JSON. */
  function tenantsOf(out: string): { name: string; keys: string[] }[] {
    const graph = graphOf(out);
    const names = [...new Set(Object.values(graph.stacks).map((x) => x.tenant).filter((t): t is string => !!t))];
    return names.map((name) => ({
      name,
      keys: stackResources(out, 'vault_transit_secret_backend_key')
        .filter((r) => graph.stacks[r.stack]?.tenant === name)
        .map((r) => String(r.body.name)),
    }));
  }

  function tfEnv(dir: string): NodeJS.ProcessEnv {
    const s = servers!;
    const cache = join(dir, 'plugin-cache');
    mkdirSync(cache, { recursive: true });
    return {
      ...process.env,
      TF_IN_AUTOMATION: '1',
      CHECKPOINT_DISABLE: '1',
      TF_PLUGIN_CACHE_DIR: cache,
      TF_CLI_CONFIG_FILE: writeCliConfig(join(dir, 'cli.tfrc'), mirror.mirror!),
      VAULT_ADDR: s.vault.address,
      VAULT_TOKEN: s.vault.rootToken,
      VAULT_CACERT: s.vault.caFile,
      KUBE_CONFIG_PATH: s.kubernetes.kubeconfig,
      TF_VAR_oidc_client_secret: OIDC_SECRET,
    };
  }

  function run(tool: IacTool, env: NodeJS.ProcessEnv, stackDir: string, ...args: string[]): { status: number | null; out: string } {
    // Flags right after the subcommand: a saved plan file must be the last argument.
    const [command, ...rest] = args;
    const r = spawnSync(tool.path, [`-chdir=${stackDir}`, command!, '-input=false', '-no-color', ...rest], { env, encoding: 'utf8', timeout: 20 * 60_000 });
    return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
  }

  function must(tool: IacTool, env: NodeJS.ProcessEnv, stackDir: string, ...args: string[]): string {
    const r = run(tool, env, stackDir, ...args);
    if (r.status !== 0) throw new Error(`${tool.name} ${args.join(' ')} in ${stackDir} failed (exit ${String(r.status)}):\n${r.out.split('\n').slice(-60).join('\n')}`);
    return r.out;
  }

  function graphOf(out: string): Graph {
    return JSON.parse(readFileSync(join(out, 'stack-graph.json'), 'utf8')) as Graph;
  }


  async function allowKeyDeletion(out: string): Promise<void> {
    const v = servers!.vault.client;
    for (const t of tenantsOf(out)) for (const k of t.keys) await v.request('POST', `tenants/${t.name}/transit/keys/${k}/config`, { deletion_allowed: true });
  }

  /** What a destroy must leave: no tenant namespace, mount, policy, audit device or auth method of the landing zone. */
  async function leftovers(tenants: readonly string[]): Promise<string[]> {
    const s = servers!;
    const left: string[] = [];
    const mounts = (await s.vault.client.read<{ data: Record<string, unknown> }>('sys/mounts')).data;
    left.push(...Object.keys(mounts).filter((m) => m.startsWith('tenants/') || m.startsWith('pki-root')).map((m) => `mount ${m}`));
    const auth = (await s.vault.client.read<{ data: Record<string, unknown> }>('sys/auth')).data;
    left.push(...Object.keys(auth).filter((m) => m !== 'token/').map((m) => `auth ${m}`));
    const audit = (await s.vault.client.read<{ data: Record<string, unknown> }>('sys/audit')).data;
    left.push(...Object.keys(audit).map((m) => `audit ${m}`));
    const policies = (await s.vault.client.read<{ data: { keys: string[] } }>('sys/policies/acl?list=true')).data.keys;
    left.push(...policies.filter((p) => p !== 'default' && p !== 'root').map((p) => `policy ${p}`));
    for (const t of tenants) {
      const ns = await s.kubernetes.client.request('GET', `/api/v1/namespaces/${t}`);
      if (ns.status === 200 && (ns.json as { status?: { phase?: string } }).status?.phase !== 'Terminating') left.push(`namespace ${t}`);
    }
    for (const o of await managedClusterObjects()) if (o.kind !== 'namespaces' || !o.terminating) left.push(`${o.kind} ${o.name}`);
    return left;
  }

  /** Cluster-scoped objects the stacks create carry the managed-by label: namespaces, cluster RBAC, admission policies. */
  const CLUSTER_KINDS = [
    ['/api/v1', 'namespaces'],
    ['/apis/rbac.authorization.k8s.io/v1', 'clusterroles'],
    ['/apis/rbac.authorization.k8s.io/v1', 'clusterrolebindings'],
    ['/apis/admissionregistration.k8s.io/v1', 'validatingadmissionpolicies'],
    ['/apis/admissionregistration.k8s.io/v1', 'validatingadmissionpolicybindings'],
  ] as const;

  async function managedClusterObjects(): Promise<{ kind: string; name: string; path: string; terminating: boolean }[]> {
    const found: { kind: string; name: string; path: string; terminating: boolean }[] = [];
    for (const [base, kind] of CLUSTER_KINDS) {
      const r = await servers!.kubernetes.client.request('GET', `${base}/${kind}?labelSelector=${encodeURIComponent('app.kubernetes.io/managed-by=sovereign-landing-zone')}`);
      if (r.status !== 200) throw new Error(`list ${kind}: ${r.status} ${r.text}`);
      for (const item of (r.json as { items: { metadata: { name: string }; status?: { phase?: string } }[] }).items) {
        found.push({ kind, name: item.metadata.name, path: `${base}/${kind}/${item.metadata.name}`, terminating: item.status?.phase === 'Terminating' });
      }
    }
    return found;
  }

  /** After an example, whatever happened: the next one starts on clean servers (never counted as a pass). */
  async function forceClean(tenants: readonly string[]): Promise<void> {
    const s = servers!;
    const v = s.vault.client;
    const auth = (await v.read<{ data: Record<string, unknown> }>('sys/auth')).data;
    for (const m of Object.keys(auth).filter((x) => x !== 'token/')) await v.request('DELETE', `sys/auth/${m}`);
    const mounts = (await v.read<{ data: Record<string, unknown> }>('sys/mounts')).data;
    for (const m of Object.keys(mounts).filter((x) => x.startsWith('tenants/') || x.startsWith('pki'))) await v.request('DELETE', `sys/mounts/${m}`);
    const audit = (await v.read<{ data: Record<string, unknown> }>('sys/audit')).data;
    for (const m of Object.keys(audit)) await v.request('DELETE', `sys/audit/${m}`);
    const policies = (await v.read<{ data: { keys: string[] } }>('sys/policies/acl?list=true')).data.keys;
    for (const p of policies.filter((x) => x !== 'default' && x !== 'root')) await v.request('DELETE', `sys/policies/acl/${p}`);
    const managed = await managedClusterObjects();
    const namespaces = [...new Set([...tenants, 'slz-logging', ...managed.filter((o) => o.kind === 'namespaces').map((o) => o.name)])];
    for (const o of managed.filter((x) => x.kind !== 'namespaces')) await s.kubernetes.client.request('DELETE', o.path);
    for (const ns of namespaces) await s.kubernetes.client.request('DELETE', `/api/v1/namespaces/${ns}`);
    for (const ns of namespaces) await s.kubernetes.client.waitGone(`/api/v1/namespaces/${ns}`).catch(() => undefined);
  }

  /** The API server's own message for a refusal (the body is a Status object). */
  const message = (r: { json?: unknown; text: string }): string => (r.json as { message?: string } | undefined)?.message ?? r.text;

  const restricted = { allowPrivilegeEscalation: false, runAsNonRoot: true, runAsUser: 10001, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } };
  const pod = (name: string, image: string, opts: { nodeSelector?: Record<string, string>; privileged?: boolean; cpu?: string } = {}) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      automountServiceAccountToken: false,
      ...(opts.nodeSelector ? { nodeSelector: opts.nodeSelector } : {}),
      containers: [
        {
          name: 'c',
          image,
          securityContext: opts.privileged ? { privileged: true } : restricted,
          resources: { requests: { cpu: opts.cpu ?? '10m', memory: '16Mi' }, limits: { cpu: opts.cpu ?? '10m', memory: '16Mi' } },
        },
      ],
    },
  });

  /** The checks every example gets, through the real APIs. */
  async function verify(out: string, spec: Spec): Promise<void> {
    const s = servers!;
    const v = s.vault.client;
    const k = s.kubernetes.client;

    // Transit keys: custody, deletion, rotation (an HMAC key that exists at all proves its key_size was sent).
    for (const t of spec.tenants) {
      const keys = t.keys?.length ? t.keys : [{ name: 'data', purpose: 'encryption', rotateDays: 365 }];
      for (const key of keys) {
        const read = (await v.read<{ data: Json }>(`tenants/${t.name}/transit/keys/${key.name}`)).data;
        expect({ key: `${t.name}/${key.name}`, exportable: read.exportable, backup: read.allow_plaintext_backup, deletion: read.deletion_allowed }).toEqual({ key: `${t.name}/${key.name}`, exportable: false, backup: false, deletion: false });
        count();
        if (key.rotateDays) {
          expect(Number(read.auto_rotate_period)).toBe(key.rotateDays * 86400);
          count();
        }
      }
    }

    // Workload identity: a TokenRequest token logs in, uses its own key, is denied another tenant's.
    // Every workload, every key it was granted; one foreign key per workload for the denial.
    for (const t of spec.tenants) {
      const declared = t.keys?.length ? t.keys : [{ name: 'data', purpose: 'encryption', rotateDays: 365 }];
      for (const w of (t.workloads ?? []).filter((x) => (x.keys ?? []).length > 0)) {
        const jwt = await k.tokenRequest(t.name, w.serviceAccount, { audiences: ['vault', s.kubernetes.issuer] });
        const workload = v.withToken(await v.kubernetesLogin('kubernetes', `${t.name}-${w.serviceAccount}`, jwt));
        const input = Buffer.from(`e2e ${t.name}/${w.serviceAccount}`).toString('base64');
        for (const name of w.keys!) {
          const key = declared.find((x) => x.name === name);
          if (!key) throw new Error(`${t.name}/${w.serviceAccount} names key ${name}, which the derived file does not declare`);
          const path = `tenants/${t.name}/transit`;
          if (key.purpose === 'encryption' || key.purpose === 'key-wrapping') {
            const sealed = await workload.write<{ data: { ciphertext: string } }>(`${path}/encrypt/${key.name}`, { plaintext: input });
            const opened = await workload.write<{ data: { plaintext: string } }>(`${path}/decrypt/${key.name}`, { ciphertext: sealed.data.ciphertext });
            expect(opened.data.plaintext).toBe(input);
          } else if (key.purpose === 'signing') {
            const signed = await workload.write<{ data: { signature: string } }>(`${path}/sign/${key.name}`, { input });
            expect((await workload.write<{ data: { valid: boolean } }>(`${path}/verify/${key.name}`, { input, signature: signed.data.signature })).data.valid).toBe(true);
          } else {
            expect((await workload.write<{ data: { hmac: string } }>(`${path}/hmac/${key.name}`, { input })).data.hmac).toMatch(/^vault:v1:/);
          }
          // Use, not custody: the key's configuration stays out of reach.
          expect((await workload.request('GET', `${path}/keys/${key.name}`)).status).toBe(403);
          count(2);
        }
        const other = spec.tenants.find((o) => o.name !== t.name);
        if (other) {
          const otherKey = other.keys?.[0]?.name ?? 'data';
          expect((await workload.request('POST', `tenants/${other.name}/transit/encrypt/${otherKey}`, { plaintext: input })).status).toBe(403);
          count();
        }
      }
    }

    // PKI: a certificate for an agency domain, none for a foreign one.
    if (spec.pki) {
      for (const role of stackResources(out, 'vault_pki_secret_backend_role')) {
        const tenant = spec.tenants.find((t) => role.stack.includes(`-tenant-${t.name}-`))!;
        const mount = `tenants/${tenant.name}/pki`;
        const ok = await v.request('POST', `${mount}/issue/${String(role.body.name)}`, { common_name: `e2e.${spec.pki.domains[0]}`, ttl: '1h' });
        expect({ status: ok.status, errors: (ok.json as { errors?: unknown }).errors }).toMatchObject({ status: 200 });
        const foreign = await v.request('POST', `${mount}/issue/${String(role.body.name)}`, { common_name: 'e2e.evil.example.com', ttl: '1h' });
        expect(foreign.status).toBe(400);
        count(2);
      }
    }

    // Audit: both devices, and an entry reached the relay.
    const devices = (await v.read<{ data: Record<string, { type: string }> }>('sys/audit')).data;
    expect(new Set(Object.values(devices).map((d) => d.type))).toEqual(new Set(['file', 'socket']));
    await v.read('sys/mounts');
    await s.audit.waitFor((e) => (e.request as { path?: string } | undefined)?.path === 'sys/mounts');
    count(2);

    // Logs: the applied forwarder tails every tenant namespace of the tree, code-defined ones included.
    const forwarder = await k.ok<{ data: Record<string, string> }>('GET', '/api/v1/namespaces/slz-logging/configmaps/slz-log-forwarder-config');
    const tailed = /^\s*Path\s+(.+)$/m.exec(Object.values(forwarder.data).join('\n'))?.[1] ?? '';
    for (const t of tenantsOf(out)) expect({ tenant: t.name, tailed: tailed.includes(`*_${t.name}_*`) }).toEqual({ tenant: t.name, tailed: true });
    count();

    // Kubernetes: Pod Security, the residency policy, the quota, RBAC, NetworkPolicies as synthesized.
    const region = spec.regions[0]!;
    const registry = String(region.kubernetes.imageRegistry);
    const pin = { 'topology.kubernetes.io/region': String(((region.kubernetes.nodeRegions as string[] | undefined) ?? [region.site.id])[0]) };
    for (const t of spec.tenants) {
      const ns = `/api/v1/namespaces/${t.name}/pods`;
      const deadline = Date.now() + 60_000;
      while ((await k.request('POST', `${ns}?dryRun=All`, pod('probe', `${registry}/app:1`))).status !== 403 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
      const privileged = await k.request('POST', ns, pod('privileged', `${registry}/app:1`, { nodeSelector: pin, privileged: true }));
      expect(privileged.status).toBe(403);
      expect(message(privileged)).toMatch(/violates PodSecurity "restricted/);
      const unpinned = await k.request('POST', ns, pod('unpinned', `${registry}/app:1`));
      expect({ status: unpinned.status, message: message(unpinned) }).toEqual({ status: 403, message: expect.stringMatching(/slz-residency/) });
      const foreign = await k.request('POST', ns, pod('foreign', 'docker.io/library/busybox:1.36', { nodeSelector: pin }));
      expect({ status: foreign.status, message: message(foreign) }).toEqual({ status: 403, message: expect.stringMatching(/in-country registry/) });
      const compliant = await k.request('POST', ns, pod('compliant', `${registry}/app:1`, { nodeSelector: pin }));
      expect({ status: compliant.status, message: (compliant.json as { message?: string }).message }).toMatchObject({ status: 201 });
      await k.ok('DELETE', `${ns}/compliant`);
      const tooBig = await k.request('POST', ns, pod('too-big', `${registry}/app:1`, { nodeSelector: pin, cpu: `${Number.parseFloat(t.quota.cpu) * 2 + 1}` }));
      expect({ status: tooBig.status, message: message(tooBig) }).toEqual({ status: 403, message: expect.stringMatching(/exceeded quota|must be less than or equal to/) });
      count(5);
      for (const group of t.access?.developers ?? []) {
        const dev = k.as(`e2e-developer-of-${t.name}`, [group]);
        expect(await dev.can('create', 'deployments', t.name, { group: 'apps' })).toBe(true);
        expect(await dev.can('get', 'secrets', t.name)).toBe(false);
        expect(await dev.can('create', 'pods', t.name, { subresource: 'exec' })).toBe(false);
        count(3);
      }
      const stored = (await k.ok<{ items: { metadata: { name: string } }[] }>('GET', `/apis/networking.k8s.io/v1/namespaces/${t.name}/networkpolicies`)).items.map((p) => p.metadata.name).sort();
      const graph = graphOf(out);
      const synthesized = stackResources(out, 'kubernetes_network_policy_v1')
        .filter((p) => graph.stacks[p.stack]?.tenant === t.name)
        .map((p) => String((p.body.metadata as Json).name))
        .sort();
      expect(stored).toEqual(synthesized);
      expect(stored).toEqual(expect.arrayContaining(['default-deny', 'allow-dns']));
      count(2);
    }
  }

  /**
   * Plan to a file and apply that file, stack by stack in waves: the flow the generated pipelines
   * and docs/apply.md follow. With SLZ_E2E_SAVE_PLANS each plan is also kept, as `show -json`.
   */
  function applyAll(tool: IacTool, env: NodeJS.ProcessEnv, out: string, applied: string[], saveAs?: string): void {
    for (const wave of graphOf(out).waves) {
      for (const stack of wave) {
        const dir = join(out, 'stacks', stack);
        must(tool, env, dir, 'init');
        if (!applied.includes(stack)) applied.push(stack);
        must(tool, env, dir, 'plan', '-out=apply.tfplan');
        if (SAVE_PLANS && saveAs) savePlan(saveAs, `${stack}.json`, showJson(tool, env, dir, 'apply.tfplan'));
        try {
          must(tool, env, dir, 'apply', 'apply.tfplan');
        } finally {
          rmSync(join(dir, 'apply.tfplan'), { force: true });
        }
      }
    }
  }

  function showJson(tool: IacTool, env: NodeJS.ProcessEnv, stackDir: string, planFile: string): string {
    const shown = spawnSync(tool.path, [`-chdir=${stackDir}`, 'show', '-json', planFile], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (shown.status !== 0) throw new Error(`show ${stackDir}: ${shown.stderr}`);
    return shown.stdout;
  }

  /**
   * One plan into the corpus folder: the run's temporary folder and loopback ports out (the
   * folders under it have fixed names), so a re-run rewrites the same text where the servers
   * answer the same; the JSON is otherwise what the engine wrote.
   */
  function savePlan(group: string, name: string, json: string): void {
    const target = join(SAVE_PLANS!, group);
    mkdirSync(target, { recursive: true });
    const text = json
      .split(work)
      .join('/e2e')
      .split(dirname(servers!.kubernetes.kubeconfig))
      .join('/e2e-servers')
      .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT');
    writeFileSync(join(target, name), text);
  }

  function replanChanges(tool: IacTool, env: NodeJS.ProcessEnv, out: string): string[] {
    const changed: string[] = [];
    for (const stack of graphOf(out).waves.flat()) {
      const r = run(tool, env, join(out, 'stacks', stack), 'plan', '-detailed-exitcode');
      if (r.status === 2) changed.push(`${stack}:\n${r.out.split('\n').filter((l) => /^\s+[~+-]|will be|must be/.test(l)).slice(0, 30).join('\n')}`);
      else if (r.status !== 0) throw new Error(`plan ${stack} failed:\n${r.out.slice(-3000)}`);
    }
    return changed;
  }

  async function destroyAll(tool: IacTool, env: NodeJS.ProcessEnv, out: string, applied: string[]): Promise<void> {
    await allowKeyDeletion(out);
    const order = graphOf(out).waves.flat().filter((s) => applied.includes(s)).reverse();
    for (const stack of order) must(tool, env, join(out, 'stacks', stack), 'destroy', '-auto-approve');
    for (const t of tenantsOf(out)) await servers!.kubernetes.client.waitGone(`/api/v1/namespaces/${t.name}`).catch(() => undefined);
  }

  const cases: { example: string; tool: () => IacTool | undefined }[] = [
    ...['minimal', 'ministry-health', 'national-registry', 'asean-shared-service', 'sovereign-ai-workspace', 'typescript-fork'].map((example) => ({ example, tool: () => tofu })),
    { example: 'minimal', tool: () => terraform },
  ];

  for (const { example, tool: pick } of cases) {
    const name = `${example} with ${pick()?.name ?? 'terraform (not on PATH)'}`;
    if (!pick()) {
      it(`${name} DID NOT RUN (missing: terraform on PATH)`, () => undefined);
      continue;
    }
    step(
      `${name}: applies wave by wave, does what it promises, plans no change, destroys to nothing`,
      async () => {
        const tool = pick()!;
        const dir = join(work, `${example}-${tool.name}`);
        mkdirSync(dir);
        const out = join(dir, 'cdktf.out');
        const env = tfEnv(dir);
        const applied: string[] = [];
        let { file, spec } = derive(example, dir);
        if (spec.state?.backend === 'kubernetes') await servers!.kubernetes.client.request('POST', '/api/v1/namespaces', { metadata: { name: 'slz-state' } });
        synth(example, file, out);
        try {
          if (example === 'national-registry') {
            // Vault community refuses post-quantum transit keys (ErrPQCEntOnly): the apply says so,
            // then the documented subset without them is applied.
            const pq = spec.tenants.flatMap((t) => (t.keys ?? []).filter((k) => PQ.includes(k.algorithm ?? '')).map((k) => `${t.name}/${k.name}`));
            expect(pq.length).toBeGreaterThan(0);
            let refusal = '';
            try {
              applyAll(tool, env, out, applied);
            } catch (e) {
              refusal = (e as Error).message;
            }
            expect(refusal).toMatch(/only available in enterprise versions of Vault/);
            count();
            ({ file, spec } = derive(example, dir, (d) => {
              for (const t of d.tenants) {
                const removed = new Set((t.keys ?? []).filter((k) => PQ.includes(k.algorithm ?? '')).map((k) => k.name));
                t.keys = (t.keys ?? []).filter((k) => !removed.has(k.name));
                for (const w of t.workloads ?? []) w.keys = (w.keys ?? []).filter((k) => !removed.has(k));
              }
            }));
            synth(example, file, out);
          }
          applyAll(tool, env, out, applied, `${example}-create${tool.name === 'tofu' ? '' : `-${tool.name}`}`);
          await verify(out, spec);
          // The OIDC client secret goes through a write-only argument: applied, yet in no state file.
          if (spec.identity?.oidc && existsSync(join(dir, 'terraform-state'))) {
            const states = readdirSync(join(dir, 'terraform-state')).filter((f) => f.endsWith('.tfstate'));
            expect(states.length).toBeGreaterThan(0);
            for (const f of states) expect(readFileSync(join(dir, 'terraform-state', f), 'utf8')).not.toContain(OIDC_SECRET);
            count();
          }
          const changes = replanChanges(tool, env, out);
          tally.replanChanges += changes.length;
          expect(changes).toEqual([]);
          count();
          if (example === 'minimal') await reviewRealPlans(tool, env, dir, out, example);
          await destroyAll(tool, env, out, applied);
          const left = await leftovers(tenantsOf(out).map((t) => t.name));
          tally.leftAfterDestroy += left.length;
          expect(left).toEqual([]);
          count();
          tally.examples.add(example);
          tally.runs++;
        } finally {
          await forceClean(existsSync(join(out, 'stack-graph.json')) ? tenantsOf(out).map((t) => t.name) : []);
        }
      },
      60 * 60_000,
    );
  }

  /** One change per kind the review rules care about, planned for real and reviewed. */
  async function reviewRealPlans(tool: IacTool, env: NodeJS.ProcessEnv, dir: string, out: string, example: string): Promise<void> {
    type Change = { address: string; action: string };
    const of = (list: Change[], action: string) => list.filter((c) => c.action === action).map((c) => c.address.split('.')[0]);
    const changes: { name: string; edit: (spec: Spec) => void; expect: string[]; actions: (list: Change[]) => void }[] = [
      {
        name: 'widen-egress',
        edit: (s) => {
          const net = s.network as Json;
          net.egress = [...((net.egress as Json[] | undefined) ?? []), { name: 'partner', cidr: '10.200.0.0/16', ports: [443] }];
          const first = s.tenants[0] as Tenant & { egress?: string[] };
          first.egress = [...(first.egress ?? []), 'partner'];
        },
        expect: ['RV-EGRESS-WIDEN'],
        // One new NetworkPolicy in the tenant's namespace; nothing else created, replaced or deleted.
        actions: (list) => {
          expect(of(list, 'create')).toEqual(['kubernetes_network_policy_v1']);
          expect([...of(list, 'delete'), ...of(list, 'replace')]).toEqual([]);
        },
      },
      // A shorter rotation is no risk: the plan must still show it as an in-place update, reviewed.
      {
        name: 'rotate-period',
        edit: (s) => void (s.tenants[0]!.keys![0]!.rotateDays = 30),
        expect: [],
        actions: (list) => expect(list.filter((c) => c.action !== 'noop').map((c) => `${c.action} ${c.address.split('.')[0]}`)).toEqual(['update vault_transit_secret_backend_key']),
      },
      {
        name: 'remove-tenant',
        edit: (s) => void (s.tenants = [{ name: 'other', quota: { cpu: '1', memory: '1Gi', pods: 5 } } as unknown as Tenant]),
        expect: ['RV-NAMESPACE-DELETE', 'RV-KEY-DELETE', 'RV-MOUNT-DELETE'],
        actions: (list) => {
          expect(of(list, 'delete')).toEqual(expect.arrayContaining(['kubernetes_namespace_v1', 'vault_mount', 'vault_transit_secret_backend_key']));
          expect(of(list, 'replace')).toEqual([]);
        },
      },
    ];
    for (const change of changes) {
      // The changed tree beside its own copy of the applied state, where the stacks' relative
      // local-state path (../../../terraform-state) finds it.
      const cdir = join(dir, change.name);
      mkdirSync(cdir);
      const head = join(cdir, 'cdktf.out');
      const { file } = derive(example, cdir, change.edit, dir);
      synth(example, file, head);
      cpSync(join(dir, 'terraform-state'), join(cdir, 'terraform-state'), { recursive: true });
      const plans = join(cdir, 'plans');
      mkdirSync(plans);
      for (const stack of graphOf(out).waves.flat().filter((st) => existsSync(join(head, 'stacks', st)))) {
        const stackDir = join(head, 'stacks', stack);
        must(tool, env, stackDir, 'init');
        must(tool, env, stackDir, 'plan', '-out=plan.bin');
        writeFileSync(join(plans, `${stack}.json`), showJson(tool, env, stackDir, 'plan.bin'));
      }
      // A stack the change removes is destroyed from its last configuration (what orphaned/<stack>/ keeps).
      for (const stack of graphOf(out).waves.flat().filter((st) => !existsSync(join(head, 'stacks', st)))) {
        const stackDir = join(out, 'stacks', stack);
        must(tool, env, stackDir, 'plan', '-destroy', '-out=destroy.bin');
        writeFileSync(join(plans, `${stack}.json`), showJson(tool, env, stackDir, 'destroy.bin'));
        rmSync(join(stackDir, 'destroy.bin'));
      }
      const r = spawnSync(process.execPath, [SLZ, 'review', '--plan', plans, '--synth', head, '--format', 'json', '--fail-on', 'never'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(r.status).toBe(0);
      const report = JSON.parse(r.stdout) as { changes: (Change & { risks?: { ruleId: string }[] })[] };
      const ids = new Set(report.changes.flatMap((c) => (c.risks ?? []).map((x) => x.ruleId)));
      expect(report.changes.length).toBeGreaterThan(0);
      change.actions(report.changes);
      for (const id of change.expect) expect([...ids]).toContain(id);
      // No value the plans mark sensitive is printed.
      expect(r.stdout).not.toContain(OIDC_SECRET);
      count(change.expect.length + 2);
      if (SAVE_PLANS) for (const f of readdirSync(plans)) savePlan(`${example}-${change.name}${tool.name === 'tofu' ? '' : `-${tool.name}`}`, f, readFileSync(join(plans, f), 'utf8'));
    }
  }
});
