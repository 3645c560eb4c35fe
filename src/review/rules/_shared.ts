/** Naming things in reasons, shared by the review rules. */
import { literal, valueAt } from '../../synthesized/values';
import { RefValue } from '../values';
import type { ChangeInput, RuleInput } from './types';

/** `"name"`, or `(unnamed)` when it cannot be told. */
export const q = (s: string | undefined): string => (s === undefined ? '(unnamed)' : `"${s}"`);

/** The first few items, and how many more. */
export function few(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** The first literal among attributes (dotted paths: `metadata.name`). */
export function nameOf(tree: unknown, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const s = literal(valueAt(tree, ...k.split('.')));
    if (s !== undefined) return s;
  }
  return undefined;
}

/** A Kubernetes object's name (typed resource or manifest). */
export function k8sName(tree: unknown): string | undefined {
  return nameOf(tree, 'metadata.name', 'manifest.metadata.name', 'path');
}

/** Whatever names the object of a change, else its Terraform name. */
export function nameOfAny(input: RuleInput): string | undefined {
  const t = input.after ?? input.before;
  return nameOf(t, 'name', 'role_name', 'metadata.name', 'manifest.metadata.name', 'path') ?? input.change.name;
}

/** A string, or the expression of a reference, for naming things in reasons. */
export function txt(v: unknown): string | undefined {
  if (v instanceof RefValue) return v.expr;
  return literal(v);
}

export function destroyVerb(change: RuleInput['change']): string {
  if (change.action === 'replace') return change.predicted ? 'would be destroyed and created again (predicted)' : 'is destroyed and created again';
  return 'is deleted';
}

/** What `changed` rules compare: the object before only for an update, a replacement or an unknown action. */
export function changeInput(input: RuleInput): ChangeInput {
  const isUpdate = input.change.action !== 'create' && input.before !== undefined && input.before !== null;
  return { change: input.change, before: isUpdate ? input.before : undefined, after: input.after, isUpdate, creates: input.change.actions.includes('create') };
}

/** A rule that fires at most once: its reason, or nothing. */
export const one = (reason: string | undefined | false): string[] => (reason ? [reason] : []);
