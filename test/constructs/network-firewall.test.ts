import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { Testing, TerraformStack } from 'cdktf';
import { type Construct } from 'constructs';
import fc from 'fast-check';
import { ConstructPropsError } from '../../constructs/common/validate';
import { NetworkFirewall, type NetworkFirewallProps } from '../../constructs/network-firewall';
import { problems } from '../helpers/constructs';

type Body = Record<string, unknown>;
interface Policy {
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: {
    pod_selector: Body;
    policy_types: string[];
    ingress?: { from?: Body[]; ports?: Body[] }[];
    egress?: { to?: Body[]; ports?: Body[] }[];
  };
}

/** Explicit outdir: Testing.app() would leave a temp directory behind per call (cdktf-notes §9). */
function stack(): TerraformStack {
  return new TerraformStack(Testing.app({ outdir: process.env.SLZ_TEST_TMP }), 'stack');
}

function synth(build: (scope: Construct) => void): string {
  const s = stack();
  build(s);
  return Testing.synth(s);
}

function policies(json: string): Record<string, Policy> {
  const byName: Record<string, Policy> = {};
  const res = (JSON.parse(json) as { resource: Record<string, Record<string, Policy>> }).resource;
  for (const p of Object.values(res['kubernetes_network_policy_v1'] ?? {})) byName[p.metadata.name] = p;
  return byName;
}

function firewall(props: NetworkFirewallProps): Record<string, Policy> {
  return policies(synth((s) => void new NetworkFirewall(s, 'fw', props)));
}

const base: NetworkFirewallProps = { namespace: 'patient-records', inCountryCidrs: ['10.0.0.0/8', 'fd00:10::/32'] };


