/** PQ-5: every key algorithm is allowed by the jurisdiction's crypto policy on the check date. */
import { evaluateAlgorithm, recommendedPqTarget } from '../../../jurisdictions';
import { fail, pass, unknown } from '../../attributes';
import { ir8547, jurisdiction, snc } from '../../controls';
import type { Outcome, ResourceRule } from '../../types';
import { algorithmAttribute, classified, serverOf, standalone, usageOf } from './_shared';
import { KEY_ALGORITHM_RESOURCE_TYPES } from '../../../synthesized/vault/crypto-resource';

export const rule: ResourceRule = {
  id: 'PQ-5',
  pack: 'pqc-readiness',
  scope: 'resource',
  level: 'warning',
  title: "Key algorithms meet the jurisdiction's crypto policy on the check date",
  rationale:
    "The jurisdiction catalogue dates its algorithm rules (allowed list, deprecated-after, disallowed-after, hybrid post-quantum required after, which is the project's own rule on an ANSSI recommendation). Those dates are data, not constants: a key that was allowed when it was declared can fall out of policy as the dates pass, and this rule says so on the day it happens.",
  fix: 'Replace the key with one the policy allows (slz jurisdictions CODE lists them) or, from the hybrid date, with one that includes a post-quantum mechanism (hybrid or ML-DSA).',
  controls: [jurisdiction('crypto'), ir8547('ipd'), snc('10.1.b')],
  resourceTypes: KEY_ALGORITHM_RESOURCE_TYPES,
  check(resource, ctx) {
    const lz = ctx.landingZone;
    if (!lz) return unknown("no landing-zone context (DIR/slz-context.json, or slz check --context FILE or --jurisdiction …): the jurisdiction's crypto policy is not known", algorithmAttribute(resource));
    const r = classified(resource);
    if (!r.ok) return r.outcome;
    const policy = lz.jurisdiction.crypto;
    const hybrid = policy.requireHybridPqcAfter;
    const outcomes: Outcome[] = [];
    for (const u of standalone(r.c)) {
      const verdict = evaluateAlgorithm(policy, u.info, ctx.today);
      if (verdict.status !== 'allowed') outcomes.push(fail(`${u.cdx.name} is ${verdict.status} under ${lz.jurisdiction.name}'s crypto policy on ${ctx.today}: ${verdict.reason}`, algorithmAttribute(resource)));
      if (hybrid && ctx.today > hybrid.date && u.info.quantumVulnerable) {
        const target = recommendedPqTarget(u.info, { usage: usageOf(resource), server: serverOf(resource, ctx) });
        outcomes.push(
          fail(
            `${lz.jurisdiction.name}'s crypto policy requires asymmetric use to include a post-quantum mechanism after ${hybrid.date}${hybrid.adoptedAs === 'project-choice' ? " (the project's rule, on an ANSSI recommendation)" : ''}; ${u.cdx.name} has none${target ? ` (use ${target.algorithm})` : ''}`,
            algorithmAttribute(resource),
          ),
        );
      }
    }
    return outcomes.length > 0 ? outcomes : pass();
  },
};
