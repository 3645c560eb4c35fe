/** SB-RES4: Vault audit devices ship audit entries only to in-country sinks. */
import { fail, notApplicable, pass, unknown } from '../../attributes';
import { c5, jurisdiction, nist, snc } from '../../controls';
import { judgeEndpoint, resourceResidency } from '../../residency';
import type { ResourceRule } from '../../types';
import { readString } from '../../../synthesized/values';

export const rule: ResourceRule = {
  id: 'SB-RES4',
  pack: 'sovereign-baseline',
  scope: 'resource',
  level: 'error',
  title: 'Vault audit sinks are in-country',
  rationale:
    "Vault audit entries name every request, token accessor and path the agency's workloads and people use; they are technical data. A socket audit device must send them to an in-country sink (or a relay on the Vault host itself).",
  fix: 'Point the socket audit device (options.address) at the in-country log sink or a TLS relay beside Vault (logging.auditRelay), under network.endpointDomains or inside network.inCountryCidrs.',
  controls: [snc('12.6.a'), snc('19.2.d'), c5('OPS-10'), nist('AU-9(2)'), jurisdiction('residency')],
  resourceTypes: ['vault_audit'],
  check(resource, ctx) {
    const type = readString(resource.body, 'type');
    if (type.kind === 'unresolved') return unknown(`type is ${type.expression}, known only at plan time`, 'type');
    if (type.kind !== 'value' || type.value !== 'socket') return notApplicable();
    const scope = resourceResidency(ctx);
    if (!('kind' in scope)) return scope;
    const address = readString(resource.body, 'options.address');
    if (address.kind === 'absent') return unknown('socket audit device without options.address (Vault then uses its default, 127.0.0.1:9090)', 'options.address');
    const v = judgeEndpoint(address.kind === 'unresolved' ? address.expression : address.kind === 'value' ? address.value : undefined, scope.lz);
    if (v.verdict === 'in') return pass();
    if (v.verdict === 'out') return fail(`audit entries go to ${v.host}: ${v.why}; at ${scope.lz.classification} they must stay in ${scope.where}`, 'options.address');
    return unknown(v.why, 'options.address');
  },
};