describe('NetworkFirewall', () => {
  test('default-deny selects every pod, has both policy types and no rules', () => {
    const deny = firewall(base)['default-deny'];
    expect(deny?.spec).toEqual({ pod_selector: {}, policy_types: ['Ingress', 'Egress'] });
    expect(deny?.metadata.namespace).toBe('patient-records');
  });

  test('with no rules declared only default-deny, DNS and same-namespace exist', () => {
    expect(Object.keys(firewall(base)).sort()).toEqual(['allow-dns', 'allow-same-namespace', 'default-deny']);
  });

  test('allow-dns reaches only the DNS pods of kube-system on 53/UDP and 53/TCP', () => {
    const dns = firewall(base)['allow-dns'];
    expect(dns?.spec).toEqual({
      pod_selector: {},
      policy_types: ['Egress'],
      egress: [
        {
          to: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'kube-system' } }, pod_selector: { match_labels: { 'k8s-app': 'kube-dns' } } }],
          ports: [
            { port: '53', protocol: 'UDP' },
            { port: '53', protocol: 'TCP' },
          ],
        },
      ],
    });
  });

  test('custom DNS target', () => {
    const dns = firewall({ ...base, dns: { namespace: 'dns', podLabels: { app: 'coredns' }, ports: [{ port: 5353, protocol: 'UDP' }] } })['allow-dns'];
    expect(dns?.spec.egress).toEqual([
      {
        to: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'dns' } }, pod_selector: { match_labels: { app: 'coredns' } } }],
        ports: [{ port: '5353', protocol: 'UDP' }],
      },
    ]);
  });

  test('allow-same-namespace: ingress from and egress to pods of the same namespace only', () => {
    const same = firewall(base)['allow-same-namespace'];
    expect(same?.spec).toEqual({
      pod_selector: {},
      policy_types: ['Ingress', 'Egress'],
      ingress: [{ from: [{ pod_selector: {} }] }],
      egress: [{ to: [{ pod_selector: {} }] }],
    });
  });

  test('egress ipBlocks are exactly the declared CIDRs, with their ports, and nothing is open wider', () => {
    const ps = firewall({
      ...base,
      egress: [
        { name: 'his', cidr: '10.20.0.0/16', ports: [{ port: 443 }] },
        { name: 'lab', cidr: '10.30.1.0/24', ports: [{ port: 5432 }, { port: 8125, protocol: 'UDP' }] },
        { name: 'v6', cidr: 'fd00:10:1::/48', ports: [{ port: 443 }] },
      ],
    });
    expect(ps['allow-egress-his']?.spec).toEqual({
      pod_selector: {},
      policy_types: ['Egress'],
      egress: [{ to: [{ ip_block: { cidr: '10.20.0.0/16' } }], ports: [{ port: '443', protocol: 'TCP' }] }],
    });
    expect(ps['allow-egress-lab']?.spec.egress?.[0]?.ports).toEqual([
      { port: '5432', protocol: 'TCP' },
      { port: '8125', protocol: 'UDP' },
    ]);
    const blocks = Object.values(ps).flatMap((p) => (p.spec.egress ?? []).flatMap((e) => (e.to ?? []).map((t) => t.ip_block)).filter(Boolean));
    expect(blocks).toEqual(expect.arrayContaining([{ cidr: '10.20.0.0/16' }, { cidr: '10.30.1.0/24' }, { cidr: 'fd00:10:1::/48' }]));
    expect(blocks).toHaveLength(3);
    // Every egress rule names its ports; none opens all ports to a destination.
    for (const p of Object.values(ps)) for (const e of p.spec.egress ?? []) if (e.to?.some((t) => t.ip_block)) expect(e.ports?.length).toBeGreaterThan(0);
  });

  test('ingress from an in-country CIDR or from a namespace', () => {
    const ps = firewall({
      ...base,
      ingress: [
        { name: 'lb', cidr: '10.1.2.0/24', ports: [{ port: 8443 }] },
        { name: 'gateway', namespace: 'ingress-gateway', ports: [{ port: 8080 }] },
      ],
    });
    expect(ps['allow-ingress-lb']?.spec).toEqual({
      pod_selector: {},
      policy_types: ['Ingress'],
      ingress: [{ from: [{ ip_block: { cidr: '10.1.2.0/24' } }], ports: [{ port: '8443', protocol: 'TCP' }] }],
    });
    expect(ps['allow-ingress-gateway']?.spec.ingress).toEqual([
      { from: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'ingress-gateway' } } }], ports: [{ port: '8080', protocol: 'TCP' }] },
    ]);
  });

  test('no selector anywhere is present-but-empty at namespace level (KT-NP2)', () => {
    const ps = firewall({ ...base, ingress: [{ name: 'gw', namespace: 'gw', ports: [{ port: 80 }] }] });
    const json = JSON.stringify(ps);
    expect(json).not.toMatch(/"namespace_selector":\{\}/);
  });

  test('labels carry the sovereignty context when given', () => {
    const ps = firewall({ ...base, context: { agency: 'moh', classification: 'SULIT', jurisdiction: 'MY', region: 'cyberjaya' } });
    expect(ps['default-deny']?.metadata.labels).toMatchObject({ 'sovereign.slz.dev/agency': 'moh', 'sovereign.slz.dev/region': 'cyberjaya' });
    expect(firewall(base)['default-deny']?.metadata.labels).toEqual({ 'app.kubernetes.io/managed-by': 'sovereign-landing-zone' });
  });

  test('namespace tokens are referenced, so Terraform orders the policies after the namespace', () => {
    const json = synth((s) => {
      const ns = new NamespaceV1(s, 'ns', { metadata: { name: 'x' } });
      new NetworkFirewall(s, 'fw', { ...base, namespace: ns.metadata.name });
    });
    for (const p of Object.values(policies(json))) expect(p.metadata.namespace).toBe('${kubernetes_namespace_v1.ns.metadata[0].name}');
  });

  test('exposes the default-deny policy and every policy', () => {
    const fw = new NetworkFirewall(stack(), 'fw', base);
    expect(fw.defaultDeny.terraformResourceType).toBe('kubernetes_network_policy_v1');
    expect(fw.policies[0]).toBe(fw.defaultDeny);
    expect(fw.policies).toHaveLength(3);
  });

  test('allowEgress and allowIngress add validated policies through the public API', () => {
    const s = stack();
    const fw = new NetworkFirewall(s, 'fw', base);
    fw.allowEgress({ name: 'vault', cidr: '10.5.0.10/32', ports: [{ port: 8200 }] });
    fw.allowIngress({ name: 'monitoring', namespace: 'monitoring', ports: [{ port: 9090 }] });
    const ps = policies(Testing.synth(s));
    expect(ps['allow-egress-vault']?.spec.egress).toEqual([{ to: [{ ip_block: { cidr: '10.5.0.10/32' } }], ports: [{ port: '8200', protocol: 'TCP' }] }]);
    expect(ps['allow-ingress-monitoring']).toBeDefined();
    expect(fw.policies).toHaveLength(5);

    expect(() => fw.allowEgress({ name: 'vault', cidr: '10.5.0.11/32', ports: [{ port: 8200 }] })).toThrow(/egress rule "vault" already exists/);
    expect(() => fw.allowEgress({ name: 'internet', cidr: '0.0.0.0/0', ports: [{ port: 443 }] })).toThrow(ConstructPropsError);
    expect(() => fw.allowEgress({ name: 'abroad', cidr: '8.8.8.0/24', ports: [{ port: 53 }] })).toThrow(/not inside any in-country CIDR/);
    expect(() => fw.allowIngress({ name: 'monitoring', namespace: 'other', ports: [{ port: 1 }] })).toThrow(/already exists/);
    expect(() => fw.allowIngress({ name: 'Bad_Name', namespace: 'other', ports: [{ port: 1 }] })).toThrow(/DNS-1123/);
    // A refused rule adds nothing.
    expect(fw.policies).toHaveLength(5);
  });

  describe('refuses invalid props', () => {
    const egress = (cidr: string) => () => firewall({ ...base, egress: [{ name: 'x', cidr, ports: [{ port: 443 }] }] });

    test('egress CIDR outside every in-country CIDR', () => {
      expect(egress('192.168.0.0/16')).toThrow(/egress\[0\]\.cidr: "192\.168\.0\.0\/16" is not inside any in-country CIDR \(10\.0\.0\.0\/8, fd00:10::\/32\)/);
      // Wider than the in-country block that contains its address.
      expect(egress('10.0.0.0/7')).toThrow(/not inside any in-country CIDR/);
      expect(egress('fd00:11::/32')).toThrow(/not inside/);
    });

    test('the whole internet, IPv4 and IPv6', () => {
      expect(egress('0.0.0.0/0')).toThrow(/"0\.0\.0\.0\/0" opens every address/);
      expect(egress('::/0')).toThrow(/"::\/0" opens every address/);
    });

    test('address families do not mix (IPv4-mapped IPv6 is not inside an IPv4 block)', () => {
      expect(egress('::ffff:10.0.0.0/104')).toThrow(/not inside/);
    });

    test('host bits set, with a hint', () => {
      expect(egress('10.20.0.1/16')).toThrow(/"10\.20\.0\.1\/16" has host bits set \(did you mean 10\.20\.0\.0\/16\?\)/);
      expect(egress('fd00:10::1/64')).toThrow(/host bits set/);
    });

    test('unparsable CIDRs', () => {
      for (const bad of ['10.0.0.0', '10.0.0.0/33', 'fd00::/129', '10.1/8', '010.0.0.0/8', '0x0a.0.0.0/8', '10.0.0.0/08', 'fe80::%eth0/64', 'example.gov.my/24', '10.0.0.0/8/8', '']) {
        expect(egress(bad)).toThrow(ConstructPropsError);
      }
    });

    test('in-country CIDRs must parse and must not be the whole internet', () => {
      expect(problems(() => firewall({ ...base, inCountryCidrs: ['0.0.0.0/0', '::/0', '10.0.0.1/8', 'nope'] }))).toEqual([
        expect.stringMatching(/inCountryCidrs\[0\]: "0\.0\.0\.0\/0" covers every address/),
        expect.stringMatching(/inCountryCidrs\[1\]: "::\/0" covers every address/),
        expect.stringMatching(/inCountryCidrs\[2\]: .*host bits set/),
        expect.stringMatching(/inCountryCidrs\[3\]: "nope" is not a CIDR/),
      ]);
    });

    test('no in-country CIDRs: any egress is refused', () => {
      expect(() => firewall({ namespace: 'a', inCountryCidrs: [], egress: [{ name: 'x', cidr: '10.0.0.0/8', ports: [{ port: 1 }] }] })).toThrow(/none declared/);
      expect(Object.keys(firewall({ namespace: 'a', inCountryCidrs: [] }))).toHaveLength(3);
    });

    test('bad DNS labels: namespace, rule names, source namespace', () => {
      expect(() => firewall({ ...base, namespace: 'Patient_Records' })).toThrow(/namespace "Patient_Records" is not a DNS-1123 label/);
      expect(() => firewall({ ...base, egress: [{ name: 'HIS', cidr: '10.0.0.0/16', ports: [{ port: 1 }] }] })).toThrow(/egress\[0\]\.name "HIS"/);
      expect(() => firewall({ ...base, ingress: [{ name: 'a', namespace: 'bad.ns', ports: [{ port: 1 }] }] })).toThrow(/ingress\[0\]\.namespace/);
      expect(() => firewall({ ...base, dns: { namespace: 'Kube System' } })).toThrow(/dns\.namespace/);
    });

    test('duplicate rule names', () => {
      const r = { name: 'dup', cidr: '10.0.0.0/16', ports: [{ port: 443 }] };
      expect(() => firewall({ ...base, egress: [r, r] })).toThrow(/egress names has "dup" more than once/);
      const i = { name: 'dup', namespace: 'gw', ports: [{ port: 443 }] };
      expect(() => firewall({ ...base, ingress: [i, i] })).toThrow(/ingress names has "dup" more than once/);
    });

    test('ports out of range, empty or with an unknown protocol', () => {
      expect(problems(() => firewall({ ...base, egress: [{ name: 'x', cidr: '10.0.0.0/16', ports: [{ port: 0 }, { port: 65536 }, { port: 1.5 }] }] }))).toEqual([
        'egress[0].ports[0].port must be a whole number from 1 to 65535 (got 0)',
        'egress[0].ports[1].port must be a whole number from 1 to 65535 (got 65536)',
        'egress[0].ports[2].port must be a whole number from 1 to 65535 (got 1.5)',
      ]);
      expect(() => firewall({ ...base, egress: [{ name: 'x', cidr: '10.0.0.0/16', ports: [] }] })).toThrow(/egress\[0\]\.ports must not be empty/);
      expect(() => firewall({ ...base, egress: [{ name: 'x', cidr: '10.0.0.0/16', ports: [{ port: 1, protocol: 'ICMP' as 'TCP' }] }] })).toThrow(/protocol must be TCP, UDP or SCTP/);
    });

    test('ingress needs exactly one of cidr and namespace, and CIDR sources must be in-country', () => {
      expect(() => firewall({ ...base, ingress: [{ name: 'a', ports: [{ port: 1 }] }] })).toThrow(/exactly one of cidr and namespace/);
      expect(() => firewall({ ...base, ingress: [{ name: 'a', cidr: '10.0.0.0/16', namespace: 'b', ports: [{ port: 1 }] }] })).toThrow(/exactly one/);
      expect(() => firewall({ ...base, ingress: [{ name: 'a', cidr: '0.0.0.0/0', ports: [{ port: 1 }] }] })).toThrow(/opens every address/);
      expect(() => firewall({ ...base, ingress: [{ name: 'a', cidr: '203.0.113.0/24', ports: [{ port: 1 }] }] })).toThrow(/not inside any in-country CIDR/);
    });

    test('every problem is reported at once', () => {
      const ps = problems(() =>
        firewall({
          namespace: 'BAD',
          inCountryCidrs: ['10.0.0.0/8'],
          egress: [
            { name: 'a', cidr: '0.0.0.0/0', ports: [{ port: 443 }] },
            { name: 'b', cidr: '10.0.0.1/8', ports: [{ port: 0 }] },
          ],
        }),
      );
      expect(ps).toHaveLength(4);
    });
  });

  describe('property: construction succeeds iff every egress CIDR is inside an in-country CIDR', () => {
    const s = stack();
    let n = 0;
    const tryBuild = (inCountry: string[], cidr: string): boolean => {
      try {
        new NetworkFirewall(s, `fw${n++}`, { namespace: 'p', inCountryCidrs: inCountry, egress: [{ name: 'x', cidr, ports: [{ port: 443 }] }] });
        return true;
      } catch (e) {
        if (e instanceof ConstructPropsError) return false;
        throw e;
      }
    };

    // Oracle independent of ipaddr.js: integer arithmetic on the addresses.
    const v4 = (x: bigint) => [24n, 16n, 8n, 0n].map((sh) => String((x >> sh) & 255n)).join('.');
    const v6 = (x: bigint) => Array.from({ length: 8 }, (_, i) => ((x >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(':');
    const mask = (bits: number, len: number) => (len === 0 ? 0n : ((1n << BigInt(len)) - 1n) << BigInt(bits - len));
    const block = (bits: number, fmt: (x: bigint) => string) => (addr: bigint, len: number) => ({ net: addr & mask(bits, len), len, text: `${fmt(addr & mask(bits, len))}/${len}` });
    const contains = (bits: number) => (o: { net: bigint; len: number }, i: { net: bigint; len: number }) => i.len >= o.len && (i.net & mask(bits, o.len)) === o.net;

    for (const [family, bits, fmt, minLen] of [
      ['IPv4', 32, v4, 1],
      ['IPv6', 128, v6, 1],
    ] as const) {
      test(family, () => {
        const mk = block(bits, fmt);
        const addr = fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n });
        const inCountryArb = fc.array(fc.tuple(addr, fc.integer({ min: minLen, max: bits })), { minLength: 1, maxLength: 3 }).map((xs) => xs.map(([a, l]) => mk(a, l)));
        const arb = inCountryArb.chain((inCountry) =>
          fc.tuple(
            fc.constant(inCountry),
            fc.oneof(
              // Anywhere: mostly outside.
              fc.tuple(addr, fc.integer({ min: 0, max: bits })).map(([a, l]) => mk(a, l)),
              // Derived from an in-country block: often inside, sometimes wider (outside).
              fc.tuple(fc.integer({ min: 0, max: inCountry.length - 1 }), addr, fc.integer({ min: -4, max: bits })).map(([i, a, d]) => {
                const o = inCountry[i] ?? inCountry[0]!;
                const len = Math.max(0, Math.min(bits, o.len + d));
                return mk(o.net | (a & ~mask(bits, o.len) & ((1n << BigInt(bits)) - 1n)), len);
              }),
            ),
          ),
        );
        fc.assert(
          fc.property(arb, ([inCountry, egress]) => {
            const inside = inCountry.some((o) => contains(bits)(o, egress));
            const texts = [...new Set(inCountry.map((c) => c.text))];
            expect(tryBuild(texts, egress.text)).toBe(inside);
          }),
          { numRuns: 300 },
        );
      });
    }
  });
});
