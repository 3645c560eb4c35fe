/** Writes `compliance.json`, `compliance.md` and `compliance.sarif` into a reports folder. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { locateLine } from './json-locate';
import { renderMarkdown } from './markdown';
import type { ComplianceReport } from './model';
import { SourceLocator } from '../../synthesized/source-map';
import { renderSarif, type LineLocator } from './sarif';

export const REPORT_FILES = { json: 'compliance.json', markdown: 'compliance.md', sarif: 'compliance.sarif' } as const;

function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Line locator over the stack files under `synthDir` (each file read once). */
export function fileLineLocator(synthDir: string): LineLocator {
  const texts = new Map<string, string | null>();
  return (file, jsonPath) => {
    let text = texts.get(file);
    if (text === undefined) {
      const p = join(synthDir, file);
      text = existsSync(p) ? readFileSync(p, 'utf8') : null;
      texts.set(file, text);
    }
    return text === null ? undefined : locateLine(text, jsonPath);
  };
}

export function renderJson(report: ComplianceReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function renderSarifText(report: ComplianceReport, locate?: LineLocator, sources?: SourceLocator): string {
  return `${JSON.stringify(renderSarif(report, locate, sources), null, 2)}\n`;
}

/**
 * Writes the three reports. `synthDir` (default: the parent of `reportsDir` when it holds a
 * `stacks/` folder) lets SARIF results carry line numbers in the stack files.
 */
export function writeComplianceReports(report: ComplianceReport, reportsDir: string, synthDir?: string): { json: string; markdown: string; sarif: string } {
  mkdirSync(reportsDir, { recursive: true });
  const base = synthDir ?? (existsSync(join(dirname(reportsDir), 'stacks')) ? dirname(reportsDir) : undefined);
  const paths = { json: join(reportsDir, REPORT_FILES.json), markdown: join(reportsDir, REPORT_FILES.markdown), sarif: join(reportsDir, REPORT_FILES.sarif) };
  writeAtomically(paths.json, renderJson(report));
  writeAtomically(paths.markdown, renderMarkdown(report));
  writeAtomically(paths.sarif, renderSarifText(report, base ? fileLineLocator(base) : undefined, base ? SourceLocator.forTree(base) : undefined));
  return paths;
}
