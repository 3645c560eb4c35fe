/** What a Vault policy change adds, as the policy rules name it. */
import { valueAt } from '../../synthesized/values';
import { policyGrants, policyPathCovers } from '../../synthesized/vault/policy';
import type { ChangeInput } from './types';

/** Paths that reach every mount (or all of sys/). */
const EVERY_PATH = ['*', '+/*', 'sys/*'];

/**
 * New sudo and every-path grants, and (for an update) new paths, capabilities and lifted denies;
 * undefined when a policy text cannot be read (an expression, or not a policy this reader knows).
 */
export function policyGrowth({ change, before, after, isUpdate }: ChangeInput): { sudo: string[]; widened: string[] } | undefined {
  if (change.type !== 'vault_policy') return undefined;
  const ta = valueAt(after, 'policy');
  const tb = valueAt(before, 'policy');
  const ga = typeof ta === 'string' ? policyGrants(ta) : undefined;
  const gb = isUpdate ? (typeof tb === 'string' ? policyGrants(tb) : undefined) : new Map<string, Set<string>>();
  if (!ga || !gb) return undefined;
  const sudo: string[] = [];
  const widened: string[] = [];
  for (const [path, caps] of ga) {
    const covering = [...gb].filter(([p]) => policyPathCovers(p, path));
    const had = new Set(covering.flatMap(([, c]) => [...c]));
    if (caps.has('sudo') && !had.has('sudo')) sudo.push(`sudo on "${path}"`);
    if (EVERY_PATH.includes(path) && !gb.has(path)) sudo.push(`every path under "${path}"`);
    if (!isUpdate) continue;
    const newCaps = [...caps].filter((c) => c !== 'deny' && !had.has(c) && !had.has('root'));
    if (covering.length === 0 && !caps.has('deny')) widened.push(`new path "${path}" (${[...caps].join(', ') || 'no capabilities'})`);
    else if (newCaps.length) widened.push(`${newCaps.join(', ')} on "${path}"`);
    if (had.has('deny') && !caps.has('deny')) widened.push(`deny lifted on "${path}"`);
  }
  if (isUpdate) for (const [path, caps] of gb) if (caps.has('deny') && !ga.has(path)) widened.push(`deny on "${path}" removed`);
  return { sudo, widened };
}
