import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { Testing, TerraformStack } from 'cdktf';
import { LogForwarder, parseImageReference, renderFluentBitConfig, type LogForwarderProps } from '../../constructs/log-forwarder';
import { problems } from '../helpers/constructs';

type Body = Record<string, unknown> & { metadata?: { name?: string; namespace?: string; labels?: Record<string, string> } };
type Resources = Record<string, Record<string, Body>>;
interface Volume {
  name: string;
  host_path?: { path: string; type: string };
  empty_dir?: { size_limit: string };
  config_map?: Record<string, unknown>;
}
interface Mount {
  name: string;
  mount_path: string;
  read_only?: boolean;
}
interface PodSpec {
  automount_service_account_token: boolean;
  host_network: boolean;
  host_pid: boolean;
  host_ipc: boolean;
  security_context: Record<string, unknown>;
  service_account_name: string;
  container: { image: string; security_context: Record<string, unknown>; resources: unknown; volume_mount: Mount[] }[];
  volume: Volume[];
}

const context = { agency: 'moh', classification: 'SULIT', jurisdiction: 'MY', region: 'cyberjaya' };
const DIGEST = `sha256:${'a'.repeat(64)}`;
const props: LogForwarderProps = {
  image: `registry.example.gov.my/mirror/fluent-bit:3.2.4@${DIGEST}`,
  registry: 'registry.example.gov.my',
  sink: { type: 'syslog', host: 'logs.cyberjaya.example.gov.my', port: 6514 },
  tenantNamespaces: ['patient-records', 'billing'],
  context,
};

function stack(): TerraformStack {
  return new TerraformStack(Testing.app({ outdir: process.env.SLZ_TEST_TMP }), 'stack');
}

function synth(p: LogForwarderProps = props): Resources {
  const s = stack();
  new LogForwarder(s, 'logs', p);
  return (JSON.parse(Testing.synth(s)) as { resource: Resources }).resource;
}

function all(res: Resources, type: string): Body[] {
  return Object.values(res[type] ?? {});
}

function one(res: Resources, type: string): Body {
  const xs = all(res, type);
  expect(xs).toHaveLength(1);
  return xs[0] as Body;
}

function podSpec(res: Resources): PodSpec {
  return (one(res, 'kubernetes_daemon_set_v1').spec as { template: { spec: PodSpec } }).template.spec;
}

function config(res: Resources): string {
  return (one(res, 'kubernetes_config_map_v1').data as Record<string, string>)['fluent-bit.conf'] ?? '';
}

