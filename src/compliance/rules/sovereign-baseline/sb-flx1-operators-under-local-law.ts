/** SB-FLX1: at the foreign-law threshold, cloud operators of state and resources are under allowed law. */
import { fail, pass, unknown } from '../../attributes';
import { backendPlace } from '../../backends';
import { jurisdiction, nccp, nist, snc } from '../../controls';
import { getProvider } from '../../../jurisdictions';
import { allowedOperatorJurisdictions, NO_CONTEXT_MESSAGE } from '../../residency';
import { backendOf, providerBlocks } from '../../subjects';
import type { Outcome, StackOutcome, StackRule } from '../../types';
import { CLOUD_PROVIDERS } from './sb-res1-cloud-regions-in-country';

function judgeOperator(providerId: string, allowed: readonly string[], what: string): Outcome {
  const p = getProvider(providerId);
  if (!p) return unknown(`${what} is operated by ${providerId}, which the catalogue does not describe`);
  if (allowed.includes(p.legalSeat)) return pass();
  const laws = p.extraterritorialLaws.length ? ` (${p.extraterritorialLaws.join(', ')})` : '';
  return fail(`${what} is operated by ${p.legalEntity}, under ${p.legalSeat} law${laws}; operators must be under ${allowed.join('/')} law at this classification`);
}

export const rule: StackRule = {
  id: 'SB-FLX1',
  pack: 'sovereign-baseline',
  scope: 'stack',
  level: 'error',
  title: 'Cloud operators are under local law at high classifications',
  rationale:
    "At or above the jurisdiction's foreign-law threshold, every operator that holds the tenancy's data must be under the country's own law: a provider headquartered elsewhere stays subject to laws such as the US CLOUD Act wherever the data sits. Read from the state backend and cloud provider blocks, judged with the catalogue's provider legal seats.",
  fix: 'Keep state and resources with an operator under local law (e.g. a government private cloud or an in-country pg/kubernetes backend); move foreign-operated storage and providers out of stacks at this classification.',
  controls: [snc('19.6'), nist('SA-9(5)'), jurisdiction('residency.allowedOperatorJurisdictions'), nccp('sovereign cloud')],
  check(stack, ctx) {
    const backend = backendOf(stack);
    const place = backend ? backendPlace(backend) : undefined;
    const clouds = providerBlocks(stack, ...Object.keys(CLOUD_PROVIDERS));
    const hcp = place?.kind === 'endpoint' && (backend?.type === 'remote' || backend?.type === 'cloud') && place.value === 'app.terraform.io';
    if (place?.kind !== 'cloud' && !hcp && clouds.length === 0) return [];
    const lz = ctx.landingZone;
    const out: StackOutcome[] = [];
    if (!lz) {
      if (backend && (place?.kind === 'cloud' || hcp)) out.push({ location: backend.location, outcome: unknown(NO_CONTEXT_MESSAGE) });
      for (const c of clouds) out.push({ location: c.location, outcome: unknown(NO_CONTEXT_MESSAGE) });
      return out;
    }
    const allowed = allowedOperatorJurisdictions(lz);
    if (!allowed) return [];
    if (backend && place?.kind === 'cloud') out.push({ location: backend.location, outcome: judgeOperator(place.provider, allowed, `the ${backend.type} state backend`) });
    if (backend && hcp) out.push({ location: backend.location, outcome: unknown(`the ${backend.type} backend keeps state in HCP Terraform (app.terraform.io), whose operator the catalogue does not describe`, 'hostname') });
    for (const c of clouds) out.push({ location: c.location, outcome: judgeOperator(CLOUD_PROVIDERS[c.name]!.id, allowed, `provider.${c.name}`) });
    return out;
  },
};
