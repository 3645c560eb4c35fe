/**
 * SARIF 2.1.0 for GitHub code scanning (plan-review.md §11): one rule per risk rule with
 * `security-severity`, one result per risk at LOW or above, and a stable `partialFingerprints`
 * entry (rule id + stack + address) so results are matched across pushes. A result is located at
 * the line of the landing-zone file its construct comes from when the reviewed tree records that
 * file (src/synthesized/source-map.ts), with the stack's `cdk.tf.json` (or the plan file) as a
 * related location; otherwise at that JSON. The resource address and construct path are logical
 * locations. Every result has a physical location.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { locateLine } from '../compliance/report/json-locate';
import { SourceLocator, SRCROOT, type SourceLocation } from '../synthesized/source-map';
import { countActions, countRisks, FAIL_ON_LEVEL, gateRisks, highestLevel, type FailOn, type Review, type Risk, type RiskLevel } from './model';
import { RULES } from './rules';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** GitHub code scanning accepts at most 25,000 results per run. */
export const MAX_SARIF_RESULTS = 25_000;
export const FINGERPRINT_KEY = 'slzReviewRisk/v1';

/** GitHub reads > 9.0 as critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low. */
export const SECURITY_SEVERITY: Readonly<Record<RiskLevel, string>> = { CRITICAL: '9.5', HIGH: '8.0', MEDIUM: '5.5', LOW: '2.0', INFO: '0.0' };
const SARIF_LEVEL: Readonly<Record<RiskLevel, 'error' | 'warning' | 'note' | 'none'>> = { CRITICAL: 'error', HIGH: 'error', MEDIUM: 'warning', LOW: 'note', INFO: 'none' };

export interface SarifOptions {
  readonly failOn: FailOn;
  readonly version?: string;
}

export function fingerprint(r: Risk): string {
  return createHash('sha256')
    .update(`${r.ruleId}\u0000${r.stack ?? ''}\u0000${r.address ?? r.constructPath ?? ''}`)
    .digest('hex');
}

const encode = (path: string) =>
  path
    .split(/[\\/]+/)
    .map((seg) => encodeURIComponent(seg))
    .join('/');

/**
 * An artifact location code scanning can use: relative to the working directory (the checkout)
 * when the file is inside it; otherwise `stacks/<stack>/cdk.tf.json` under the base id SYNTH,
 * whose absolute location goes to `originalUriBaseIds`.
 */
function locationOf(file: string, bases: Map<string, string>): { uri: string; uriBaseId?: string } {
  const abs = resolve(file);
  const rel = relative(process.cwd(), abs);
  if (!isAbsolute(file) || (!rel.startsWith('..') && !isAbsolute(rel))) return { uri: encode(isAbsolute(file) ? rel : file) };
  const m = /^(.*?)[\\/](stacks[\\/][^\\/]+[\\/]cdk\.tf\.json)$/.exec(abs);
  if (m && m[1] !== undefined && m[2]) {
    const root = m[1];
    let key = [...bases].find(([, dir]) => dir === root)?.[0];
    if (!key) {
      key = bases.size === 0 ? 'SYNTH' : `SYNTH${bases.size + 1}`;
      bases.set(key, root);
    }
    return { uri: encode(m[2]), uriBaseId: key };
  }
  return { uri: pathToFileURL(abs).href };
}

function pascal(title: string): string {
  return title.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')).replace(/^./, (c) => c.toUpperCase());
}

/** The synthesized tree a review read (the head of a config diff, the --synth of a plan review). */
function reviewedTree(review: Review): string | undefined {
  const dir = review.sources.find((s) => s.kind === 'head' || s.kind === 'synth')?.path;
  return dir && existsSync(dir) && statSync(dir).isDirectory() ? dir : undefined;
}

/** The line of a resource in a stack's `cdk.tf.json`, for the related location. */
function jsonLine(file: string, address: string | undefined, texts: Map<string, string | null>): number {
  const m = address ? /^([a-z0-9_]+)\.([^.[\]]+)/.exec(address) : null;
  if (!m || !file.endsWith('cdk.tf.json')) return 1;
  let text = texts.get(file);
  if (text === undefined) {
    text = existsSync(file) ? readFileSync(file, 'utf8') : null;
    texts.set(file, text);
  }
  return (text && locateLine(text, ['resource', m[1]!, m[2]!])) || 1;
}

