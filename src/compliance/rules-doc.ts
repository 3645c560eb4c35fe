/**
 * RULES.md, generated from the rules' own metadata (one table per pack). A test fails when the
 * file at the repository root differs: regenerate it with `npm run rules:doc`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTROL_FRAMEWORKS, formatControl } from './controls';
import { ALL_PACKS } from './packs';
import { naturalCompare } from './report/model';
import { MIN_REASON_LENGTH } from './suppressions';
import { packageRootDir } from './tool';
import type { MetaRule, Rule } from './types';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function scopeOf(r: Rule | MetaRule): string {
  if (r.scope === 'resource') return `resource: ${r.resourceTypes.map((t) => `\`${t}\``).join(', ')}`;
  if (r.scope === 'stack') return 'stack';
  return 'engine';
}

export function renderRulesMarkdown(): string {
  const out: string[] = [];
  const all = ALL_PACKS.flatMap((p) => [...p.rules, ...p.metaRules]);
  out.push('# Compliance rules');
  out.push('');
  out.push('<!-- Generated from the rules\' metadata by src/compliance/rules-doc.ts. Do not edit: run `npm run rules:doc`. -->');
  out.push('');
  out.push(
    `${all.length} rules in ${ALL_PACKS.length} packs, run by \`slz check\` and \`slz synth\` on the synthesized \`cdk.tf.json\`. Levels: **error** fails the check (exit 1), **warning** and **info** are reported. A finding whose value cannot be resolved (\`\${…}\`) is reported as *unknown*, never as a pass.`,
  );
  out.push('');
  out.push(
    `Suppressions (the landing-zone file's \`exemptions\`, or the API) name an exact rule id and a construct path or glob (\`*\` within a segment, \`**\` across; a suppression on a construct covers what it contains), a reason of at least ${MIN_REASON_LENGTH} characters, an owner, an expiry date and optionally a ticket. Non-resource subjects use the labels \`<stack>/provider/<name>\`, \`<stack>/backend/<type>\`, \`<stack>/terraform/required_providers/<name>\`, \`<stack>/terraform/required_version\`, \`<stack>/variable/<name>\` and \`<stack>/output/<name>\`. In the strict profile (CONFIDENTIAL and above) error-level findings cannot be suppressed.`,
  );
  out.push('');
  out.push('The plan review\'s RV-* rules (`slz review`) are listed in [docs/review-rules.md](docs/review-rules.md), generated the same way.');
  out.push('');
  out.push('| pack | rules | error | warning | info |');
  out.push('|---|---:|---:|---:|---:|');
  for (const p of ALL_PACKS) {
    const rs = [...p.rules, ...p.metaRules];
    out.push(`| [${p.id}](#${p.id}) | ${rs.length} | ${rs.filter((r) => r.level === 'error').length} | ${rs.filter((r) => r.level === 'warning').length} | ${rs.filter((r) => r.level === 'info').length} |`);
  }
  out.push('');
  for (const p of ALL_PACKS) {
    out.push(`## ${p.id}`);
    out.push('');
    out.push(`${p.title}: ${p.description}`);
    out.push('');
    const rs = [...p.rules, ...p.metaRules].sort((a, b) => naturalCompare(a.id, b.id));
    if (rs.length === 0) {
      out.push('No rules yet.');
      out.push('');
      continue;
    }
    out.push('| id | level | title | checks | controls | fix |');
    out.push('|---|---|---|---|---|---|');
    for (const r of rs) out.push(`| ${r.id} | ${r.level} | ${cell(r.title)} | ${cell(scopeOf(r))} | ${cell(r.controls.map(formatControl).join('; '))} | ${cell(r.fix)} |`);
    out.push('');
  }
  const frameworks = [...new Set(all.flatMap((r) => r.controls.map((c) => c.framework)))].sort();
  out.push('## Control frameworks');
  out.push('');
  for (const f of frameworks) out.push(`- **${f}**: ${CONTROL_FRAMEWORKS[f] ?? '(named by the rule)'}`);
  out.push('');
  return out.join('\n');
}

/** Writes RULES.md at the package root (or `path`). */
export function writeRulesMarkdown(path: string = join(packageRootDir(), 'RULES.md')): string {
  writeFileSync(path, renderRulesMarkdown());
  return path;
}
