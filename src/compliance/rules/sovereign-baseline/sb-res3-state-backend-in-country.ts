/** SB-RES3: the Terraform state backend keeps state in the country. */
import { fail, pass, unknown } from '../../attributes';
import { backendPlace } from '../../backends';
import { c5, jurisdiction, nccp, nist, snc } from '../../controls';
import { findRegion } from '../../../jurisdictions';
import { judgeEndpoint, NO_CONTEXT_MESSAGE, technicalDataResidency } from '../../residency';
import { backendOf } from '../../subjects';
import type { StackRule } from '../../types';
import { isExpression } from '../../../synthesized/values';

export const rule: StackRule = {
  id: 'SB-RES3',
  pack: 'sovereign-baseline',
  scope: 'stack',
  level: 'error',
  title: 'Terraform state is stored in-country',
  rationale:
    'Terraform state holds every attribute of every resource, including generated certificates and secrets. It is technical data: at or above the residency threshold its backend must be an in-country endpoint (under endpointDomains or inside inCountryCidrs) or a catalogued in-country region.',
  fix: 'Use a pg, kubernetes or S3-compatible backend on an in-country host (state.backend in the landing-zone file), or an in-country cloud region; never a SaaS backend abroad.',
  controls: [snc('19.2.d'), c5('PSS-12'), nist('SA-9(5)'), nist('SC-28'), jurisdiction('residency'), nccp('confidential data in a sovereign cloud in Malaysia')],
  check(stack, ctx) {
    const backend = backendOf(stack);
    if (!backend) return [];
    const place = backendPlace(backend);
    if (place.kind === 'local') return [];
    const scope = technicalDataResidency(ctx);
    if (scope.kind === 'below') return [];
    const at = { location: backend.location };
    if (scope.kind === 'no-context') return [{ ...at, outcome: unknown(NO_CONTEXT_MESSAGE) }];
    switch (place.kind) {
      case 'unknown':
        return [{ ...at, outcome: unknown(`${backend.type} backend: ${place.why}`, place.attribute) }];
      case 'endpoint': {
        const v = judgeEndpoint(place.value, scope.lz);
        if (v.verdict === 'in') return [{ ...at, outcome: pass() }];
        if (v.verdict === 'out') return [{ ...at, outcome: fail(`${backend.type} backend: ${v.why}; at ${scope.lz.classification} Terraform state must stay in ${scope.where}`, place.attribute) }];
        return [{ ...at, outcome: unknown(`${backend.type} backend: ${v.why}`, place.attribute) }];
      }
      case 'cloud': {
        if (!place.region) return [{ ...at, outcome: unknown(`${backend.type} backend stores state in ${place.provider} storage whose location is not in the backend configuration`, place.attribute) }];
        if (isExpression(place.region)) return [{ ...at, outcome: unknown(`${backend.type} backend region is ${place.region}, known only at plan time`, place.attribute) }];
        const region = findRegion(place.provider, place.region);
        if (!region) return [{ ...at, outcome: unknown(`${place.provider} region ${place.region} is not in the jurisdiction catalogue`, place.attribute) }];
        const allowed = scope.rules.map((r) => r.dataMustResideIn).reduce((a, b) => a.filter((x) => b.includes(x)));
        return allowed.includes(region.country)
          ? [{ ...at, outcome: pass() }]
          : [{ ...at, outcome: fail(`${backend.type} backend stores state in ${place.provider} ${place.region} (${region.country}); at ${scope.lz.classification} it must stay in ${allowed.join('/')}`, place.attribute) }];
      }
    }
  },
};
