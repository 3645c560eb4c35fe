/**
 * The review rules (plan-review.md §10), one per file: the catalogue in ranking order (within a
 * level, destruction before widening) and the look-ups the review and its renderers use.
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
import type { ReviewRule, RuleMeta } from './types';
import type { RiskLevel } from '../model';

export type { ChangeInput, ChangeRule, ComplianceRule, Hit, OutputRule, ReviewRule, RuleInput, RuleMeta, StackRule } from './types';

/** Every rule, in ranking order. */
export const RULES: readonly ReviewRule[] = [
  keyDelete,
  pkiDelete,
  mountDelete,
  namespaceDelete,
  auditDelete,
  netpolDenyRemove,
  admissionDelete,
  keyExportable,
  keyPlaintextBackup,
  keyDeletable,
  psaDowngrade,
  unknownAction,
  replace,
  mountRemount,
  admissionWeaken,
  egressOpen,
  egressWiden,
  ingressOpen,
  ingressWiden,
  rbacWildcard,
  rbacWiden,
  rbacClusterBinding,
  authWiden,
  authTtl,
  policySudo,
  policyWiden,
  keyQuantum,
  keyRotationOff,
  keyMinDecryptDown,
  stateBackend,
  complianceNew,
  psaAuditDowngrade,
  deleted,
  forget,
  imported,
  move,
  drift,
  quotaRaise,
  providerChange,
  complianceNewWarning,
  complianceSuppressed,
  outputUnmasked,
  securityUpdate,
  metadataUpdate,
  update,
  create,
  read,
  noop,
];

export const RULE_BY_ID: ReadonlyMap<string, RuleMeta> = new Map(RULES.map((r) => [r.id, r]));
const RULE_ORDER: ReadonlyMap<string, number> = new Map(RULES.map((r, i) => [r.id, i]));

export function ruleOrder(id: string): number {
  return RULE_ORDER.get(id) ?? RULES.length;
}

export function levelOf(id: string): RiskLevel {
  const r = RULE_BY_ID.get(id);
  if (!r) throw new Error(`unknown review rule ${id}`);
  return r.level;
}

export { classify, STACK_RULES, COMPLIANCE_RULES, OUTPUT_RULE } from './classify';
