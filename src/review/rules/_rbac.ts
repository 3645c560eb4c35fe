/** What a role grants and a binding binds, as the RBAC rules compare and name them. */
import { grantCovered, grantsOf, isEveryone, isWildcardGrant, roleRefOf, subjectBlocks, type Grant } from '../../synthesized/kubernetes/rbac';
import { block, literal } from '../../synthesized/values';
import { txt } from './_shared';
import type { ChangeInput } from './types';

export const grantText = (g: Grant): string => `${g.verb} ${g.group ? `${g.group}/` : ''}${g.resource}${g.names !== '*' ? ` (${g.names})` : ''}`;

/** The grants a role change adds (not covered by what it granted before), split into wildcard/escalation and the rest. */
export function roleGrowth({ before, after, isUpdate }: ChangeInput): { wild: Grant[]; other: Grant[] } {
  const gb = isUpdate ? grantsOf(block(before) ?? {}) : [];
  const fresh = grantsOf(block(after) ?? {}).filter((g) => !grantCovered(g, gb));
  return { wild: fresh.filter(isWildcardGrant), other: fresh.filter((g) => !isWildcardGrant(g)) };
}

export interface SubjectLabel {
  /** `ServiceAccount ns/name`, `Group name`; `?` for what cannot be told. */
  readonly label: string;
  readonly everyone: boolean;
}

export function subjectsOf(tree: unknown): SubjectLabel[] {
  return subjectBlocks(block(tree) ?? {}).map((s) => {
    const kind = txt(s.kind);
    const ns = txt(s.namespace);
    const name = txt(s.name);
    return { label: `${kind ?? '?'} ${ns ? `${ns}/` : ''}${name ?? '?'}`, everyone: isEveryone(kind, name, ns) };
  });
}

/** The subjects a binding change adds. */
export function freshSubjects({ before, after, isUpdate }: ChangeInput): SubjectLabel[] {
  const had = new Set(isUpdate ? subjectsOf(before).map((s) => s.label) : []);
  return subjectsOf(after).filter((s) => !had.has(s.label));
}

/** The role a binding names (a reference shown as its expression). */
export function roleRefName(tree: unknown): string | undefined {
  return txt(roleRefOf(block(tree) ?? {}).name);
}

/** The role name a binding named before, when it was a literal. */
export function literalRoleRef(tree: unknown): string | undefined {
  return literal(roleRefOf(block(tree) ?? {}).name);
}
