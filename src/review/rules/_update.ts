/** In-place updates no specific rule judged: metadata only, a security control, or anything else. */
import { isSecurityRelevantKubernetesType } from '../../synthesized/kubernetes/resource-types';
import type { Hit, RuleInput } from './types';

const METADATA_ONLY = /^(metadata(\[0\])?\.(labels|annotations)|manifest\.metadata\.(labels|annotations)|description|tags|tags_all)(\.|\[|$)/;

/** Resources whose in-place changes matter to the tenancy's controls. */
export function isSecurityType(type: string): boolean {
  return type.startsWith('vault_') || isSecurityRelevantKubernetesType(type);
}

export type UpdateKind = 'metadata' | 'security' | 'other';

/** How an update no specific rule judged is classed; undefined when it is not such an update. */
export function unjudgedUpdate(input: RuleInput, hits: readonly Hit[]): UpdateKind | undefined {
  if (input.change.action !== 'update' || hits.length > 0) return undefined;
  const paths = input.change.attrs.map((a) => a.path);
  if (paths.length > 0 && paths.every((p) => METADATA_ONLY.test(p))) return 'metadata';
  return isSecurityType(input.change.type) ? 'security' : 'other';
}