function sourceLocation(loc: SourceLocation): Record<string, unknown> {
  return { artifactLocation: { uri: loc.uri, ...(loc.uriBaseId ? { uriBaseId: loc.uriBaseId } : {}) }, region: { startLine: loc.startLine, startColumn: loc.startColumn, endLine: loc.endLine, endColumn: loc.endColumn } };
}

export function sarifLog(review: Review, opts: SarifOptions): Record<string, unknown> {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const planFile = review.sources.find((s) => s.kind === 'plan')?.path;
  const eligible = review.risks.filter((r) => r.level !== 'INFO');
  const kept = eligible.slice(0, MAX_SARIF_RESULTS);
  const bases = new Map<string, string>();
  const tree = reviewedTree(review);
  const sources = tree ? SourceLocator.forTree(tree) : undefined;
  const texts = new Map<string, string | null>();
  // A risk about no file at all (a compliance delta without a stack) still needs a location.
  const fallback = tree ? join(tree, 'stack-graph.json') : (review.sources[0]?.path ?? 'stack-graph.json');
  const results = kept.map((r) => {
    const file = r.file ?? planFile;
    const source = sources && r.stack && r.constructPath ? sources.locate(r.stack, r.constructPath) : undefined;
    const json = file ? { artifactLocation: locationOf(file, bases), region: { startLine: jsonLine(file, r.address, texts) } } : undefined;
    const logical = [
      ...(r.address ? [{ name: r.address, fullyQualifiedName: r.stack ? `${r.stack}/${r.address}` : r.address, kind: 'resource' }] : []),
      ...(r.constructPath ? [{ name: r.constructPath.split('/').pop() ?? r.constructPath, fullyQualifiedName: r.constructPath, kind: 'module' }] : []),
    ];
    return {
      ruleId: r.ruleId,
      ruleIndex: ruleIndex.get(r.ruleId) ?? -1,
      kind: 'fail',
      level: SARIF_LEVEL[r.level],
      message: { text: r.reason },
      locations: [
        {
          physicalLocation: source ? sourceLocation(source) : (json ?? { artifactLocation: locationOf(fallback, bases), region: { startLine: 1 } }),
          ...(logical.length ? { logicalLocations: logical } : {}),
        },
      ],
      ...(source && json ? { relatedLocations: [{ id: 1, physicalLocation: json, message: { text: 'the synthesized Terraform JSON or plan' } }] } : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(r) },
      properties: {
        riskLevel: r.level,
        'security-severity': SECURITY_SEVERITY[r.level],
        ...(r.stack ? { stack: r.stack } : {}),
        ...(r.address ? { address: r.address } : {}),
        ...(r.constructPath ? { constructPath: r.constructPath } : {}),
      },
    };
  });
  const gate = gateRisks(review, opts.failOn);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'slz-review',
            fullName: 'sovereign-landing-zone plan review',
            ...(opts.version ? { version: opts.version, semanticVersion: opts.version } : {}),
            rules: RULES.map((r) => ({
              id: r.id,
              name: pascal(r.title),
              shortDescription: { text: r.title },
              fullDescription: { text: r.help },
              help: { text: r.help, markdown: `**${r.title}** (${r.level})\n\n${r.help}` },
              defaultConfiguration: { level: SARIF_LEVEL[r.level] },
              properties: { 'security-severity': SECURITY_SEVERITY[r.level], tags: ['security', ...r.tags], precision: 'high', riskLevel: r.level },
            })),
          },
        },
        automationDetails: { id: `slz-review/${review.mode}/` },
        ...(bases.size || sources
          ? {
              originalUriBaseIds: {
                ...Object.fromEntries([...bases].map(([id, dir]) => [id, { uri: `${pathToFileURL(dir).href}/` }])),
                ...(sources ? { [SRCROOT]: { description: { text: 'The working directory slz ran in: the repository root in CI.' } } } : {}),
              },
            }
          : {}),
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [{ executionSuccessful: true }],
        properties: {
          mode: review.mode,
          highest: highestLevel(review),
          failOn: opts.failOn,
          threshold: FAIL_ON_LEVEL[opts.failOn] ?? null,
          tripped: gate.length > 0,
          actions: countActions(review.changes),
          risks: countRisks(review.risks),
          ...(eligible.length > kept.length ? { omittedResults: eligible.length - kept.length } : {}),
        },
      },
    ],
  };
}

export function renderSarif(review: Review, opts: SarifOptions): string {
  return `${JSON.stringify(sarifLog(review, opts), null, 2)}\n`;
}
