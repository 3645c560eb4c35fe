/**
 * docs/review-rules.md, generated from the review rules' own metadata (one table per level,
 * ranking order). RULES.md links to it; a test fails when the file differs: regenerate it with
 * `npm run docs`.
 */
import { RISK_LEVELS } from './model';
import { RULES } from './rules';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

const WHEN: Readonly<Record<string, string>> = {
  change: 'each resource change',
  stack: 'each stack in both trees',
  compliance: 'the compliance delta',
  output: 'each plan output',
};

export function renderReviewRulesMarkdown(): string {
  const out: string[] = [];
  out.push('# Review rules');
  out.push('');
  out.push('<!-- Generated from the rules\' metadata by src/review/rules-doc.ts. Do not edit: run `npm run docs`. -->');
  out.push('');
  out.push(
    `${RULES.length} rules, run by \`slz review\` on every change of a Terraform/OpenTofu plan (\`--plan\`) or of two synthesized trees (\`--base\`/\`--head\`). Each risk names its rule, level and reason; \`--fail-on critical|high|medium|never\` sets the level that fails the check (exit 1, default high). Sensitive values are masked before any rule sees them. The compliance rules that \`slz check\` and \`slz synth\` run are in [RULES.md](../RULES.md).`,
  );
  out.push('');
  out.push('| level | rules |');
  out.push('|---|---:|');
  for (const level of RISK_LEVELS) out.push(`| [${level}](#${level.toLowerCase()}) | ${RULES.filter((r) => r.level === level).length} |`);
  out.push('');
  for (const level of RISK_LEVELS) {
    out.push(`## ${level}`);
    out.push('');
    out.push('| id | title | fires on | why it matters | tags |');
    out.push('|---|---|---|---|---|');
    for (const r of RULES.filter((x) => x.level === level)) {
      out.push(`| ${r.id} | ${cell(r.title)} | ${cell(`${WHEN[r.scope]}: ${r.checks}`)} | ${cell(r.help)} | ${r.tags.join(', ')} |`);
    }
    out.push('');
  }
  out.push('Within a level, risks are ranked in the order of these tables (destruction before widening), then by stack and address.');
  out.push('');
  return out.join('\n');
}