/** `[SECTION]` blocks as lists of [key, value] pairs. */
function sections(conf: string): { name: string; entries: [string, string][] }[] {
  return conf
    .split(/\n(?=\[)/)
    .map((block) => {
      const [head = '', ...lines] = block.trim().split('\n');
      return {
        name: head.replace(/[[\]]/g, ''),
        entries: lines.map((l) => {
          const m = /^\s+(\S+)\s+(.*)$/.exec(l);
          return [m?.[1] ?? '', m?.[2] ?? ''] as [string, string];
        }),
      };
    });
}


describe('LogForwarder', () => {
  test('namespace enforces privileged (hostPath) but audits and warns restricted', () => {
    const ns = one(synth(), 'kubernetes_namespace_v1');
    expect(ns.metadata?.name).toBe('slz-logging');
    expect(ns.metadata?.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'privileged',
      'pod-security.kubernetes.io/enforce-version': 'latest',
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/audit-version': 'latest',
      'pod-security.kubernetes.io/warn': 'restricted',
      'pod-security.kubernetes.io/warn-version': 'latest',
      'sovereign.slz.dev/agency': 'moh',
      'sovereign.slz.dev/component': 'log-forwarder',
    });
    // Not a tenant namespace: the ResidencyGuard binding must not select it.
    expect(ns.metadata?.labels).not.toHaveProperty(['sovereign.slz.dev/tenant']);
    expect(one(synth({ ...props, namespace: 'logging' }), 'kubernetes_namespace_v1').metadata?.name).toBe('logging');
  });

  test('container and pod security contexts: non-root, read-only root, no escalation, no capabilities, RuntimeDefault seccomp', () => {
    const spec = podSpec(synth());
    expect(spec.security_context).toEqual({
      run_as_non_root: true,
      run_as_user: '10001',
      run_as_group: '10001',
      supplemental_groups: [0],
      seccomp_profile: { type: 'RuntimeDefault' },
    });
    expect(spec.container).toHaveLength(1);
    expect(spec.container[0]?.security_context).toEqual({
      run_as_non_root: true,
      run_as_user: '10001',
      privileged: false,
      read_only_root_filesystem: true,
      allow_privilege_escalation: false,
      capabilities: { drop: ['ALL'] },
      seccomp_profile: { type: 'RuntimeDefault' },
    });
    expect(spec).toMatchObject({ host_network: false, host_pid: false, host_ipc: false });
  });

  test('host paths: only /var/log/containers and /var/log/pods, mounted read-only at the same paths', () => {
    const spec = podSpec(synth());
    const hostPaths = spec.volume.filter((v) => v.host_path);
    expect(hostPaths.map((v) => v.host_path)).toEqual([
      { path: '/var/log/containers', type: 'Directory' },
      { path: '/var/log/pods', type: 'Directory' },
    ]);
    const mounts = spec.container[0]?.volume_mount ?? [];
    for (const v of hostPaths) {
      const m = mounts.find((x) => x.name === v.name);
      expect(m).toEqual({ name: v.name, mount_path: v.host_path?.path, read_only: true });
    }
    // Every mount except the state directory is read-only.
    for (const m of mounts) if (m.name !== 'state') expect(m.read_only).toBe(true);
  });

  test('tail positions and buffer live on a bounded emptyDir, not on the node', () => {
    const spec = podSpec(synth());
    expect(spec.volume.find((v) => v.name === 'state')).toEqual({ name: 'state', empty_dir: { size_limit: '1Gi' } });
    expect(spec.container[0]?.volume_mount.find((m) => m.name === 'state')).toEqual({ name: 'state', mount_path: '/var/fluent-bit/state' });
    expect(config(synth())).toMatch(/DB\s+\/var\/fluent-bit\/state\/tail-positions\.db/);
  });

  test('resources: requests and limits, defaults and overrides', () => {
    expect(podSpec(synth()).container[0]?.resources).toEqual({ requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } });
    expect(podSpec(synth({ ...props, resources: { memoryLimit: '512Mi' } })).container[0]?.resources).toEqual({
      requests: { cpu: '50m', memory: '64Mi' },
      limits: { cpu: '500m', memory: '512Mi' },
    });
  });

  test('token: only the DaemonSet pod template mounts one; every service account has automount off', () => {
    const res = synth();
    expect(podSpec(res).automount_service_account_token).toBe(true);
    expect(podSpec(res).service_account_name).toMatch(/^\$\{kubernetes_service_account_v1\./);
    expect(one(res, 'kubernetes_service_account_v1').automount_service_account_token).toBe(false);
    expect(one(res, 'kubernetes_default_service_account_v1').automount_service_account_token).toBe(false);
  });

  test('cluster role: get/list/watch on pods and namespaces only, bound to the forwarder account', () => {
    const res = synth();
    expect(one(res, 'kubernetes_cluster_role_v1').rule).toEqual([{ api_groups: [''], resources: ['pods', 'namespaces'], verbs: ['get', 'list', 'watch'] }]);
    const binding = one(res, 'kubernetes_cluster_role_binding_v1');
    expect(binding.role_ref).toEqual({ api_group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: expect.stringMatching(/^\$\{kubernetes_cluster_role_v1\./) });
    expect(binding.subject).toEqual([
      { kind: 'ServiceAccount', name: expect.stringMatching(/^\$\{kubernetes_service_account_v1\./), namespace: expect.stringMatching(/^\$\{kubernetes_namespace_v1\./) },
    ]);
  });

  test('the namespace has a quota sized for maxNodes, a LimitRange, and refs to the namespace resource', () => {
    const res = synth({ ...props, maxNodes: 10 });
    expect(one(res, 'kubernetes_resource_quota_v1').spec).toEqual({
      hard: {
        'requests.cpu': '500m',
        'limits.cpu': '5000m',
        'requests.memory': '640Mi',
        'limits.memory': '2560Mi',
        pods: '10',
        'services.loadbalancers': '0',
        'services.nodeports': '0',
      },
    });
    expect(one(res, 'kubernetes_limit_range_v1').spec).toEqual({
      limit: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, default_request: { cpu: '50m', memory: '64Mi' } }],
    });
    const nsId = Object.keys(res['kubernetes_namespace_v1'] ?? {})[0];
    for (const [type, byId] of Object.entries(res)) {
      if (type.startsWith('kubernetes_cluster_') || type === 'kubernetes_namespace_v1') continue;
      for (const r of Object.values(byId)) expect(r.metadata?.namespace).toBe(`\${kubernetes_namespace_v1.${nsId}.metadata[0].name}`);
    }
  });

  describe('Fluent Bit configuration', () => {
    test('tails only the tenant namespaces’ container logs', () => {
      const input = sections(config(synth())).filter((s) => s.name === 'INPUT');
      expect(input).toHaveLength(1);
      const path = input[0]?.entries.find(([k]) => k === 'Path')?.[1];
      expect(path?.split(',')).toEqual(['/var/log/containers/*_patient-records_*.log', '/var/log/containers/*_billing_*.log']);
      expect(input[0]?.entries).toEqual(expect.arrayContaining([['Name', 'tail'], ['Tag', 'kube.*'], ['multiline.parser', 'cri']]));
    });

    test('kubernetes filter cannot be steered by tenant annotations or merged log fields', () => {
      const k8s = sections(config(synth())).find((s) => s.entries.some(([k, v]) => k === 'Name' && v === 'kubernetes'));
      expect(k8s?.entries).toEqual(
        expect.arrayContaining([
          ['Merge_Log', 'Off'],
          ['K8S-Logging.Exclude', 'Off'],
          ['K8S-Logging.Parser', 'Off'],
          ['Kube_Token_File', '/var/run/secrets/kubernetes.io/serviceaccount/token'],
        ]),
      );
    });

    test('modify filter sets agency, classification, region, jurisdiction and the tenant from the namespace', () => {
      const modify = sections(config(synth())).find((s) => s.entries.some(([k, v]) => k === 'Name' && v === 'modify'));
      expect(modify?.entries).toEqual([
        ['Name', 'modify'],
        ['Match', 'kube.*'],
        ['Set', 'agency moh'],
        ['Set', 'classification SULIT'],
        ['Set', 'region cyberjaya'],
        ['Set', 'jurisdiction MY'],
        ['Hard_copy', 'kubernetes_namespace_name tenant'],
      ]);
    });

    test('context values are sanitised before they reach the configuration', () => {
      const conf = renderFluentBitConfig({ ...props, context: { ...context, classification: 'RAHSIA BESAR\n[OUTPUT]' } });
      expect(conf).toContain('Set                  classification RAHSIA-BESAR-OUTPUT');
      expect(conf.match(/\[OUTPUT\]/g)).toHaveLength(1);
    });

    test.each(['syslog', 'http', 'forward'] as const)('%s output always uses verified TLS to the sink', (type) => {
      const conf = config(synth({ ...props, sink: { type, host: 'logs.example.gov.my', port: 6514 } }));
      const outputs = sections(conf).filter((s) => s.name === 'OUTPUT');
      expect(outputs).toHaveLength(1);
      expect(outputs[0]?.entries).toEqual(
        expect.arrayContaining([
          ['Name', type],
          ['Host', 'logs.example.gov.my'],
          ['Port', '6514'],
          ['tls', 'On'],
          ['tls.verify', 'On'],
          ['tls.verify_hostname', 'On'],
          ['tls.vhost', 'logs.example.gov.my'],
        ]),
      );
      expect(conf).not.toMatch(/tls(\.verify)?\s+Off/i);
      // Plain strings: no quote (cdktf Fn escaping) and no literal interpolation.
      expect(conf).not.toContain('"');
      expect(conf).not.toContain('${');
    });

    test('syslog: RFC 5424 over TLS, sovereignty fields as structured data', () => {
      const out = sections(config(synth())).find((s) => s.name === 'OUTPUT');
      expect(out?.entries).toEqual(expect.arrayContaining([['Mode', 'tls'], ['Syslog_Format', 'rfc5424'], ['Syslog_SD_Key', 'slz']]));
    });

    test('http: JSON to the given path', () => {
      const out = sections(config(synth({ ...props, sink: { type: 'http', host: 'logs.example.gov.my', port: 443, path: '/ingest/v1' } }))).find((s) => s.name === 'OUTPUT');
      expect(out?.entries).toEqual(expect.arrayContaining([['URI', '/ingest/v1'], ['Format', 'json']]));
    });

    test('a CA ConfigMap is mounted read-only and used as the trust anchor', () => {
      const res = synth({ ...props, caConfigMap: 'sink-ca' });
      expect(config(res)).toMatch(/tls\.ca_file\s+\/fluent-bit\/tls\/ca\.crt/);
      const spec = podSpec(res);
      expect(spec.volume.find((v) => v.name === 'sink-ca')).toEqual({
        name: 'sink-ca',
        config_map: { name: 'sink-ca', default_mode: '0444', items: [{ key: 'ca.crt', path: 'ca.crt' }] },
      });
      expect(spec.container[0]?.volume_mount.find((m) => m.name === 'sink-ca')).toEqual({ name: 'sink-ca', mount_path: '/fluent-bit/tls', read_only: true });
      expect(config(synth())).not.toContain('tls.ca_file');
    });

    test('tenant namespaces given as tokens become Terraform references', () => {
      const s = stack();
      const ns = new NamespaceV1(s, 'tenant', { metadata: { name: 'patient-records' } });
      new LogForwarder(s, 'logs', { ...props, tenantNamespaces: [ns.metadata.name] });
      const res = (JSON.parse(Testing.synth(s)) as { resource: Resources }).resource;
      expect(config(res)).toContain('Path                 /var/log/containers/*_${kubernetes_namespace_v1.tenant.metadata[0].name}_*.log\n');
    });

    test('the pod template carries a hash of the configuration so a change rolls the pods', () => {
      const ds = one(synth(), 'kubernetes_daemon_set_v1').spec as { template: { metadata: { annotations: Record<string, string> } } };
      expect(ds.template.metadata.annotations['sovereign.slz.dev/config-sha256']).toMatch(/^\$\{sha256\(jsonencode\(kubernetes_config_map_v1\.[^)]+\.data\)\)\}$/);
    });
  });

  test('an optional NetworkFirewall locks the namespace down to DNS, the sink and the API server', () => {
    const res = synth({ ...props, firewall: { inCountryCidrs: ['10.0.0.0/8'], sinkCidr: '10.9.0.0/24', apiServerCidr: '10.0.0.0/28' } });
    const pols = Object.fromEntries(all(res, 'kubernetes_network_policy_v1').map((p) => [p.metadata?.name, p.spec as Record<string, unknown>]));
    expect(Object.keys(pols).sort()).toEqual(['allow-dns', 'allow-egress-kube-apiserver', 'allow-egress-log-sink', 'allow-same-namespace', 'default-deny']);
    expect(pols['allow-egress-log-sink']).toMatchObject({ egress: [{ to: [{ ip_block: { cidr: '10.9.0.0/24' } }], ports: [{ port: '6514', protocol: 'TCP' }] }] });
    expect(pols['allow-egress-kube-apiserver']).toMatchObject({ egress: [{ to: [{ ip_block: { cidr: '10.0.0.0/28' } }], ports: [{ port: '6443', protocol: 'TCP' }] }] });
    expect(all(synth(), 'kubernetes_network_policy_v1')).toHaveLength(0);
  });

  test('warns when the image is not pinned by digest', () => {
    const warnings = (image: string) => {
      const f = new LogForwarder(stack(), 'logs', { ...props, image });
      return f.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
    };
    expect(warnings('registry.example.gov.my/mirror/fluent-bit:3.2.4')).toEqual([expect.stringMatching(/not pinned by digest/)]);
    expect(warnings(props.image)).toEqual([]);
  });

  describe('image references', () => {
    test.each([
      ['registry.example.gov.my/mirror/fluent-bit:3.2.4', { registry: 'registry.example.gov.my', repository: 'mirror/fluent-bit', tag: '3.2.4' }],
      ['registry.example.gov.my:5000/fluent-bit', { registry: 'registry.example.gov.my:5000', repository: 'fluent-bit' }],
      ['fluent/fluent-bit:3.2', { registry: 'docker.io', repository: 'fluent/fluent-bit', tag: '3.2' }],
      ['fluent-bit', { registry: 'docker.io', repository: 'fluent-bit' }],
      ['localhost/fluent-bit', { registry: 'localhost', repository: 'fluent-bit' }],
      [`reg.gov.my/a/b@${DIGEST}`, { registry: 'reg.gov.my', repository: 'a/b', digest: DIGEST }],
    ])('%s', (ref, expected) => expect(parseImageReference(ref)).toEqual(expected));

    test.each(['', 'reg.gov.my/', 'reg.gov.my/Upper', 'reg.gov.my/a b', 'reg.gov.my/a@sha256:xyz', 'reg.gov.my/a:bad tag', 'reg.gov.my/a@b@c'])('invalid: "%s"', (ref) =>
      expect(parseImageReference(ref)).toBeUndefined(),
    );
  });

  describe('refuses invalid props', () => {
    test('image from a foreign registry, including the implicit Docker Hub', () => {
      expect(() => synth({ ...props, image: 'docker.io/fluent/fluent-bit:3.2.4' })).toThrow(
        /image "docker.io\/fluent\/fluent-bit:3.2.4" is pulled from docker.io, not from the in-country registry registry.example.gov.my/,
      );
      expect(() => synth({ ...props, image: 'fluent/fluent-bit:3.2.4' })).toThrow(/pulled from docker.io/);
      expect(() => synth({ ...props, image: 'registry.example.gov.my.evil.example/fluent-bit:1' })).toThrow(/pulled from registry.example.gov.my.evil.example/);
      expect(() => synth({ ...props, image: 'registry.example.gov.my:5000/fluent-bit:1' })).toThrow(/pulled from registry.example.gov.my:5000/);
    });

    test('malformed image or registry', () => {
      expect(() => synth({ ...props, image: 'registry.example.gov.my/Fluent Bit' })).toThrow(/is not a valid image reference/);
      expect(() => synth({ ...props, registry: 'https://registry.example.gov.my' })).toThrow(/registry "https:\/\/registry.example.gov.my" must be a lower-case host name/);
      expect(() => synth({ ...props, registry: 'registry.example.gov.my/mirror' })).toThrow(/registry/);
    });

    test('sink type, host, port and path', () => {
      expect(
        problems(() => synth({ ...props, sink: { type: 'kafka' as 'http', host: 'tcp://logs', port: 0, path: '/x' } })),
      ).toEqual([
        'sink.type must be syslog, http or forward (got kafka)',
        'sink.host "tcp://logs" must be a DNS name or an IP address',
        'sink.port must be a whole number from 1 to 65535 (got 0)',
        'sink.path applies only to type http',
      ]);
      expect(() => synth({ ...props, sink: { type: 'http', host: 'logs.gov.my', port: 443, path: 'ingest' } })).toThrow(/sink.path "ingest" must start with \//);
      expect(() => synth({ ...props, sink: { type: 'syslog', host: '10.9.0.5', port: 6514 } })).not.toThrow();
      expect(() => synth({ ...props, sink: { type: 'syslog', host: 'fd00::5', port: 6514 } })).not.toThrow();
    });

    test('tenant namespaces: present, unique, DNS labels', () => {
      expect(() => synth({ ...props, tenantNamespaces: [] })).toThrow(/tenantNamespaces must not be empty/);
      expect(() => synth({ ...props, tenantNamespaces: ['a', 'a'] })).toThrow(/tenantNamespaces has "a" more than once/);
      expect(() => synth({ ...props, tenantNamespaces: ['a_b'] })).toThrow(/tenantNamespaces\[0\] "a_b" is not a DNS-1123 label/);
      expect(() => synth({ ...props, tenantNamespaces: ['*'] })).toThrow(/DNS-1123/);
    });

    test('namespace, resources, node count, log group, CA ConfigMap', () => {
      expect(
        problems(() =>
          synth({ ...props, namespace: 'Logging', resources: { cpuRequest: '2', cpuLimit: '1' }, maxNodes: 0, logFileGroup: -1, caConfigMap: 'Bad Name' }),
        ),
      ).toEqual([
        'namespace "Logging" is not a DNS-1123 label (lower-case letters, digits and \'-\', at most 63 characters)',
        'caConfigMap "Bad Name" is not a valid DNS name',
        'resources.cpuRequest exceeds resources.cpuLimit',
        'maxNodes must be a whole number from 1 to 100000 (got 0)',
        'logFileGroup must be a whole number from 0 to 2147483647 (got -1)',
      ]);
    });

    test('a system namespace cannot be taken over', () => {
      expect(() => synth({ ...props, namespace: 'kube-system' })).toThrow(/namespace "kube-system" is reserved for the cluster/);
    });

    test('firewall blocks must be in-country', () => {
      expect(problems(() => synth({ ...props, firewall: { inCountryCidrs: ['10.0.0.0/8'], sinkCidr: '203.0.113.0/24', apiServerCidr: '10.0.0.1/24' } }))).toEqual([
        'firewall.sinkCidr "203.0.113.0/24" is not inside any in-country CIDR',
        'firewall.apiServerCidr: "10.0.0.1/24" has host bits set (did you mean 10.0.0.0/24?)',
      ]);
      expect(() => synth({ ...props, firewall: { inCountryCidrs: ['0.0.0.0/0'], sinkCidr: '0.0.0.0/0', apiServerCidr: '10.0.0.0/24' } })).toThrow(/covers every address/);
    });
  });
});
