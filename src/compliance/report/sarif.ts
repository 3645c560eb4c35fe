/**
 * `compliance.sarif` (SARIF 2.1.0): one `tool.driver.rules` entry per rule run, stable
 * `partialFingerprints`, accepted suppressions as `external` suppressions. Each result's
 * physical location is the landing-zone file's line the finding comes from, when the tree records
 * that file (src/synthesized/source-map.ts), so code scanning annotates the line a person edits;
 * the stack's `cdk.tf.json` (relative to `SYNTHDIR`) is then a related location, and the construct
 * path a logical one. Every result has a physical location.
 */
import { SRCROOT, type SourceLocation, type SourceLocator } from '../../synthesized/source-map';
import { parsePath } from '../../synthesized/values';
import { formatControl } from '../controls';
import type { Finding, Level } from '../types';
import type { ComplianceReport, ReportRule } from './model';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SARIF_URI_BASE = 'SYNTHDIR';
export const FINGERPRINT_KEY = 'slzFinding/v1';

/** GitHub code scanning reads `security-severity` (a number as a string) to rank results. */
export const SECURITY_SEVERITY: Readonly<Record<Level, string>> = { error: '8.0', warning: '5.0', info: '2.0' };

const SARIF_LEVEL: Readonly<Record<Level, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

/** Finds the line of a finding in its file, when the files are at hand. */
export type LineLocator = (file: string, jsonPath: readonly (string | number)[]) => number | undefined;

function ruleName(title: string): string {
  return title
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function sarifRule(r: ReportRule): Record<string, unknown> {
  const controls = r.controls.map(formatControl);
  return {
    id: r.id,
    name: ruleName(r.title),
    shortDescription: { text: r.title },
    fullDescription: { text: r.rationale },
    help: {
      text: `${r.fix}${controls.length ? `\nControls: ${controls.join('; ')}` : ''}`,
      markdown: `**Fix:** ${r.fix}${controls.length ? `\n\n**Controls:** ${controls.join('; ')}` : ''}`,
    },
    defaultConfiguration: { level: SARIF_LEVEL[r.level] },
    properties: {
      'security-severity': SECURITY_SEVERITY[r.level],
      tags: ['security', 'sovereignty', r.pack, ...controls],
      precision: 'high',
      pack: r.pack,
      scope: r.scope,
    },
  };
}

/** A landing-zone file location as a SARIF physical location. */
export function sourcePhysicalLocation(loc: SourceLocation): Record<string, unknown> {
  return { artifactLocation: { uri: loc.uri, ...(loc.uriBaseId ? { uriBaseId: loc.uriBaseId } : {}) }, region: { startLine: loc.startLine, startColumn: loc.startColumn, endLine: loc.endLine, endColumn: loc.endColumn } };
}

/** Where in the landing-zone file a finding comes from: its exemption entry, or the node that built its construct. */
export function findingSource(f: Finding, sources: SourceLocator | undefined): SourceLocation | undefined {
  if (!sources) return undefined;
  if (f.file === 'slz-context.json' && f.jsonPath?.[0] === 'exemptions' && typeof f.jsonPath[1] === 'number') {
    // File exemptions come first in slz-context.json, in the file's order.
    return sources.at(`/exemptions/${f.jsonPath[1]}${f.attribute && /^[a-z]+$/i.test(f.attribute) ? `/${f.attribute}` : ''}`);
  }
  return f.stack ? sources.locate(f.stack, f.constructPath) : undefined;
}

function result(f: Finding, ruleIndex: number, locate: LineLocator | undefined, sources: SourceLocator | undefined): Record<string, unknown> {
  const prefix = f.status === 'unknown' ? '[unknown] ' : f.status === 'error' ? '[rule error] ' : '';
  const location: Record<string, unknown> = {};
  let json: Record<string, unknown> | undefined;
  if (f.file) {
    json = { artifactLocation: { uri: f.file.split('\\').join('/'), uriBaseId: SARIF_URI_BASE } };
    const line = f.jsonPath && locate ? locate(f.file, [...f.jsonPath, ...(f.attribute ? parsePath(f.attribute) : [])]) : undefined;
    if (line !== undefined) json['region'] = { startLine: line };
  }
  const source = findingSource(f, sources);
  // Never without a physical location: the tree's context file when nothing else is known.
  location['physicalLocation'] = source ? sourcePhysicalLocation(source) : (json ?? { artifactLocation: { uri: 'slz-context.json', uriBaseId: SARIF_URI_BASE } });
  const segments = f.constructPath.split('/');
  location['logicalLocations'] = [{ name: segments[segments.length - 1] || f.constructPath, fullyQualifiedName: f.constructPath, kind: 'resource' }];
  const s = f.suppressedBy;
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: SARIF_LEVEL[f.level],
    message: { text: `${prefix}${f.message}` },
    locations: [location],
    ...(source && json ? { relatedLocations: [{ id: 1, physicalLocation: json, message: { text: 'the synthesized Terraform JSON' } }] } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    suppressions: s
      ? [
          {
            kind: 'external',
            status: 'accepted',
            justification: s.reason,
            properties: { owner: s.owner, expires: s.expires, ...(s.ticket ? { ticket: s.ticket } : {}), resource: s.resource, ...(s.source ? { source: s.source } : {}) },
          },
        ]
      : [],
    properties: {
      status: f.status,
      pack: f.pack,
      ...(f.stack ? { stack: f.stack } : {}),
      ...(f.address ? { address: f.address } : {}),
      ...(f.attribute ? { attribute: f.attribute } : {}),
    },
  };
}

export function renderSarif(report: ComplianceReport, locate?: LineLocator, sources?: SourceLocator): Record<string, unknown> {
  const rules = report.rulesRun;
  const indexOf = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            fullName: `${report.tool.package} compliance engine`,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules: rules.map(sarifRule),
          },
        },
        originalUriBaseIds: {
          [SARIF_URI_BASE]: { description: { text: 'The synthesized directory (cdktf.out) the stacks were read from.' } },
          ...(sources ? { [SRCROOT]: { description: { text: 'The working directory slz ran in: the repository root in CI.' } } } : {}),
        },
        // The yaml library's offsets, and GitHub's reading of columns.
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f) => result(f, indexOf.get(f.ruleId) ?? -1, locate, sources)),
        properties: {
          reportSchemaVersion: report.schemaVersion,
          summary: report.summary,
          ...(report.context
            ? { jurisdiction: report.context.jurisdiction.code, classification: report.context.classification, ordinal: report.context.ordinal, strict: report.context.strict }
            : {}),
        },
      },
    ],
  };
}
