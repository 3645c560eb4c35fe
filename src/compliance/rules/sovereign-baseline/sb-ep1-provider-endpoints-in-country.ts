/** SB-EP1: the Vault and Kubernetes API endpoints the providers talk to are in-country. */
import { fail, pass, unknown } from '../../attributes';
import { c5, jurisdiction, nccp, nist, snc } from '../../controls';
import { judgeEndpoint, NO_CONTEXT_MESSAGE, technicalDataResidency } from '../../residency';
import { providerBlocks } from '../../subjects';
import type { StackOutcome, StackRule } from '../../types';
import { read } from '../../../synthesized/values';

/** Provider → the attribute holding its endpoint, and where it comes from when unset. */
const ENDPOINTS: readonly { provider: string; path: readonly string[]; attribute: string; unset: string }[] = [
  { provider: 'vault', path: ['address'], attribute: 'address', unset: 'the address comes from VAULT_ADDR at run time' },
  { provider: 'kubernetes', path: ['host'], attribute: 'host', unset: 'the API server comes from the kubeconfig at run time' },
  { provider: 'helm', path: ['kubernetes', 'host'], attribute: 'kubernetes.host', unset: 'the API server comes from the kubeconfig at run time' },
];

export const rule: StackRule = {
  id: 'SB-EP1',
  pack: 'sovereign-baseline',
  scope: 'stack',
  level: 'error',
  title: 'Provider endpoints are in-country',
  rationale:
    "Terraform talks to Vault and to the Kubernetes API with administrator credentials and sends them keys, policies and configuration. At or above the jurisdiction's residency threshold these endpoints are technical data that must stay in the country: their host must be under the declared in-country endpointDomains or inside inCountryCidrs.",
  fix: 'Point provider.vault.address and provider.kubernetes.host at in-country endpoints (a host under network.endpointDomains or an address inside network.inCountryCidrs), or declare the in-country domain; set the host explicitly rather than leaving it to the environment.',
  controls: [snc('19.2.d'), snc('13.2.c'), c5('COS-05'), nist('SC-7'), nist('SA-9(5)'), jurisdiction('residency'), nccp('confidential data in a sovereign cloud in Malaysia')],
  check(stack, ctx) {
    const out: StackOutcome[] = [];
    const scope = technicalDataResidency(ctx);
    if (scope.kind === 'below') return [];
    for (const e of ENDPOINTS) {
      for (const p of providerBlocks(stack, e.provider)) {
        const at = { location: p.location };
        if (scope.kind === 'no-context') {
          out.push({ ...at, outcome: unknown(NO_CONTEXT_MESSAGE, e.attribute) });
          continue;
        }
        const r = read(p.body, e.path);
        if (r.kind === 'absent') {
          out.push({ ...at, outcome: unknown(`provider.${e.provider}${p.alias ? ` (${p.alias})` : ''} sets no ${e.attribute}: ${e.unset}, so its residency cannot be checked`, e.attribute) });
          continue;
        }
        const v = judgeEndpoint(r.kind === 'unresolved' ? r.expression : r.value, scope.lz);
        if (v.verdict === 'in') out.push({ ...at, outcome: pass() });
        else if (v.verdict === 'out') out.push({ ...at, outcome: fail(`provider.${e.provider} ${e.attribute}: ${v.why}; at ${scope.lz.classification} technical data must stay in ${scope.where}`, e.attribute) });
        else out.push({ ...at, outcome: unknown(`provider.${e.provider} ${e.attribute}: ${v.why}`, e.attribute) });
      }
    }
    return out;
  },
};
