/** VC-PL1: Vault policies grant no catch-all paths, no writes to sys/, and no sudo to workloads. */
import { fail, pass, stackResources, unknown } from '../../attributes';
import { memo } from '../../memo';
import { nist } from '../../controls';
import type { SynthStack } from '../../../synthesized';
import { readVaultPolicy } from '../../../synthesized/vault/policy';
import type { Outcome, ResourceRule } from '../../types';
import { readString } from '../../../synthesized/values';

const WRITE = new Set(['create', 'update', 'patch', 'delete']);

const workloadCache = new WeakMap<readonly SynthStack[], Set<string>>();

/** Names of policies attached to Kubernetes auth roles (workload policies), across the checked stacks. */
export function workloadPolicies(stacks: readonly SynthStack[]): Set<string> {
  let names = workloadCache.get(stacks);
  if (!names) {
    names = new Set();
    for (const s of stacks) {
      for (const r of stackResources(s, 'vault_kubernetes_auth_backend_role')) {
        const p = r.body['token_policies'];
        if (Array.isArray(p)) for (const n of p) if (typeof n === 'string') names.add(n);
      }
    }
    workloadCache.set(stacks, names);
  }
  return names;
}

/** A path glob that reaches every mount: `*`, `+`, `+/…`, `*…` at the first segment. */
function catchAll(path: string): boolean {
  const first = path.replace(/^\/+/, '').split('/')[0] ?? '';
  return first === '' || first === '+' || first.startsWith('*');
}

export const rule: ResourceRule = {
  id: 'VC-PL1',
  pack: 'vault-crypto',
  scope: 'resource',
  level: 'error',
  title: 'Vault policies are least-privilege',
  rationale:
    'A policy on path "*" (or a glob at the first segment) reaches every secret engine of every tenant; create/update/delete on sys/ reconfigures Vault itself (audit, auth, policies, seal); sudo in a workload policy opens root-protected endpoints to an application. Policies are read from the HCL text; anything the reader does not understand is unknown.',
  fix: 'Grant exact paths under the tenant\'s own mounts; keep sys/ read-only for operators; never grant sudo to a policy attached to a Kubernetes auth role.',
  controls: [nist('AC-6'), nist('AC-6(1)'), nist('AC-3')],
  resourceTypes: ['vault_policy'],
  check(resource, ctx) {
    const text = readString(resource.body, 'policy');
    if (text.kind === 'unresolved') return unknown(`policy is ${text.expression}, known only at plan time`, 'policy');
    if (text.kind !== 'value') return unknown('policy text is not a literal string', 'policy');
    const parsed = readVaultPolicy(text.value);
    if (!parsed.ok) return unknown(`policy text cannot be judged: ${parsed.reason}`, 'policy');
    const name = readString(resource.body, 'name');
    const workload = name.kind === 'value' && memo(ctx, 'vault:workload-policies', () => workloadPolicies(ctx.stacks)).has(name.value);
    const out: Outcome[] = [];
    for (const p of parsed.paths) {
      const caps = p.capabilities.filter((c) => c !== 'deny');
      if (p.capabilities.includes('deny') || caps.length === 0) continue;
      if (catchAll(p.path)) out.push(fail(`path "${p.path}" reaches every mount (${caps.join(', ')})`, 'policy'));
      const isSys = /^\/?sys(\/|$)/.test(p.path);
      if (isSys && caps.some((c) => WRITE.has(c))) out.push(fail(`path "${p.path}" grants ${caps.filter((c) => WRITE.has(c)).join(', ')} on sys/: Vault's own configuration`, 'policy'));
      if (caps.includes('sudo') && (workload || !isSys)) {
        out.push(fail(`path "${p.path}" grants sudo${workload ? ` in ${name.kind === 'value' ? name.value : 'a'} workload policy (attached to a Kubernetes auth role)` : ' outside sys/'}`, 'policy'));
      }
    }
    return out.length ? out : pass();
  },
};
