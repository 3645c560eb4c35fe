import ipaddr from 'ipaddr.js';
import { block, blocks } from '../../../synthesized';
import type { Outcome, ResourceRule } from '../../types';
import { fail, literal, NETWORK_POLICY_TYPES, pass, stringList, unknown, workloadLabel } from './_shared';

type Parsed = { readonly kind: 'ipv4' | 'ipv6'; readonly addr: ipaddr.IPv4 | ipaddr.IPv6; readonly prefix: number };

function parse(text: string): Parsed | undefined {
  try {
    const [addr, prefix] = ipaddr.parseCIDR(text.trim());
    return { kind: addr.kind(), addr, prefix };
  } catch {
    return undefined;
  }
}

function inside(inner: Parsed, outer: Parsed): boolean {
  if (inner.kind !== outer.kind || inner.prefix < outer.prefix) return false;
  return inner.addr.match([outer.addr, outer.prefix] as [ipaddr.IPv4, number] & [ipaddr.IPv6, number]);
}

export const rule: ResourceRule = {
  id: 'KT-NP1',
  pack: 'k8s-tenancy',
  level: 'error',
  scope: 'resource',
  resourceTypes: NETWORK_POLICY_TYPES,
  title: 'No NetworkPolicy opens ingress or egress to the whole Internet',
  rationale:
    'An ip_block of 0.0.0.0/0 or ::/0 (any /0) without exceptions allows every address on Earth, which defeats the default deny ' +
    'and any residency promise: data can leave the country, or foreign clients can connect. When the landing zone is known, every ' +
    'ip_block must also lie inside one of its declared in-country CIDRs (a /0 with exceptions still reaches abroad). Applies to ' +
    'every NetworkPolicy.',
  fix: 'Allow only the specific in-country CIDRs (or namespaces) the workload talks to, each with its ports.',
  controls: [
    { framework: 'NSA-CISA', id: 'Network separation' },
    { framework: 'NIST-800-53', id: 'SC-7' },
    { framework: 'SECNUMCLOUD', id: '13.2.a' },
    { framework: 'BSI-C5', id: 'COS-06' },
  ],
  check(resource, ctx) {
    const spec = block(resource.body.spec);
    if (!spec) return pass;
    const subject = workloadLabel(resource);
    const inCountry = ctx.landingZone?.inCountryCidrs.map((c) => ({ text: c, parsed: parse(c) }));
    const outcomes: Outcome[] = [];
    const visit = (dir: 'ingress' | 'egress', peersKey: 'from' | 'to') => {
      blocks(spec[dir]).forEach((r, i) => {
        blocks(r[peersKey]).forEach((peer, j) => {
          const ipb = block(peer.ip_block);
          if (!ipb) return;
          const attr = `spec.${dir}[${i}].${peersKey}[${j}].ip_block.cidr`;
          const cidr = literal(ipb.cidr);
          if (cidr === undefined) {
            outcomes.push(unknown(`${subject}: ${attr} is ${String(ipb.cidr)}, known only at plan time`, attr));
            return;
          }
          const p = parse(cidr);
          if (!p) {
            outcomes.push(fail(`${subject}: ${attr} "${cidr}" is not a valid CIDR`, attr));
            return;
          }
          const except = stringList(ipb.except);
          const direction = dir === 'egress' ? 'egress to' : 'ingress from';
          if (p.prefix === 0 && except.items.length === 0 && !except.unresolved) {
            outcomes.push(fail(`${subject}: ${attr} "${cidr}" allows ${direction} every address (no except)`, attr));
            return;
          }
          if (inCountry) {
            const ok = inCountry.some((c) => c.parsed !== undefined && inside(p, c.parsed));
            if (!ok) {
              outcomes.push(fail(`${subject}: ${attr} "${cidr}" allows ${direction} addresses outside the in-country CIDRs (${inCountry.map((c) => c.text).join(', ') || 'none declared'})`, attr));
              return;
            }
          }
          if (p.prefix === 0 && except.unresolved) outcomes.push(unknown(`${subject}: ${attr} "${cidr}" has an except list known only at plan time`, attr));
        });
      });
    };
    visit('ingress', 'from');
    visit('egress', 'to');
    return outcomes.length > 0 ? outcomes : pass;
  },
};
