/**
 * What the default-deny tenancy needs at runtime, judged on synthesized JSON: tenant workloads
 * reach their Vault (KT-NP4), and every tenant namespace's logs are read by a collector (KT-LOG1).
 */
import { rule as LOG1 } from '../../../src/compliance/rules/k8s-tenancy/kt-log1-tenant-logs-shipped';
import { rule as NP4 } from '../../../src/compliance/rules/k8s-tenancy/kt-np4-workloads-reach-vault';
import { containerLogPath, globMatches, tailedPaths } from '../../../src/synthesized/kubernetes/log-collector';
import { egressReaches, policyRules } from '../../../src/synthesized/kubernetes/network-policy';
import type { SynthStack } from '../../../src/synthesized';
import { bodies, copy, FULL, MINIMAL, run, stackNamed, summary, synthesize, type Tree } from '../helpers';

let minimal: Tree;
let full: Tree;

beforeAll(() => {
  minimal = synthesize(MINIMAL);
  full = synthesize(FULL);
});

type Json = Record<string, unknown>;

function policyNamed(stack: SynthStack, name: string): [string, Json] {
  const entry = Object.entries(stack.json.resource?.['kubernetes_network_policy_v1'] ?? {}).find(([, b]) => (b.metadata as Json).name === name);
  if (!entry) throw new Error(`no policy ${name} in ${stack.name}`);
  return entry as [string, Json];
}

describe('KT-NP4 tenant workloads reach their Vault', () => {
  it('passes every tenant namespace with workloads as synthesized, and skips one without Vault roles', () => {
    expect(run(NP4, minimal.stacks)).toEqual([]);
    expect(run(NP4, full.stacks)).toEqual([]);
    // Nothing to judge in a stack without Kubernetes-auth roles (a tenant without workloads).
    expect(NP4.check(stackNamed(full.stacks, 'platform-cyberjaya'), { today: '2026-11-21', stacks: full.stacks })).toEqual([]);
  });

  it('fails a default-deny tenant namespace whose workloads have no egress to the Vault address and port', () => {
    const stacks = copy(minimal.stacks);
    const tenant = stackNamed(stacks, 'tenant-records');
    const [key] = policyNamed(tenant, 'allow-egress-vault');
    delete tenant.json.resource!['kubernetes_network_policy_v1']![key];
    const f = run(NP4, stacks);
    expect(summary(f)).toEqual(['fail:minimal-tenant-records-cyberjaya/namespace/Namespace']);
    expect(f[0]!.message).toMatch(/no NetworkPolicy lets its workloads reach Vault at https:\/\/vault\.cyberjaya\.agency\.example\.gov\.my:8200 \(TCP 8200\)/);
  });

  it('fails an egress on another port, and is unknown when the port is a reference', () => {
    const stacks = copy(minimal.stacks);
    const [, body] = policyNamed(stackNamed(stacks, 'tenant-records'), 'allow-egress-vault');
    const egress = ((body.spec as Json).egress as Json[])[0]!;
    (egress.ports as Json[])[0]!.port = '443';
    expect(summary(run(NP4, stacks))).toEqual(['fail:minimal-tenant-records-cyberjaya/namespace/Namespace']);
    (egress.ports as Json[])[0]!.port = '${var.vault_port}';
    expect(summary(run(NP4, stacks))).toEqual(['unknown:minimal-tenant-records-cyberjaya/namespace/Namespace']);
  });

  it('judges an IP address against the policy\'s CIDR', () => {
    const stacks = copy(minimal.stacks);
    const tenant = stackNamed(stacks, 'tenant-records');
    tenant.json.provider!['vault']![0]!['address'] = 'https://10.10.30.5:8200';
    expect(run(NP4, stacks)).toEqual([]);
    tenant.json.provider!['vault']![0]!['address'] = 'https://10.99.0.5:8200';
    expect(summary(run(NP4, stacks))).toEqual(['fail:minimal-tenant-records-cyberjaya/namespace/Namespace']);
  });

  it('egressReaches: same-namespace and DNS rules never count as reaching another server', () => {
    const tenant = stackNamed(minimal.stacks, 'tenant-records');
    for (const name of ['allow-same-namespace', 'allow-dns']) {
      const [, body] = policyNamed(tenant, name);
      expect(policyRules(body, 'egress').map((r) => egressReaches(r, 8200, undefined))).toEqual(['no']);
    }
    const [, vault] = policyNamed(tenant, 'allow-egress-vault');
    expect(policyRules(vault, 'egress').map((r) => egressReaches(r, 8200, '10.10.30.1'))).toEqual(['yes']);
  });
});

