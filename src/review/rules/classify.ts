/**
 * Classifying one change: the rules run in phases, each in a fixed order, so a change's risks
 * always come out in the same order. Specific rules first; when none fires, one baseline risk for
 * the action. Imports, moves, forgets and unknown actions are reported on top.
 */
import { rule as admissionDelete } from './rv-admission-delete';
import { rule as admissionWeaken } from './rv-admission-weaken';
import { rule as auditDelete } from './rv-audit-delete';
import { rule as authTtl } from './rv-auth-ttl';
import { rule as authWiden } from './rv-auth-widen';
import { rule as complianceNew } from './rv-compliance-new';
import { rule as complianceNewWarning } from './rv-compliance-new-warning';
import { rule as complianceSuppressed } from './rv-compliance-suppressed';
import { rule as create } from './rv-create';
import { rule as deleted } from './rv-delete';
import { rule as drift } from './rv-drift';
import { rule as egressOpen } from './rv-egress-open';
import { rule as egressWiden } from './rv-egress-widen';
import { rule as forget } from './rv-forget';
import { rule as imported } from './rv-import';
import { rule as ingressOpen } from './rv-ingress-open';
import { rule as ingressWiden } from './rv-ingress-widen';
import { rule as keyDeletable } from './rv-key-deletable';
import { rule as keyDelete } from './rv-key-delete';
import { rule as keyExportable } from './rv-key-exportable';
import { rule as keyMinDecryptDown } from './rv-key-min-decrypt-down';
import { rule as keyPlaintextBackup } from './rv-key-plaintext-backup';
import { rule as keyQuantum } from './rv-key-quantum';
import { rule as keyRotationOff } from './rv-key-rotation-off';
import { rule as metadataUpdate } from './rv-metadata-update';
import { rule as mountDelete } from './rv-mount-delete';
import { rule as mountRemount } from './rv-mount-remount';
import { rule as move } from './rv-move';
import { rule as namespaceDelete } from './rv-namespace-delete';
import { rule as netpolDenyRemove } from './rv-netpol-deny-remove';
import { rule as noop } from './rv-noop';
import { rule as outputUnmasked } from './rv-output-unmasked';
import { rule as pkiDelete } from './rv-pki-delete';
import { rule as policySudo } from './rv-policy-sudo';
import { rule as policyWiden } from './rv-policy-widen';
import { rule as providerChange } from './rv-provider-change';
import { rule as psaAuditDowngrade } from './rv-psa-audit-downgrade';
import { rule as psaDowngrade } from './rv-psa-downgrade';
import { rule as quotaRaise } from './rv-quota-raise';
import { rule as rbacClusterBinding } from './rv-rbac-cluster-binding';
import { rule as rbacWiden } from './rv-rbac-widen';
import { rule as rbacWildcard } from './rv-rbac-wildcard';
import { rule as read } from './rv-read';
import { rule as replace } from './rv-replace';
import { rule as securityUpdate } from './rv-security-update';
import { rule as stateBackend } from './rv-state-backend';
import { rule as unknownAction } from './rv-unknown-action';
import { rule as update } from './rv-update';
import { changeInput } from './_shared';
import type { ChangeRule, ComplianceRule, Hit, OutputRule, ReviewRule, RuleInput, StackRule } from './types';

/** Changes made outside Terraform (the plan's resource_drift). */
const DRIFT: readonly ChangeRule[] = [drift];
/** The action itself, before anything else. */
const ACTION: readonly ChangeRule[] = [unknownAction];
/** An object is destroyed (delete, replace, or an unknown action that deletes). */
const DESTROY: readonly ChangeRule[] = [keyDelete, pkiDelete, mountDelete, namespaceDelete, auditDelete, netpolDenyRemove, admissionDelete];
/** An object exists after the change (create, update, replace, unknown). */
const CHANGE: readonly ChangeRule[] = [keyExportable, keyPlaintextBackup, keyDeletable, keyQuantum, keyRotationOff, keyMinDecryptDown, mountRemount, psaDowngrade, psaAuditDowngrade, admissionWeaken, netpolDenyRemove, egressOpen, egressWiden, ingressOpen, ingressWiden, rbacWildcard, rbacClusterBinding, rbacWiden, authWiden, authTtl, policySudo, policyWiden, quotaRaise];
/** What every change gets, given what the rules above found. */
const BASELINE: readonly ChangeRule[] = [replace, deleted, forget, metadataUpdate, securityUpdate, update, create, read, noop, imported, move];

export const STACK_RULES: readonly StackRule[] = [stateBackend, providerChange];
export const COMPLIANCE_RULES: readonly ComplianceRule[] = [complianceNew, complianceNewWarning, complianceSuppressed];
export const OUTPUT_RULE: OutputRule = outputUnmasked;

/** The DESTROY and CHANGE rules that judge a resource type, in phase order (a plan has few types and many changes). */
const byType = new Map<string, { readonly destroy: readonly ChangeRule[]; readonly change: readonly ChangeRule[] }>();

function rulesFor(type: string): { readonly destroy: readonly ChangeRule[]; readonly change: readonly ChangeRule[] } {
  let rules = byType.get(type);
  if (!rules) {
    const judges = (r: ChangeRule) => !r.types || r.types.includes(type);
    rules = { destroy: DESTROY.filter(judges), change: CHANGE.filter(judges) };
    byType.set(type, rules);
  }
  return rules;
}

/** The risks of one change, in phase order. */
export function classify(input: RuleInput): Hit[] {
  const { change } = input;
  const hits: Hit[] = [];
  const add = (rule: ReviewRule, reasons: readonly string[] | undefined) => {
    if (reasons) for (const reason of reasons) hits.push({ ruleId: rule.id, level: rule.level, reason });
  };
  if (change.source === 'drift') {
    for (const rule of DRIFT) add(rule, rule.drift?.(input));
    return hits;
  }
  for (const rule of ACTION) add(rule, rule.action?.(input));
  const rules = rulesFor(change.type);
  if (change.destroys) for (const rule of rules.destroy) add(rule, rule.destroyed?.(input));
  const changesObject = change.action === 'create' || change.action === 'update' || change.action === 'replace' || change.action === 'unknown';
  if (changesObject && input.after !== undefined && input.after !== null && rules.change.length > 0) {
    const c = changeInput(input);
    for (const rule of rules.change) add(rule, rule.changed?.(c));
  }
  const specific = hits.slice();
  for (const rule of BASELINE) add(rule, rule.baseline?.(input, specific));
  return hits;
}
