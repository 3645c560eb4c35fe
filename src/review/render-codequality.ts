/**
 * `slz review --format codequality`: the review's risks (LOW and above, as in SARIF) as a GitLab
 * Code Quality report, located like the SARIF results: the landing-zone line when the reviewed
 * tree records its file, else the stack's JSON or the plan file.
 */
import { existsSync, statSync } from 'node:fs';
import { repoRelative, uniqueFingerprints, type CodeQualityIssue, type CodeQualitySeverity } from '../compliance/report/code-quality';
import { SourceLocator } from '../synthesized/source-map';
import type { Review, RiskLevel } from './model';
import { fingerprint } from './render-sarif';

const SEVERITY: Readonly<Record<Exclude<RiskLevel, 'INFO'>, CodeQualitySeverity>> = { CRITICAL: 'blocker', HIGH: 'critical', MEDIUM: 'major', LOW: 'minor' };

export function codeQualityOfReview(review: Review): CodeQualityIssue[] {
  const dir = review.sources.find((s) => s.kind === 'head' || s.kind === 'synth')?.path;
  const sources = dir && existsSync(dir) && statSync(dir).isDirectory() ? SourceLocator.forTree(dir) : undefined;
  const planFile = review.sources.find((s) => s.kind === 'plan')?.path;
  return uniqueFingerprints(
    review.risks.flatMap((r) => {
      if (r.level === 'INFO') return [];
      const src = sources && r.stack && r.constructPath ? sources.locate(r.stack, r.constructPath) : undefined;
      const file = r.file ?? planFile ?? (dir ? `${dir}/stack-graph.json` : 'stack-graph.json');
      return [
        {
          description: `${r.ruleId} (${r.level}): ${r.reason}${r.address ? ` [${r.stack ? `${r.stack} ` : ''}${r.address}]` : ''}`,
          check_name: r.ruleId,
          fingerprint: fingerprint(r),
          severity: SEVERITY[r.level],
          location: src ? { path: repoRelative(src.path), lines: { begin: src.startLine } } : { path: repoRelative(file), lines: { begin: 1 } },
        },
      ];
    }),
  );
}

export function renderCodeQualityReview(review: Review): string {
  return `${JSON.stringify(codeQualityOfReview(review), null, 2)}\n`;
}
