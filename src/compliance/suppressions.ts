/**
 * Suppressions as code (accepted risks): validation (SB-SUP1), matching by construct-path glob
 * (SB-SUP2), the strict profile where error-level findings stay (SB-SUP3), and unused ones
 * (SB-SUP4). Engine rules' own findings are never suppressible.
 */
import { Fingerprints } from './engine';
import { compileGlob, type PathGlob } from '../landing-zone/exemption-glob';
import { isIsoDate, MIN_REASON_LENGTH, suppressionProblems } from '../landing-zone/exemptions';

export { isIsoDate, MIN_REASON_LENGTH, suppressionProblems };
import { rule as SUP1 } from './rules/sovereign-baseline/sb-sup1-suppression-valid';
import { rule as SUP2 } from './rules/sovereign-baseline/sb-sup2-suppression-matches';
import { rule as SUP3 } from './rules/sovereign-baseline/sb-sup3-strict-unsuppressible';
import { rule as SUP4 } from './rules/sovereign-baseline/sb-sup4-suppression-unused';
import type { Finding, MetaRule, PackId, Suppression } from './types';

export const SUPPRESSION_META_RULES: readonly MetaRule[] = [SUP1, SUP2, SUP3, SUP4];


/** A suppression and what it accepted. */
export interface AcceptedSuppression {
  readonly suppression: Suppression;
  /** Fingerprints of the findings it accepted. */
  readonly findings: readonly string[];
}

export interface SuppressionInput {
  readonly findings: readonly Finding[];
  readonly suppressions: readonly Suppression[];
  readonly strict: boolean;
  readonly today: string;
  /** Every construct path (and stack name) in the checked stacks: what a pattern may match. */
  readonly constructPaths: readonly string[];
  /** Pack of every rule any pack defines, by id. */
  readonly knownRules: ReadonlyMap<string, PackId>;
  /** Packs that ran: a suppression for a rule of a pack that did not run is left alone. */
  readonly packsRun: ReadonlySet<PackId>;
}

export interface SuppressionResult {
  /** The input findings (accepted ones carry `suppressedBy`), then the meta-rule findings. */
  readonly findings: Finding[];
  readonly accepted: AcceptedSuppression[];
}

function describe(s: Suppression): string {
  return `suppression of ${s.rule || '(no rule)'} on "${s.resource}"${s.source ? ` (${s.source})` : ''}`;
}

function locationOf(s: Suppression): Pick<Finding, 'file' | 'jsonPath'> {
  const m = /^slz-context\.json exemptions\[(\d+)\]$/.exec(s.source ?? '');
  return m ? { file: 'slz-context.json', jsonPath: ['exemptions', Number(m[1])] } : { file: '' };
}

function metaFinding(rule: MetaRule, s: Suppression, message: string, attribute: string | undefined, prints: Fingerprints): Finding {
  const key = `${s.source ?? ''}|${s.rule}|${s.resource}`;
  return {
    ruleId: rule.id,
    pack: rule.pack,
    level: rule.level,
    status: 'fail',
    message: `${describe(s)}: ${message}`,
    stack: '',
    ...locationOf(s),
    constructPath: typeof s.resource === 'string' ? s.resource : '',
    ...(attribute ? { attribute } : {}),
    fingerprint: prints.next(rule.id, key, attribute),
  };
}

export function applySuppressions(input: SuppressionInput): SuppressionResult {
  const findings: Finding[] = input.findings.map((f) => ({ ...f }));
  const meta: Finding[] = [];
  const accepted: AcceptedSuppression[] = [];
  const prints = new Fingerprints();

  input.suppressions.forEach((s) => {
    const problems = suppressionProblems(s, input.today);
    if (problems.length > 0) {
      for (const p of problems) meta.push(metaFinding(SUP1, s, p.message, p.attribute, prints));
      return;
    }
    const pack = input.knownRules.get(s.rule);
    if (pack !== undefined && !input.packsRun.has(pack)) return;
    const glob: PathGlob = compileGlob(s.resource);
    if (!input.constructPaths.some((p) => glob.matches(p))) {
      meta.push(metaFinding(SUP2, s, 'matches no construct in the checked stacks', 'resource', prints));
      return;
    }
    if (pack === undefined) {
      meta.push(metaFinding(SUP4, s, `names no rule this engine knows (${s.rule})`, 'rule', prints));
      return;
    }
    const took: string[] = [];
    const blocked: Finding[] = [];
    findings.forEach((f, i) => {
      if (f.suppressedBy || f.ruleId !== s.rule || !glob.matches(f.constructPath)) return;
      if (input.strict && f.level === 'error') {
        blocked.push(f);
        return;
      }
      findings[i] = { ...f, suppressedBy: s };
      took.push(f.fingerprint);
    });
    if (blocked.length > 0) {
      const where = [...new Set(blocked.map((f) => f.constructPath))].slice(0, 3).join(', ');
      meta.push(
        metaFinding(
          SUP3,
          s,
          `the strict profile does not let error-level findings be suppressed; ${blocked.length} ${s.rule} finding${blocked.length === 1 ? ' stays' : 's stay'} (${where}${blocked.length > 3 ? ', …' : ''})`,
          undefined,
          prints,
        ),
      );
    }
    if (took.length > 0) accepted.push({ suppression: s, findings: took });
    else if (blocked.length === 0) meta.push(metaFinding(SUP4, s, `accepts no finding: ${s.rule} raised nothing under "${s.resource}"; remove it`, undefined, prints));
  });
  return { findings: [...findings, ...meta], accepted };
}
