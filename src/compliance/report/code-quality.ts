/**
 * GitLab Code Quality reports (`artifacts:reports:codequality`): the JSON array GitLab documents —
 * `description`, `check_name`, `fingerprint`, `severity` (info, minor, major, critical, blocker)
 * and `location.path` + `location.lines.begin`, the path relative to the repository root. GitLab
 * compares the merge request's report with the target branch's and shows what is new in the
 * widget. Findings point at the landing-zone line when the tree records the file, like SARIF.
 */
import { join, relative, resolve, sep } from 'node:path';
import type { SourceLocator } from '../../synthesized/source-map';
import type { Finding, Level } from '../types';
import type { ComplianceReport } from './model';
import { findingSource, type LineLocator } from './sarif';
import { parsePath } from '../../synthesized/values';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: CodeQualitySeverity;
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

const SEVERITY: Readonly<Record<Level, CodeQualitySeverity>> = { error: 'critical', warning: 'major', info: 'info' };

/** A path relative to the working directory (the repository root in CI), with `/`. */
export function repoRelative(path: string): string {
  return relative(process.cwd(), resolve(path)).split(sep).join('/');
}

/** GitLab keys issues by fingerprint: a repeated one gets a suffix so none is dropped. */
export function uniqueFingerprints<T extends { fingerprint: string }>(issues: T[]): T[] {
  const seen = new Map<string, number>();
  return issues.map((i) => {
    const n = seen.get(i.fingerprint) ?? 0;
    seen.set(i.fingerprint, n + 1);
    return n === 0 ? i : { ...i, fingerprint: `${i.fingerprint}-${n + 1}` };
  });
}

function location(f: Finding, synthDir: string | undefined, locate: LineLocator | undefined, sources: SourceLocator | undefined): CodeQualityIssue['location'] {
  const src = findingSource(f, sources);
  if (src) return { path: repoRelative(src.path), lines: { begin: src.startLine } };
  const file = f.file || 'slz-context.json';
  const line = f.file && f.jsonPath && locate ? locate(f.file, [...f.jsonPath, ...(f.attribute ? parsePath(f.attribute) : [])]) : undefined;
  return { path: repoRelative(synthDir ? join(synthDir, file) : file), lines: { begin: line ?? 1 } };
}

/** Unsuppressed findings as Code Quality issues (accepted risks are not news in a merge request). */
export function codeQualityIssues(report: ComplianceReport, synthDir?: string, locate?: LineLocator, sources?: SourceLocator): CodeQualityIssue[] {
  return uniqueFingerprints(
    report.findings
      .filter((f) => !f.suppressedBy)
      .map((f) => ({
        description: `${f.ruleId}: ${f.status === 'unknown' ? '[unknown] ' : ''}${f.message} (${f.constructPath}${f.attribute ? ` ${f.attribute}` : ''})`,
        check_name: f.ruleId,
        fingerprint: f.fingerprint,
        severity: SEVERITY[f.level],
        location: location(f, synthDir, locate, sources),
      })),
  );
}

export function renderCodeQuality(issues: readonly CodeQualityIssue[]): string {
  return `${JSON.stringify(issues, null, 2)}\n`;
}
