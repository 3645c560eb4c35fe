/**
 * `slz review`: plan review for pull requests. Two inputs (a plan JSON, or two synthesized trees),
 * one normalized model (model.ts), one set of risk rules (rules/, one per file), three renderings.
 * No cdktf here: this reads JSON only.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { complianceDelta } from './compliance-delta';
import { diffSynthSets } from './config-diff';
import { levelRank, type Change, type OutputChange, type Review, type ReviewSource, type Risk } from './model';
import { normalizePlan, readPlanDocument, ReviewInputError } from './plan';
import { levelOf, OUTPUT_RULE, ruleOrder } from './rules';
import { chooseStack, loadSynth, placeChange, type SynthSet } from './stacks';
import { TENANT_LABEL } from '../synthesized/kubernetes/namespace';
import { literal, valueAt } from '../synthesized/values';

export * from './model';
export { RULES, RULE_BY_ID, type ReviewRule, type RuleMeta } from './rules';
export { ReviewInputError } from './plan';
export { renderMarkdown, MARKDOWN_LIMIT, REVIEW_MARKER } from './render-markdown';
export { renderJson, REVIEW_SCHEMA_VERSION, REVIEW_JSON_SCHEMA } from './render-json';
export { renderSarif } from './render-sarif';

/** Ranks risks: level, then rule order (destruction first), then stack and address. */
export function rankRisks(risks: Risk[]): Risk[] {
  const cmp = (x = '', y = '') => (x < y ? -1 : x > y ? 1 : 0);
  return risks.sort((a, b) => levelRank(b.level) - levelRank(a.level) || ruleOrder(a.ruleId) - ruleOrder(b.ruleId) || cmp(a.stack, b.stack) || cmp(a.address, b.address));
}

/** Plan files of a `--plan` argument: the file, or every `*.json` of a directory (one per stack). */
export function planFiles(path: string): string[] {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    return [path];
  }
  if (!isDir) return [path];
  const files = readdirSync(path)
    .filter((n) => n.toLowerCase().endsWith('.json'))
    .sort()
    .map((n) => join(path, n));
  if (files.length === 0) throw new ReviewInputError([`--plan ${path}: the directory holds no *.json plan`]);
  return files;
}

/** Reviews one or more plan JSON files, mapped to construct paths when a synth tree is given. */
export function reviewPlans(planPath: string, synthDir?: string): Review {
  const synth: SynthSet | undefined = synthDir ? loadSynth(synthDir, '--synth') : undefined;
  const files = planFiles(planPath);
  const sources: ReviewSource[] = [];
  const changes: Change[] = [];
  const drift: Change[] = [];
  const outputs: OutputChange[] = [];
  const risks: Risk[] = [];
  const notes: string[] = [...(synth?.notes ?? [])];
  files.forEach((file, i) => {
    const doc = readPlanDocument(file);
    const choice = synth ? chooseStack(synth, doc.resourceChanges, file) : {};
    if (choice.note) notes.push(choice.note);
    const stack = choice.stack;
    const fallbackStack = files.length > 1 ? basename(file).replace(/\.json$/i, '') : undefined;
    if (doc.errored) notes.push(`${file}: Terraform reported errors while planning; this plan may be incomplete`);
    sources.push({ kind: 'plan', path: file, formatVersion: doc.formatVersion, ...(doc.terraformVersion ? { tool: `terraform_version ${doc.terraformVersion}` } : {}), ...(stack ? { stack: stack.name } : fallbackStack ? { stack: fallbackStack } : {}) });
    const tenants = new Map<string, string>();
    const n = normalizePlan(doc, `plan#${i}`, levelOf, (e) => {
      const label = literal(valueAt(e.after ?? e.before, 'metadata', 'labels', TENANT_LABEL));
      if (label) tenants.set(e.change.id, label);
    });
    for (const c of [...n.changes, ...n.drift]) {
      placeChange(c, stack, synth?.context, file);
      if (!c.stack && fallbackStack) {
        c.stack = fallbackStack;
        for (const r of c.risks) r.stack = fallbackStack;
      }
      if (!c.tenant) c.tenant = tenants.get(c.id) ?? (c.moduleAddress ? c.moduleAddress : '(root module)');
    }
    changes.push(...n.changes);
    drift.push(...n.drift);
    outputs.push(...n.outputs.map((o) => ({ ...o, ...(stack ? { stack: stack.name } : fallbackStack ? { stack: fallbackStack } : {}) })));
    for (const name of n.unmaskedOutputs) {
      for (const reason of OUTPUT_RULE.check(name)) risks.push({ ruleId: OUTPUT_RULE.id, level: OUTPUT_RULE.level, reason, address: `output.${name}`, file, ...(stack ? { stack: stack.name } : {}) });
    }
  });
  if (synth) sources.push({ kind: 'synth', path: synth.dir });
  const c = complianceDelta(undefined, synth?.dir);
  for (const ch of [...changes, ...drift]) risks.push(...ch.risks);
  risks.push(...c.risks);
  return { mode: 'plan', sources, changes, drift, outputs, ...(c.delta ? { compliance: c.delta } : {}), risks: rankRisks(risks), notes: [...notes, ...(c.delta?.notes ?? [])] };
}

/** Reviews the difference between two synthesized trees (no credentials needed). */
export function reviewTrees(baseDir: string, headDir: string): Review {
  const base = loadSynth(baseDir, '--base');
  const head = loadSynth(headDir, '--head');
  const d = diffSynthSets(base, head);
  const c = complianceDelta(base.dir, head.dir);
  const risks = [...d.risks, ...d.changes.flatMap((ch) => ch.risks), ...c.risks];
  return {
    mode: 'config',
    sources: [
      { kind: 'base', path: baseDir },
      { kind: 'head', path: headDir },
    ],
    changes: d.changes,
    drift: [],
    outputs: [],
    ...(c.delta ? { compliance: c.delta } : {}),
    risks: rankRisks(risks),
    notes: [...base.notes, ...head.notes, ...d.notes, ...(c.delta?.notes ?? []), 'Replacements are predicted from the providers\u2019 force-new attributes: confirm them with terraform plan.'],
  };
}
