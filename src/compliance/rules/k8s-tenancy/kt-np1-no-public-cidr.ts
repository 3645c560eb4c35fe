import { cidrContains } from '../../../landing-zone/net';
import { peerCidr, policyRules, specOf } from '../../../synthesized/kubernetes/network-policy';
import { NETWORK_POLICY_TYPES } from '../../../synthesized/kubernetes/resource-types';
import { literal, stringList } from '../../../synthesized/values';
import type { Outcome, ResourceRule } from '../../types';
import { fail, pass, unknown, workloadLabel } from './_shared';

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
    if (!specOf(resource.body)) return pass;
    const subject = workloadLabel(resource);
    const inCountry = ctx.landingZone?.inCountryCidrs.map((c) => ({ text: c, parsed: peerCidr(c) }));
    const outcomes: Outcome[] = [];
    const visit = (dir: 'ingress' | 'egress') => {
      for (const r of policyRules(resource.body, dir)) {
        for (const peer of r.peers) {
          const ipb = peer.ipBlock;
          if (!ipb) continue;
          const attr = `${peer.attribute}.ip_block.cidr`;
          const cidr = literal(ipb.cidr);
          if (cidr === undefined) {
            outcomes.push(unknown(`${subject}: ${attr} is ${String(ipb.cidr)}, known only at plan time`, attr));
            continue;
          }
          const p = peerCidr(cidr);
          if (!p) {
            outcomes.push(fail(`${subject}: ${attr} "${cidr}" is not a valid CIDR`, attr));
            continue;
          }
          const except = stringList(ipb.except);
          const direction = dir === 'egress' ? 'egress to' : 'ingress from';
          if (p.prefix === 0 && except.items.length === 0 && !except.unresolved) {
            outcomes.push(fail(`${subject}: ${attr} "${cidr}" allows ${direction} every address (no except)`, attr));
            continue;
          }
          if (inCountry) {
            const ok = inCountry.some((c) => c.parsed !== undefined && cidrContains(c.parsed, p));
            if (!ok) {
              outcomes.push(fail(`${subject}: ${attr} "${cidr}" allows ${direction} addresses outside the in-country CIDRs (${inCountry.map((c) => c.text).join(', ') || 'none declared'})`, attr));
              continue;
            }
          }
          if (p.prefix === 0 && except.unresolved) outcomes.push(unknown(`${subject}: ${attr} "${cidr}" has an except list known only at plan time`, attr));
        }
      }
    };
    visit('ingress');
    visit('egress');
    return outcomes.length > 0 ? outcomes : pass;
  },
};
