/** `compliance.md`: summary first, then findings by stack and construct path, the catalogue's open questions, the accepted risks, the rules run. */
import { CONTROL_FRAMEWORKS, formatControl } from '../controls';
import type { Finding } from '../types';
import { PACK_ORDER, type ComplianceReport, type ReportRule } from './model';

const LEVEL_LABEL = { error: 'ERROR', warning: 'WARNING', info: 'INFO' } as const;

/** Escapes text for a Markdown table cell or inline position. */
function md(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/([<>*[\]`])/g, '\\$1');
}

function code(text: string): string {
  const t = text.replace(/\r?\n/g, ' ');
  const fence = t.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${t}${fence.length > 1 ? ' ' : ''}${fence}`;
}

function statusNote(f: Finding): string {
  if (f.status === 'unknown') return ' *(unknown: could not be judged, never a pass)*';
  if (f.status === 'error') return ' *(rule error)*';
  return '';
}

function findingLines(f: Finding, rule: ReportRule | undefined): string[] {
  const attr = f.attribute ? ` (${code(f.attribute)})` : '';
  const lines = [`- **${LEVEL_LABEL[f.level]}** ${code(f.ruleId)} ${md(rule?.title ?? '')}${statusNote(f)} — ${md(f.message)}${attr}`];
  if (rule) {
    lines.push(`  - Fix: ${md(rule.fix)}`);
    if (rule.controls.length > 0) lines.push(`  - Controls: ${rule.controls.map((c) => md(formatControl(c))).join('; ')}`);
  }
  if (f.suppressedBy) {
    const s = f.suppressedBy;
    lines.push(`  - Accepted risk: ${md(s.reason)} (owner ${md(s.owner)}, until ${s.expires}${s.ticket ? `, ${md(s.ticket)}` : ''})`);
  }
  return lines;
}

export function renderMarkdown(report: ComplianceReport): string {
  const out: string[] = [];
  const s = report.summary;
  const ctx = report.context;
  const rules = new Map(report.rulesRun.map((r) => [r.id, r]));
  out.push('# Compliance report');
  out.push('');
  out.push(
    ctx
      ? `Landing zone **${md(ctx.landingZone)}** — ${md(ctx.jurisdiction.name)} (${ctx.jurisdiction.code}), classification **${md(ctx.classification)}** (level ${ctx.ordinal}, ${ctx.level}${ctx.strict ? ', strict profile' : ''}). Residency of technical data from level ${ctx.residencyThreshold ?? '—'}, operators under local law from level ${ctx.foreignLawThreshold ?? '—'}.`
      : 'No landing-zone context (`slz-context.json`): catalogue-driven rules report **unknown**.',
  );
  out.push('');
  out.push(
    `**Result: ${s.result.toUpperCase()}** — ${s.byLevel.error} error${s.byLevel.error === 1 ? '' : 's'}, ${s.byLevel.warning} warning${s.byLevel.warning === 1 ? '' : 's'}, ${s.byLevel.info} info open; ${s.suppressed} accepted by ${s.acceptedSuppressions} suppression${s.acceptedSuppressions === 1 ? '' : 's'}. ${s.rulesRun} rules over ${s.stacks} stacks (${s.resources} resources). ${report.tool.name} ${report.tool.version}, report schema ${report.schemaVersion}.`,
  );
  if (s.byStatus.unknown > 0 || s.byStatus.error > 0) out.push('', `Of the open findings, ${s.byStatus.unknown} could not be judged (unknown) and ${s.byStatus.error} are rule errors.`);
  out.push('');
  out.push('## Summary');
  out.push('');
  out.push('| pack | error | warning | info |');
  out.push('|---|---:|---:|---:|');
  for (const p of PACK_ORDER) {
    const c = s.byPack[p];
    out.push(`| ${p} | ${c.error} | ${c.warning} | ${c.info} |`);
  }
  out.push(`| **total** | **${s.byLevel.error}** | **${s.byLevel.warning}** | **${s.byLevel.info}** |`);
  out.push('');

  out.push('## Findings');
  out.push('');
  const open = report.findings.filter((f) => !f.suppressedBy);
  if (open.length === 0) out.push('No open findings.', '');
  const byStack = new Map<string, Finding[]>();
  for (const f of open) {
    const list = byStack.get(f.stack);
    if (list) list.push(f);
    else byStack.set(f.stack, [f]);
  }
  for (const [stack, list] of byStack) {
    out.push(stack ? `### Stack ${code(stack)} (${code(list[0]!.file)})` : `### Exemptions (suppressions as code${list[0]!.file ? `, ${code(list[0]!.file)}` : ''})`);
    out.push('');
    let path: string | undefined;
    for (const f of list) {
      if (f.constructPath !== path) {
        if (path !== undefined) out.push('');
        path = f.constructPath;
        out.push(`#### ${code(path)}${f.address ? ` — ${code(f.address)}` : ''}`);
        out.push('');
      }
      out.push(...findingLines(f, rules.get(f.ruleId)));
    }
    out.push('');
  }

  out.push('## Open questions in the jurisdiction catalogue');
  out.push('');
  if (report.uncertain.length === 0) out.push(ctx ? 'None recorded.' : 'No jurisdiction known for this tree.', '');
  else {
    for (const u of report.uncertain) out.push(`- ${md(u)}`);
    out.push('');
  }

  out.push('## Accepted risks');
  out.push('');
  if (report.acceptedSuppressions.length === 0) out.push('None.', '');
  else {
    out.push('| rule | resource | reason | owner | expires | ticket | findings accepted |');
    out.push('|---|---|---|---|---|---|---:|');
    for (const a of report.acceptedSuppressions) {
      const x = a.suppression;
      out.push(`| ${code(x.rule)} | ${code(x.resource)} | ${md(x.reason)} | ${md(x.owner)} | ${x.expires} | ${x.ticket ? md(x.ticket) : '—'} | ${a.findings.length} |`);
    }
    out.push('');
    const suppressed = report.findings.filter((f) => f.suppressedBy);
    for (const f of suppressed) out.push(`- ${code(f.ruleId)} on ${code(f.constructPath)}: ${md(f.message)}`);
    out.push('');
  }

  out.push('## Rules run');
  out.push('');
  out.push('| rule | pack | level | title | findings |');
  out.push('|---|---|---|---|---:|');
  for (const r of report.rulesRun) out.push(`| ${code(r.id)} | ${r.pack} | ${r.level} | ${md(r.title)} | ${r.findings} |`);
  out.push('');
  const frameworks = new Set(report.rulesRun.flatMap((r) => r.controls.map((c) => c.framework)));
  out.push(`Control frameworks: ${[...frameworks].sort().map((f) => `${f} = ${md(CONTROL_FRAMEWORKS[f] ?? f)}`).join('; ')}.`);
  out.push('');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
