/** SB-PRV1: every provider is fully qualified and pinned with a `~>` range. */
import { fail, pass } from '../../attributes';
import { nist } from '../../controls';
import { resourcesOf } from '../../../synthesized';
import { stackLocation } from '../../subjects';
import type { StackOutcome, StackRule } from '../../types';
import { isExpression } from '../../../synthesized/values';

/** `namespace/name` or `host/namespace/name`. */
const QUALIFIED = /^([a-z0-9.-]+(:\d+)?\/)?[A-Za-z0-9][A-Za-z0-9_-]*\/[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** The provider a resource type belongs to (its prefix), or the one its `provider` meta-argument names. */
function providerOfResource(type: string, body: Readonly<Record<string, unknown>>): string {
  const meta = body['provider'];
  if (typeof meta === 'string' && !isExpression(meta)) return meta.split('.')[0]!;
  return type.split('_')[0]!;
}

export const rule: StackRule = {
  id: 'SB-PRV1',
  pack: 'sovereign-baseline',
  scope: 'stack',
  level: 'error',
  title: 'Providers are fully qualified and pinned with ~> ranges',
  rationale:
    'An unqualified source (`kubernetes`) resolves to different registries in Terraform and OpenTofu (opentofu/opentofu#2402), and a provider without a bounded range can change under a reviewed plan. Every provider a stack uses must be declared in required_providers with namespace/name (optionally a registry host, e.g. an in-country mirror) and a `~>` constraint.',
  fix: 'Declare each provider as { source: "hashicorp/<name>" (or "<in-country-mirror>/hashicorp/<name>"), version: "~> X.Y" } under terraform.required_providers (pinProviders in stacks/provider-pinning.ts does this).',
  controls: [nist('CM-2'), nist('SR-4'), nist('SA-10')],
  check(stack) {
    const out: StackOutcome[] = [];
    const declared = stack.json.terraform?.required_providers ?? {};
    for (const [name, p] of Object.entries(declared)) {
      const location = stackLocation(stack, `terraform/required_providers/${name}`, ['terraform', 'required_providers', name]);
      const source = typeof p === 'object' && p ? p.source : undefined;
      const version = typeof p === 'object' && p ? p.version : undefined;
      const problems: StackOutcome[] = [];
      if (typeof source !== 'string' || !QUALIFIED.test(source)) problems.push({ location, outcome: fail(`${name}: source ${JSON.stringify(source ?? null)} is not fully qualified (namespace/name)`, 'source') });
      if (typeof version !== 'string' || version.trim() === '') problems.push({ location, outcome: fail(`${name}: no version constraint`, 'version') });
      else if (!version.split(',').some((c) => c.trim().startsWith('~>'))) problems.push({ location, outcome: fail(`${name}: version "${version}" is not a ~> range (exact pins and open ranges are refused)`, 'version') });
      out.push(...(problems.length ? problems : [{ location, outcome: pass() }]));
    }
    const used = new Set<string>();
    for (const name of Object.keys(stack.json.provider ?? {})) used.add(name);
    for (const r of resourcesOf(stack)) used.add(providerOfResource(r.type, r.body));
    for (const r of resourcesOf(stack, 'data')) if (r.type !== 'terraform_remote_state') used.add(providerOfResource(r.type, r.body));
    used.delete('terraform');
    for (const name of [...used].sort()) {
      if (!Object.prototype.hasOwnProperty.call(declared, name)) {
        out.push({ location: stackLocation(stack, `terraform/required_providers/${name}`, ['terraform', 'required_providers']), outcome: fail(`provider ${name} is used but not declared in terraform.required_providers`) });
      }
    }
    return out;
  },
};
