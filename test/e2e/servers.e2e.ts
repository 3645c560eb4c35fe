/**
 * Smoke test of the server kit: the real etcd, kube-apiserver, kube-controller-manager and Vault the
 * harness starts answer as the other e2e suites assume. CI runs it first, right after the kit builds;
 * with CI=true a missing server binary fails it (never a skip). No kubelet/scheduler/CNI: pods are
 * only admitted or refused, and stay Pending.
 */
import { randomBytes } from 'node:crypto';
import { gate, itWithLogs, kitVersion, serverBinaries, startServers, type Servers } from './harness';

const { binaries, missing } = serverBinaries();

describe('e2e server kit (smoke)', () => {
  if (!gate('e2e server kit smoke', missing, { failInCi: true })) return;

  let servers: Servers | undefined;
  const step = itWithLogs(() => servers);
  const suffix = randomBytes(3).toString('hex');
  const kube = () => servers!.kubernetes.client;
  const vault = () => servers!.vault.client;

  beforeAll(async () => {
    servers = await startServers({ binaries: binaries! });
  }, 6 * 60_000);

  afterAll(async () => {
    await servers?.stop();
  }, 60_000);

  step('kube-apiserver reports the kit version on /version', async () => {
    const v = await kube().get<{ gitVersion: string; major: string; minor: string }>('/version');
    expect(v).toMatchObject({ gitVersion: `v${kitVersion('kubernetes')}`, major: '1', minor: kitVersion('kubernetes').split('.')[1] });
  });

  step('a new namespace gets its default service account, and deleting it completes (controller manager)', async () => {
    const ns = `smoke-ns-${suffix}`;
    await kube().create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    await kube().waitFor(`/api/v1/namespaces/${ns}/serviceaccounts/default`, () => true, 60_000);
    await kube().waitFor<{ metadata: { name: string } }>(`/api/v1/namespaces/${ns}/configmaps/kube-root-ca.crt`, () => true, 60_000);
    await kube().ok('DELETE', `/api/v1/namespaces/${ns}`);
    await kube().waitGone(`/api/v1/namespaces/${ns}`, 120_000);
  });

  step('Pod Security (enforce=restricted) refuses a privileged pod and admits a restricted one', async () => {
    const ns = `smoke-psa-${suffix}`;
    await kube().create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } });
    await kube().waitFor(`/api/v1/namespaces/${ns}/serviceaccounts/default`);
    const pod = (name: string, securityContext: Record<string, unknown>) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name },
      spec: { automountServiceAccountToken: false, containers: [{ name: 'c', image: 'registry.example/app:1', securityContext }] },
    });
    const refused = await kube().request('POST', `/api/v1/namespaces/${ns}/pods`, pod('privileged', { privileged: true }));
    expect(refused.status).toBe(403);
    expect((refused.json as { message: string }).message).toMatch(/violates PodSecurity "restricted:latest".*privileged/);

    const restricted = { allowPrivilegeEscalation: false, runAsNonRoot: true, runAsUser: 10001, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } };
    const admitted = await kube().request('POST', `/api/v1/namespaces/${ns}/pods`, pod('restricted', restricted));
    expect(admitted.status).toBe(201);
  });

  step('an impersonated user without bindings is refused by RBAC', async () => {
    const dev = kube().as(`smoke-dev-${suffix}`, ['smoke-developers']);
    expect(await dev.can('list', 'secrets', 'default')).toBe(false);
    expect((await dev.request('GET', '/api/v1/namespaces/default/secrets')).status).toBe(403);
    // The admin (system:masters) may: the refusal above is RBAC, not a broken request.
    expect((await kube().request('GET', '/api/v1/namespaces/default/secrets')).status).toBe(200);
  });

  step('Vault answers sys/health over TLS: initialized, unsealed, the kit version', async () => {
    const health = await vault().read<{ initialized: boolean; sealed: boolean; version: string }>('sys/health');
    expect(health).toMatchObject({ initialized: true, sealed: false, version: kitVersion('vault') });
    expect(servers!.vault.address).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  step('a socket audit device pointed at the listener delivers an entry for a request', async () => {
    const path = `smoke-socket-${suffix}`;
    await vault().write(`sys/audit/${path}`, { type: 'socket', options: { address: servers!.audit.address, socket_type: 'tcp' } });
    const devices = await vault().read<{ data: Record<string, { type: string }> }>('sys/audit');
    expect(devices.data[`${path}/`]?.type).toBe('socket');
    await vault().read('auth/token/lookup-self');
    const entry = await servers!.audit.waitFor((e) => e.type === 'response' && (e.request as { path?: string } | undefined)?.path === 'auth/token/lookup-self');
    // The audit device HMACs the client token: the raw root token never leaves the server.
    expect(JSON.stringify(entry)).not.toContain(servers!.vault.rootToken);
    await vault().ok('DELETE', `sys/audit/${path}`);
  });

  step('a TokenRequest service-account token logs in through Vault kubernetes auth; an unbound account is refused', async () => {
    const ns = `smoke-auth-${suffix}`;
    const mount = `smoke-k8s-${suffix}`;
    await kube().create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    for (const sa of ['app', 'other', 'reviewer']) {
      await kube().create(`/api/v1/namespaces/${ns}/serviceaccounts`, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa } });
    }
    // Vault reviews login JWTs through the TokenReview API with its own reviewer identity.
    await kube().create('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: `smoke-reviewer-${suffix}` },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:auth-delegator' },
      subjects: [{ kind: 'ServiceAccount', name: 'reviewer', namespace: ns }],
    });
    const reviewer = await kube().tokenRequest(ns, 'reviewer', { expirationSeconds: 3600 });

    await vault().write(`sys/auth/${mount}`, { type: 'kubernetes' });
    await vault().write(`auth/${mount}/config`, { kubernetes_host: servers!.kubernetes.server, kubernetes_ca_cert: servers!.kubernetes.caPem, token_reviewer_jwt: reviewer });
    await vault().write(`auth/${mount}/role/app`, { bound_service_account_names: ['app'], bound_service_account_namespaces: [ns], audience: servers!.kubernetes.issuer, token_policies: ['default'], token_ttl: '5m' });

    const jwt = await kube().tokenRequest(ns, 'app');
    const clientToken = await vault().kubernetesLogin(mount, 'app', jwt);
    const self = await vault().withToken(clientToken).read<{ data: { policies: string[]; meta: Record<string, string> } }>('auth/token/lookup-self');
    expect(self.data.policies).toEqual(['default']);
    expect(self.data.meta).toMatchObject({ service_account_name: 'app', service_account_namespace: ns });

    const other = await kube().tokenRequest(ns, 'other');
    const refused = await vault().request('POST', `auth/${mount}/login`, { role: 'app', jwt: other });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.json)).toMatch(/service account name not authorized/);
  });
});
