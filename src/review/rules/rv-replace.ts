/** RV-REPLACE: an object is destroyed and created again (unless a CRITICAL rule already says what is lost). */
import { few, nameOfAny, one, q } from './_shared';
import type { ChangeRule, RuleInput } from './types';

function replaceReason(input: RuleInput): string {
  const { change } = input;
  const name = q(nameOfAny(input));
  const forced = change.attrs.filter((a) => a.forcesReplacement).map((a) => a.path);
  const paths = change.replacePaths.length ? change.replacePaths : forced;
  const why = paths.length ? `: ${few(paths)} cannot change in place` : change.actionReason ? ` (${change.actionReason.text.toLowerCase()})` : '';
  if (change.replaceOrder === 'create-then-forget' || change.replaceOrder === 'forget-then-create') {
    return `${change.type} ${name} must be replaced${why}; the existing object is not destroyed but forgotten (destroy = false).`;
  }
  const order = change.replaceOrder === 'create-before-destroy' ? ' (new one created first)' : change.replaceOrder === 'delete-before-create' ? ' (old one destroyed first: a gap follows)' : '';
  return `${change.type} ${name} ${change.predicted ? 'would be replaced (predicted: confirm with terraform plan)' : 'is replaced'}${why}${order}.`;
}

export const rule: ChangeRule = {
  id: 'RV-REPLACE',
  level: 'HIGH',
  title: 'Resource replaced',
  help: 'The object is destroyed and created again (or a new one is created and the old one forgotten); its identity, state and anything bound to it change.',
  tags: ['replace'],
  scope: 'change',
  checks: 'any replacement, unless a CRITICAL rule already reports what its destruction loses',
  baseline(input, hits) {
    const { change } = input;
    return one(change.action === 'replace' && !hits.some((h) => h.level === 'CRITICAL' && change.destroys) && replaceReason(input));
  },
};