describe('KT-LOG1 tenant logs shipped', () => {
  it('passes every tenant namespace as synthesized (the forwarder tails each)', () => {
    expect(run(LOG1, minimal.stacks)).toEqual([]);
    expect(run(LOG1, full.stacks)).toEqual([]);
  });

  it('fails a tenant namespace the forwarder does not tail, naming the glob it needs', () => {
    const stacks = copy(minimal.stacks);
    const platform = stackNamed(stacks, 'platform');
    const config = bodies(platform, 'kubernetes_config_map_v1')[0]!;
    const data = config.data as Record<string, string>;
    data['fluent-bit.conf'] = data['fluent-bit.conf']!.replace('/var/log/containers/*_records_*.log', '/var/log/containers/*_other_*.log');
    const f = run(LOG1, stacks);
    expect(summary(f)).toEqual(['fail:minimal-tenant-records-cyberjaya/namespace/Namespace']);
    expect(f[0]!.message).toMatch(/read by no log collector of its cluster .*\*_records_\*\.log/);
  });

  it('judges by matching, not by the name appearing in a glob: a glob naming a longer namespace fails, a wildcard glob passes', () => {
    const withGlob = (glob: string) => {
      const stacks = copy(minimal.stacks);
      const data = bodies(stackNamed(stacks, 'platform'), 'kubernetes_config_map_v1')[0]!.data as Record<string, string>;
      data['fluent-bit.conf'] = data['fluent-bit.conf']!.replace('/var/log/containers/*_records_*.log', glob);
      return summary(run(LOG1, stacks));
    };
    expect(withGlob('/var/log/containers/*_records-archive_*.log')).toEqual(['fail:minimal-tenant-records-cyberjaya/namespace/Namespace']);
    expect(withGlob('/var/log/containers/*.log')).toEqual([]);
  });

  it('fails when there is no collector at all, and is unknown when the configuration is a reference', () => {
    const tenantOnly = copy(minimal.stacks).filter((s) => s.name.includes('-tenant-'));
    expect(run(LOG1, tenantOnly)[0]!.message).toMatch(/\(there is none\)/);
    const stacks = copy(minimal.stacks);
    const config = bodies(stackNamed(stacks, 'platform'), 'kubernetes_config_map_v1')[0]!;
    (config.data as Record<string, string>)['fluent-bit.conf'] = '${file("fluent-bit.conf")}';
    expect(summary(run(LOG1, stacks))).toEqual(['unknown:minimal-tenant-records-cyberjaya/namespace/Namespace']);
  });

  it('reads tail inputs and globs as Fluent Bit does', () => {
    const conf = '[SERVICE]\n    Flush 5\n[INPUT]\n    Name tail\n    Path /var/log/containers/*_a_*.log,/var/log/containers/*_b_*.log\n[INPUT]\n    Name systemd\n    Path /var/log/journal\n';
    expect(tailedPaths(conf)).toEqual(['/var/log/containers/*_a_*.log', '/var/log/containers/*_b_*.log']);
    expect(globMatches('/var/log/containers/*_a_*.log', containerLogPath('a'))).toBe(true);
    expect(globMatches('/var/log/containers/*_a_*.log', containerLogPath('ab'))).toBe(false);
    expect(globMatches('/var/log/*.log', containerLogPath('a'))).toBe(false);
    expect(globMatches('/var/log/containers/*.log', containerLogPath('a'))).toBe(true);
  });
});
