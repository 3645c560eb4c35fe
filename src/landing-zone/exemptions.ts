/**
 * Judging one exemption (an accepted risk): the landing-zone file's `exemptions` and the
 * suppressions given in code are held to the same conditions by `slz validate` and by the
 * compliance engine (SB-SUP1), which both call this.
 */
import { globProblem } from './exemption-glob';

/** Rules the engine itself enforces on suppressions (SB-SUP1–4): never suppressible. */
export const ENGINE_RULE_IDS: readonly string[] = ['SB-SUP1', 'SB-SUP2', 'SB-SUP3', 'SB-SUP4'];

export const MIN_REASON_LENGTH = 10;

/** The fields an exemption is judged on (a Suppression has them all). */
export interface ExemptionLike {
  readonly rule: string;
  readonly resource: string;
  readonly reason: string;
  readonly owner: string;
  readonly expires: string;
}

export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Problems that make a suppression unusable (SB-SUP1), as attribute → message. */
export function suppressionProblems(s: ExemptionLike, today: string): { attribute: string; message: string }[] {
  const out: { attribute: string; message: string }[] = [];
  if (typeof s.rule !== 'string' || !/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/.test(s.rule)) out.push({ attribute: 'rule', message: `rule must be an exact rule id such as VC-TR3 (got ${JSON.stringify(s.rule)})` });
  else if (ENGINE_RULE_IDS.includes(s.rule)) out.push({ attribute: 'rule', message: `${s.rule} is enforced by the engine and cannot be suppressed` });
  const globIssue = typeof s.resource === 'string' ? globProblem(s.resource) : 'is not a string';
  if (globIssue) out.push({ attribute: 'resource', message: `resource pattern ${JSON.stringify(s.resource)} ${globIssue}` });
  if (typeof s.reason !== 'string' || s.reason.trim().length < MIN_REASON_LENGTH) out.push({ attribute: 'reason', message: `reason must be at least ${MIN_REASON_LENGTH} characters` });
  const hasOwner = typeof s.owner === 'string' && s.owner.trim().length > 0;
  if (!hasOwner) out.push({ attribute: 'owner', message: 'owner is required (who accepted the risk)' });
  if (!isIsoDate(s.expires)) out.push({ attribute: 'expires', message: `expires must be a date YYYY-MM-DD (got ${JSON.stringify(s.expires)})` });
  else if (s.expires < today) out.push({ attribute: 'expires', message: `expired on ${s.expires} (checked on ${today}); the findings it accepted are reported again` });
  return out;
}

