/** RV-PSA-DOWNGRADE: a namespace's Pod Security enforce level is lowered or removed. */
import { podSecurityLabel, podSecurityRank } from '../../synthesized/kubernetes/namespace';
import { NAMESPACE_TYPES } from '../../synthesized/kubernetes/resource-types';
import { labelsOf } from './_labels';
import { k8sName, q } from './_shared';
import type { ChangeInput, ChangeRule } from './types';

/** Each listed Pod Security mode whose level goes down: `Namespace "x": Pod Security audit goes from restricted to baseline.` */
export function psaDowngrades({ change, before, after, isUpdate }: ChangeInput, modes: readonly ('enforce' | 'audit' | 'warn')[]): string[] {
  if (!NAMESPACE_TYPES.includes(change.type) || !isUpdate) return [];
  const lb = labelsOf(before);
  const la = labelsOf(after);
  const out: string[] = [];
  for (const mode of modes) {
    const key = podSecurityLabel(mode);
    const vb = lb[key];
    const va = la[key];
    if (typeof vb !== 'string') continue;
    const rb = podSecurityRank(vb);
    const ra = typeof va === 'string' ? podSecurityRank(va) : va === undefined || va === null ? 0 : rb;
    if (ra < rb) out.push(`Namespace ${q(k8sName(after))}: Pod Security ${mode} goes from ${vb} to ${typeof va === 'string' ? va : 'unset (cluster default, usually privileged)'}.`);
  }
  return out;
}

export const rule: ChangeRule = {
  id: 'RV-PSA-DOWNGRADE',
  level: 'CRITICAL',
  title: 'Pod Security enforcement downgraded',
  help: 'Lowering pod-security.kubernetes.io/enforce (restricted → baseline/privileged, or removing it) lets privileged or host-access pods into the namespace.',
  tags: ['kubernetes', 'pod-security'],
  scope: 'change',
  types: NAMESPACE_TYPES,
  checks: `a Kubernetes namespace whose \`${podSecurityLabel('enforce')}\` label is lowered or removed`,
  changed: (input) => psaDowngrades(input, ['enforce']),
};
