/** SB-RES1: cloud provider blocks pin catalogued in-country regions. */
import { fail, pass, unknown } from '../../attributes';
import { c5, jurisdiction, nist, snc } from '../../controls';
import { findRegion, residencyRulesAt } from '../../../jurisdictions';
import { NO_CONTEXT_MESSAGE } from '../../residency';
import { providerBlocks } from '../../subjects';
import type { StackOutcome, StackRule } from '../../types';
import { readString } from '../../../synthesized/values';

/** Terraform provider local names → catalogue provider ids and the attribute naming the region. */
export const CLOUD_PROVIDERS: Readonly<Record<string, { id: string; attribute: string }>> = {
  aws: { id: 'aws', attribute: 'region' },
  azurerm: { id: 'azure', attribute: 'location' },
  google: { id: 'gcp', attribute: 'region' },
  'google-beta': { id: 'gcp', attribute: 'region' },
  alicloud: { id: 'alibaba', attribute: 'region' },
};

export const rule: StackRule = {
  id: 'SB-RES1',
  pack: 'sovereign-baseline',
  scope: 'stack',
  level: 'error',
  title: 'Cloud provider regions are catalogued and in-country',
  rationale:
    "A provider block's region decides where everything it creates lives. At or above the residency threshold it must be a region the jurisdiction catalogue places in the country; an uncatalogued region cannot be judged.",
  fix: 'Set the provider region (or location) to an in-country region listed by `slz jurisdictions <CODE>`, or remove the provider from stacks that hold classified data.',
  controls: [snc('19.2.b'), c5('PSS-12'), nist('SA-9(5)'), jurisdiction('residency')],
  check(stack, ctx) {
    const blocks = providerBlocks(stack, ...Object.keys(CLOUD_PROVIDERS));
    if (blocks.length === 0) return [];
    const lz = ctx.landingZone;
    if (!lz) return blocks.map((b) => ({ location: b.location, outcome: unknown(NO_CONTEXT_MESSAGE) }));
    const rules = residencyRulesAt(lz.jurisdiction, lz.ordinal);
    if (rules.length === 0) return [];
    const allowed = rules.map((r) => r.dataMustResideIn).reduce((a, b) => a.filter((x) => b.includes(x)));
    const out: StackOutcome[] = [];
    for (const b of blocks) {
      const cloud = CLOUD_PROVIDERS[b.name]!;
      const r = readString(b.body, cloud.attribute);
      const at = { location: b.location };
      if (r.kind === 'absent') out.push({ ...at, outcome: unknown(`provider.${b.name} sets no ${cloud.attribute}: it comes from the environment at run time`, cloud.attribute) });
      else if (r.kind === 'unresolved') out.push({ ...at, outcome: unknown(`${cloud.attribute} is ${r.expression}, known only at plan time`, cloud.attribute) });
      else if (r.kind === 'invalid') out.push({ ...at, outcome: unknown(`${cloud.attribute} is not a string`, cloud.attribute) });
      else {
        const region = findRegion(cloud.id, r.value);
        if (!region) out.push({ ...at, outcome: unknown(`${cloud.id} region ${r.value} is not in the jurisdiction catalogue, so where it is cannot be judged`, cloud.attribute) });
        else if (allowed.includes(region.country)) out.push({ ...at, outcome: pass() });
        else out.push({ ...at, outcome: fail(`${cloud.id} region ${r.value} (${region.displayName}) is in ${region.country}; at ${lz.classification} data must stay in ${allowed.join('/')}`, cloud.attribute) });
      }
    }
    return out;
  },
};
