/** Builds plan JSON files and runs `runReview` in-process, capturing what it prints. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runReview, type ReviewOptions } from '../../src/cli/commands/review';
import { tempDir } from '../helpers/synth';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function review(opts: ReviewOptions): Run {
  let stdout = '';
  let stderr = '';
  const io = {
    out: (t: string) => (stdout += t.endsWith('\n') ? t : `${t}\n`),
    err: (t: string) => (stderr += t.endsWith('\n') ? t : `${t}\n`),
    debug: false,
  };
  const code = runReview(opts, io);
  return { code, stdout, stderr };
}

export type Json = Record<string, unknown>;

/** One `resource_changes` entry. `extra` may override anything, including `change` fields via `change`. */
export function rc(type: string, name: string, actions: string[], before: unknown, after: unknown, extra: Json = {}, change: Json = {}): Json {
  return {
    address: `${type}.${name}`,
    mode: type.startsWith('data.') ? 'data' : 'managed',
    type,
    name,
    provider_name: type.startsWith('vault_') ? 'registry.terraform.io/hashicorp/vault' : 'registry.terraform.io/hashicorp/kubernetes',
    change: { actions, before, after, after_unknown: {}, before_sensitive: before === null ? false : {}, after_sensitive: after === null ? false : {}, ...change },
    ...extra,
  };
}

export function planOf(changes: Json[], extra: Json = {}): Json {
  return { format_version: '1.2', terraform_version: '1.9.5', planned_values: { root_module: {} }, resource_changes: changes, configuration: { root_module: {} }, ...extra };
}

let counter = 0;

export function writeText(text: string | Buffer, name = 'plan.json'): string {
  const dir = join(tempDir('slz-review-'), String(counter++));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

export function writePlan(plan: unknown, name = 'plan.json'): string {
  return writeText(JSON.stringify(plan), name);
}

export interface ReportRisk {
  ruleId: string;
  level: string;
  reason: string;
  address?: string;
  constructPath?: string;
  stack?: string;
}

export interface ReportChange {
  address: string;
  action: string;
  actions: string[];
  level: string;
  risks: { ruleId: string; level: string; reason: string }[];
  attrs: { path: string; before: { kind: string; value?: unknown; expr?: string }; after: { kind: string; value?: unknown; expr?: string }; forcesReplacement?: boolean }[];
  constructPath?: string;
  stack?: string;
  tenant?: string;
  predicted: boolean;
  replacePaths: string[];
  actionReason?: { code: string; text: string };
}

export interface Report {
  schemaVersion: string;
  counts: { actions: Record<string, number>; risks: Record<string, number> };
  verdict: { tripped: boolean; highest: string };
  risks: ReportRisk[];
  changes: ReportChange[];
  drift: ReportChange[];
  outputs: { name: string; before: { kind: string }; after: { kind: string } }[];
  compliance: null | { added: unknown[]; fixed: unknown[]; newlySuppressed: unknown[]; stillSuppressed: unknown[] };
  notes: string[];
}

/** Reviews a plan object and returns the parsed JSON report. */
export function reviewPlanJson(plan: unknown, opts: Partial<ReviewOptions> = {}): Report {
  const file = writePlan(plan);
  const r = review({ plan: file, format: 'json', failOn: 'never', ...opts });
  if (r.code !== 0) throw new Error(`review failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Report;
}

export function ruleIds(report: Report): string[] {
  return report.risks.map((r) => r.ruleId);
}

/** The category of an action list, computed independently of the reviewer. */
export function actionCategory(actions: readonly string[]): string {
  const key = actions.join(',');
  if (key === 'no-op') return 'noop';
  if (['create', 'read', 'update', 'delete', 'forget'].includes(key)) return key;
  if (['delete,create', 'create,delete', 'create,forget', 'forget,create'].includes(key)) return 'replace';
  return 'unknown';
}
