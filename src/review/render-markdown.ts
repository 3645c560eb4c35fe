/**
 * The pull-request comment (and `$GITHUB_STEP_SUMMARY`): verdict and counts first, a
 * "Destroyed or irreversible" section that is never collapsed, then changes grouped by stack →
 * tenant → construct path with attribute tables. Always under GitHub's 65,536-character comment
 * limit: sections have budgets, the lowest risks are dropped first, and a closing note says what
 * was left out. A hidden marker lets CI find and update one sticky comment.
 */
import { countActions, countRisks, FAIL_ON_LEVEL, gateRisks, highestLevel, levelRank, RISK_LEVELS, type AttrDiff, type AttrValue, type Change, type FailOn, type Review, type Risk, type RiskLevel } from './model';
import { RULE_BY_ID } from './rules';

/** GitHub's limit on an issue or pull-request comment body. */
export const MARKDOWN_LIMIT = 65_536;
/** What the renderer aims at: the limit less a margin for CI to add a link line. */
const TARGET = MARKDOWN_LIMIT - 1_536;

export const REVIEW_MARKER = '<!-- slz-review -->';

export interface MarkdownOptions {
  readonly failOn: FailOn;
  /** Where the full report is (a URL or file name), named in the truncation note. */
  readonly fullReport?: string;
}

const BADGE: Record<RiskLevel, string> = { CRITICAL: '🔴', HIGH: '🟠', MEDIUM: '🟡', LOW: '🔵', INFO: '⚪' };

// ---------------------------------------------------------------------------------------------
// Escaping

/** Text in a table cell or a paragraph: no HTML, no table breaks, no emphasis, no mentions. */
export function mdText(s: string, max = 400): string {
  const t = s.length > max ? `${s.slice(0, max - 1)}…` : s;
  return t
    .replace(/[\r\n]+/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/([*_`[\]~])/g, '\\$1')
    .replace(/@/g, '&#64;');
}

/** Inline code that survives tables: pipes escaped, newlines shown, backticks fenced. */
export function mdCode(s: string, max = 160): string {
  let t = s.length > max ? `${s.slice(0, max - 1)}…` : s;
  t = t.replace(/\r?\n/g, '⏎').replace(/\|/g, '\\|');
  const runs = t.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || t === '' ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

function htmlText(s: string, max = 200): string {
  const t = s.length > max ? `${s.slice(0, max - 1)}…` : s;
  return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/@/g, '&#64;').replace(/[\r\n]+/g, ' ');
}

function valueCell(v: AttrValue): string {
  switch (v.kind) {
    case 'absent':
      return '—';
    case 'sensitive':
      return '*(sensitive)*';
    case 'unknown':
      return '*(known after apply)*';
    case 'ref':
      return mdCode(v.expr);
    case 'value': {
      const x = v.value;
      if (typeof x === 'string') {
        const lines = x.split('\n').length;
        return lines > 2 ? `${mdCode(x.split('\n')[0] ?? '', 60)} *(${lines} lines)*` : mdCode(x);
      }
      return mdCode(JSON.stringify(x) ?? 'null');
    }
  }
}

function isMultiline(v: AttrValue): v is { kind: 'value'; value: string } {
  return v.kind === 'value' && typeof v.value === 'string' && v.value.split('\n').length > 2;
}

/** A unified line diff of two texts (LCS for modest sizes, set difference beyond). */
export function lineDiff(a: string, b: string, maxLines = 60): string[] {
  const x = a === '' ? [] : a.split('\n');
  const y = b === '' ? [] : b.split('\n');
  const out: string[] = [];
  if (x.length * y.length <= 250_000) {
    const n = x.length;
    const m = y.length;
    const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && x[i] === y[j]) {
        out.push(`  ${x[i]}`);
        i++;
        j++;
      } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) out.push(`+ ${y[j++]}`);
      else out.push(`- ${x[i++]}`);
    }
  } else {
    const xs = new Set(x);
    const ys = new Set(y);
    for (const l of x) if (!ys.has(l)) out.push(`- ${l}`);
    for (const l of y) if (!xs.has(l)) out.push(`+ ${l}`);
  }
  // Keep changed lines with one line of context.
  const keep = out.map((l, k) => !l.startsWith('  ') || (out[k - 1] !== undefined && !out[k - 1]!.startsWith('  ')) || (out[k + 1] !== undefined && !out[k + 1]!.startsWith('  ')));
  const shown = out.filter((_, k) => keep[k]).map((l) => (l.length > 200 ? `${l.slice(0, 199)}…` : l));
  return shown.length > maxLines ? [...shown.slice(0, maxLines), `… ${shown.length - maxLines} more lines`] : shown;
}

function fenced(lines: readonly string[], lang: string): string {
  const body = lines.join('\n');
  const runs = body.match(/`{3,}/g) ?? [];
  const fence = '`'.repeat(Math.max(3, ...runs.map((r) => r.length + 1)));
  return `${fence}${lang}\n${body}\n${fence}`;
}

// ---------------------------------------------------------------------------------------------
// Pieces

function where(c: Pick<Change, 'constructPath' | 'stack' | 'address'>): string {
  return c.constructPath ?? (c.stack ? `${c.stack}/${c.address}` : c.address);
}

function riskWhere(r: Risk): string {
  return r.constructPath ?? (r.stack && r.address ? `${r.stack}/${r.address}` : (r.address ?? r.stack ?? '(review)'));
}

function actionLabel(c: Change): string {
  const base = c.action === 'noop' ? 'no-op' : c.action;
  const extra = [c.predicted && c.action === 'replace' ? 'predicted' : '', c.importing ? 'import' : '', c.moved ? 'move' : ''].filter(Boolean);
  return extra.length ? `${base} (${extra.join(', ')})` : base;
}

function attrTable(attrs: readonly AttrDiff[], omitted: number): string {
  if (attrs.length === 0) return '';
  const rows = attrs.map((a) => `| ${mdCode(a.path, 100)} | ${valueCell(a.before)} | ${valueCell(a.after)} |${a.forcesReplacement ? ' **forces replacement** |' : ' |'}`);
  const diffs = attrs
    .filter((a) => isMultiline(a.before) || isMultiline(a.after))
    .map((a) => {
      const before = a.before.kind === 'value' && typeof a.before.value === 'string' ? a.before.value : '';
      const after = a.after.kind === 'value' && typeof a.after.value === 'string' ? a.after.value : '';
      return `${mdCode(a.path, 100)}:\n\n${fenced(lineDiff(before, after), 'diff')}`;
    });
  return [
    '| Attribute | Before | After | |',
    '|---|---|---|---|',
    ...rows,
    ...(omitted ? [`| *…${omitted} more attributes (see the JSON report)* | | | |`] : []),
    ...(diffs.length ? ['', ...diffs] : []),
  ].join('\n');
}

function changeBlock(c: Change, stackPrefix: string | undefined): string {
  const shortPath = stackPrefix && c.constructPath?.startsWith(`${stackPrefix}/`) ? c.constructPath.slice(stackPrefix.length + 1) : where(c);
  const meta = [mdCode(c.address, 200), c.previousAddress ? `moved from ${mdCode(c.previousAddress, 200)}` : '', c.importing ? `import${c.importing.id ? ` id ${mdCode(c.importing.id, 120)}` : ''}` : '', c.actionReason ? mdText(c.actionReason.text) : '', c.replacePaths.length ? `replace paths: ${c.replacePaths.map((p) => mdCode(p, 80)).join(', ')}` : '']
    .filter(Boolean)
    .join(' · ');
  const risks = c.risks.filter((r) => r.level !== 'INFO').map((r) => `- ${BADGE[r.level]} **${r.ruleId}** ${mdText(r.reason)}`);
  const body = [meta, ...(risks.length ? ['', ...risks] : []), ...(c.attrs.length ? ['', attrTable(c.attrs, c.attrsOmitted ?? 0)] : [])].join('\n');
  if (levelRank(c.level) >= levelRank('HIGH')) {
    return `**${BADGE[c.level]} ${actionLabel(c)}** ${mdCode(shortPath, 200)}\n\n${body}\n`;
  }
  return `<details><summary>${BADGE[c.level]} ${htmlText(actionLabel(c))} <code>${htmlText(shortPath)}</code> · ${htmlText(c.type)}</summary>\n\n${body}\n\n</details>\n`;
}

/**
 * Adds lines while they fit a budget; returns what fit and how many were left. Lines are
 * rendered only when reached: a 20,000-change plan must not format rows it will leave out.
 */
function fit<T>(items: readonly T[], render: (item: T) => string, budget: number): { text: string[]; left: number } {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; i < items.length; i++) {
    const l = render(items[i]!);
    if (size + l.length + 1 > budget) return { text: out, left: items.length - i };
    out.push(l);
    size += l.length + 1;
  }
  return { text: out, left: 0 };
}

const IRREVERSIBLE = new Set(['RV-KEY-EXPORTABLE', 'RV-KEY-PLAINTEXT-BACKUP', 'RV-KEY-DELETABLE']);

// ---------------------------------------------------------------------------------------------

export function renderMarkdown(review: Review, opts: MarkdownOptions): string {
  const leftOut: string[] = [];
  const gate = gateRisks(review, opts.failOn);
  const threshold = FAIL_ON_LEVEL[opts.failOn];
  const highest = highestLevel(review);
  const counts = countActions(review.changes);
  const riskCounts = countRisks(review.risks);

  // Header: verdict and counts first.
  const header: string[] = [REVIEW_MARKER, `## ${BADGE[highest]} slz review: ${highest}`, ''];
  if (!threshold) header.push(`ℹ️ **Gate disabled** (\`--fail-on never\`): highest risk ${highest}.`);
  else if (gate.length) header.push(`❌ **Blocked:** ${gate.length} risk${gate.length === 1 ? '' : 's'} at or above ${threshold} (\`--fail-on ${opts.failOn}\`): ${mdText([...new Set(gate.map((r) => r.ruleId))].slice(0, 8).join(', '))}. An approver must accept them.`);
  else header.push(`✅ **Passed:** nothing at or above ${threshold} (\`--fail-on ${opts.failOn}\`).`);
  header.push('');
  const src =
    review.mode === 'config'
      ? `Config diff ${mdCode(review.sources.find((s) => s.kind === 'base')?.path ?? 'base')} → ${mdCode(review.sources.find((s) => s.kind === 'head')?.path ?? 'head')} (no credentials: replacements are **predicted**, confirm with a plan).`
      : `Plan ${review.sources
          .filter((s) => s.kind === 'plan')
          .slice(0, 6)
          .map((s) => `${mdCode(s.path, 80)} (format ${mdText(s.formatVersion ?? '?')}${s.tool ? `, ${mdText(s.tool)}` : ''}${s.stack ? `, stack ${mdCode(s.stack, 80)}` : ''})`)
          .join(', ')}${review.sources.filter((s) => s.kind === 'plan').length > 6 ? ' and more' : ''}${review.sources.some((s) => s.kind === 'synth') ? `, construct paths from ${mdCode(review.sources.find((s) => s.kind === 'synth')?.path ?? '')}` : ''}.`;
  header.push(src, '');
  header.push('| create | update | replace | delete | forget | import | move | read | no-op | unknown | drift |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  header.push(`| ${counts.create} | ${counts.update} | ${counts.replace} | ${counts.delete} | ${counts.forget} | ${counts.import} | ${counts.move} | ${counts.read} | ${counts.noop} | ${counts.unknown} | ${review.drift.length} |`, '');
  header.push(`**Risks:** ${RISK_LEVELS.map((l) => `${BADGE[l]} ${riskCounts[l]} ${l}`).join(' · ')}`, '');

  // Destroyed or irreversible: never collapsed.
  const destroyedRows: { level: RiskLevel; line: () => string }[] = [];
  const shownInDestroyed = new Set<Risk>();
  for (const c of review.changes) {
    if (!c.destroys) continue;
    const top = c.risks.find((r) => r.level === c.level) ?? c.risks[0];
    if (top) shownInDestroyed.add(top);
    destroyedRows.push({ level: c.level, line: () => `| ${BADGE[c.level]} ${c.level} | ${mdCode(where(c), 160)} | ${mdText(actionLabel(c))} | ${top ? `**${top.ruleId}** ${mdText(top.reason)}` : ''} |` });
  }
  for (const r of review.risks) {
    if (!IRREVERSIBLE.has(r.ruleId) || shownInDestroyed.has(r)) continue;
    shownInDestroyed.add(r);
    destroyedRows.push({ level: r.level, line: () => `| ${BADGE[r.level]} ${r.level} | ${mdCode(riskWhere(r), 160)} | irreversible | **${r.ruleId}** ${mdText(r.reason)} |` });
  }
  destroyedRows.sort((a, b) => levelRank(b.level) - levelRank(a.level));
  const destroyed: string[] = ['### ⚠️ Destroyed or irreversible', ''];
  if (destroyedRows.length === 0) destroyed.push('Nothing is destroyed and nothing irreversible is set.', '');
  else {
    const f = fit(destroyedRows, (r) => r.line(), TARGET * 0.3);
    destroyed.push('| Risk | Resource | Action | Why |', '|---|---|---|---|', ...f.text);
    if (f.left) {
      destroyed.push('', `**…and ${f.left} more destroyed or irreversible change${f.left === 1 ? '' : 's'}** (lowest risks left out; see the JSON report).`);
      leftOut.push(`${f.left.toLocaleString('en')} rows of "Destroyed or irreversible"`);
    }
    destroyed.push('');
  }

  // Other risks worth a look (MEDIUM and above).
  const destroying = new Set(review.changes.filter((c) => c.destroys).map((c) => c.id));
  const riskLines = review.risks.filter((r) => levelRank(r.level) >= levelRank('MEDIUM') && !shownInDestroyed.has(r) && !(r.changeId && destroying.has(r.changeId) && r.level !== 'CRITICAL' && r.level !== 'HIGH'));
  const riskLine = (r: Risk) => `| ${BADGE[r.level]} ${r.level} | **${r.ruleId}** | ${mdCode(riskWhere(r), 140)} | ${mdText(r.reason)} |`;
  const risksSection: string[] = [];
  if (riskLines.length) {
    const f = fit(riskLines, riskLine, TARGET * 0.2);
    risksSection.push('### Risks to review', '', '| Risk | Rule | Resource | Why |', '|---|---|---|---|', ...f.text);
    if (f.left) {
      risksSection.push('', `…and ${f.left} more risk${f.left === 1 ? '' : 's'} at MEDIUM or above (see the JSON report).`);
      leftOut.push(`${f.left.toLocaleString('en')} rows of "Risks to review"`);
    }
    risksSection.push('');
  }

  // Compliance delta.
  const compliance: string[] = [];
  const cd = review.compliance;
  if (cd) {
    compliance.push('### Compliance delta', '');
    if (!cd.headAvailable) compliance.push('No compliance report in the head tree.');
    else {
      const lines: string[] = [];
      const row = (tag: string, f: { ruleId: string; level: string; constructPath: string; message?: string; suppressed?: string }) =>
        `| ${tag} | ${mdText(f.ruleId)} | ${mdText(f.level)} | ${mdCode(f.constructPath, 120)} | ${mdText(f.suppressed ? `suppressed: ${f.suppressed}` : (f.message ?? ''), 200)} |`;
      for (const f of cd.added) lines.push(row('new', f));
      for (const f of cd.newlySuppressed) lines.push(row('newly suppressed', f));
      for (const f of cd.fixed) lines.push(row('fixed', f));
      for (const f of cd.stillSuppressed) lines.push(row('still suppressed', f));
      compliance.push(`${cd.added.length} new, ${cd.fixed.length} fixed, ${cd.newlySuppressed.length} newly suppressed, ${cd.stillSuppressed.length} still suppressed, ${cd.unchanged} unchanged open finding${cd.unchanged === 1 ? '' : 's'}${cd.baseAvailable ? '' : ' (no base report: nothing compared)'}.`);
      if (lines.length) {
        const f = fit(lines, (l) => l, TARGET * 0.08);
        compliance.push('', '| | Rule | Level | Where | Detail |', '|---|---|---|---|---|', ...f.text);
        if (f.left) {
          compliance.push('', `…and ${f.left} more findings (see ${mdCode('reports/compliance.json')}).`);
          leftOut.push(`${f.left} compliance rows`);
        }
      }
    }
    for (const n of cd.notes) compliance.push('', `*${mdText(n)}*`);
    compliance.push('');
  }

  // Drift.
  const driftSection: string[] = [];
  if (review.drift.length) {
    const driftLine = (c: Change) => `| ${mdCode(where(c), 160)} | ${mdText(c.action === 'delete' ? 'deleted outside Terraform' : c.action === 'create' ? 'created outside Terraform' : 'changed outside Terraform')} | ${c.action === 'update' ? c.attrs.slice(0, 6).map((a) => mdCode(a.path, 60)).join(', ') : ''} |`;
    const f = fit(review.drift, driftLine, TARGET * 0.05);
    driftSection.push('### Changed outside Terraform (drift)', '', '| Resource | What | Attributes |', '|---|---|---|', ...f.text);
    if (f.left) {
      driftSection.push('', `…and ${f.left} more drifted objects.`);
      leftOut.push(`${f.left} drift rows`);
    }
    driftSection.push('');
  }

  // Outputs.
  const outputsSection: string[] = [];
  const outs = review.outputs.filter((o) => o.action !== 'noop');
  if (outs.length) {
    const f = fit(outs, (o) => `| ${mdCode(o.stack ? `${o.stack}: ${o.name}` : o.name, 120)} | ${mdText(o.action)} | ${valueCell(o.before)} | ${valueCell(o.after)} |`, TARGET * 0.03);
    outputsSection.push('### Outputs', '', '| Output | Action | Before | After |', '|---|---|---|---|', ...f.text);
    if (f.left) {
      outputsSection.push('', `…and ${f.left} more outputs.`);
      leftOut.push(`${f.left} output rows`);
    }
    outputsSection.push('');
  }

  // Notes.
  const notes = review.notes.slice(0, 12).map((n) => `- ${mdText(n, 300)}`);
  if (review.notes.length > 12) notes.push(`- …and ${review.notes.length - 12} more notes`);
  const notesSection = notes.length ? ['### Notes', '', ...notes, ''] : [];

  // Changes: what is left of the budget, highest risks first.
  const fixed = [header, destroyed, risksSection, compliance, driftSection, outputsSection, notesSection].reduce((n, s) => n + s.join('\n').length + 1, 0);
  const footerReserve = 1_200;
  let budget = TARGET - fixed - footerReserve - 200;
  const candidates = review.changes.filter((c) => c.action !== 'noop' || c.importing || c.moved);
  const ranked = [...candidates].sort((a, b) => levelRank(b.level) - levelRank(a.level));
  const included = new Set<Change>();
  const blocks = new Map<Change, string>();
  const omittedByLevel: Record<RiskLevel, number> = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFO: 0 };
  let full = false;
  for (const c of ranked) {
    if (full) {
      omittedByLevel[c.level]++;
      continue;
    }
    const block = changeBlock(c, c.stack);
    // Group headings cost a little too.
    const cost = block.length + 1 + 60;
    if (cost > budget) {
      // One huge block should not stop smaller ones of the same level; stop once the budget is nearly spent.
      omittedByLevel[c.level]++;
      if (budget < 2_000) full = true;
      continue;
    }
    budget -= cost;
    included.add(c);
    blocks.set(c, block);
  }
  const changesSection: string[] = ['### Changes', ''];
  if (candidates.length === 0) changesSection.push('No resource changes.', '');
  const byStack = new Map<string, Map<string, Change[]>>();
  for (const c of candidates) {
    if (!included.has(c)) continue;
    const s = c.stack ?? '(not mapped: pass --synth)';
    const t = c.tenant ?? '';
    const tenants = byStack.get(s) ?? new Map<string, Change[]>();
    byStack.set(s, tenants);
    const list = tenants.get(t) ?? [];
    tenants.set(t, list);
    list.push(c);
  }
  for (const [stack, tenants] of [...byStack].sort(([a], [b]) => a.localeCompare(b))) {
    changesSection.push(`#### Stack ${mdCode(stack, 120)}`, '');
    for (const [tenant, list] of [...tenants].sort(([a], [b]) => a.localeCompare(b))) {
      if (tenant) changesSection.push(`##### Tenant ${mdCode(tenant, 120)}`, '');
      list.sort((a, b) => where(a).localeCompare(where(b)) || a.address.localeCompare(b.address));
      let construct = '';
      for (const c of list) {
        const rel = c.constructPath && c.stack && c.constructPath.startsWith(`${c.stack}/`) ? c.constructPath.slice(c.stack.length + 1) : '';
        const top = rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : '';
        if (top && top !== construct) {
          construct = top;
          changesSection.push(`**${mdCode(top, 80)}**`, '');
        }
        changesSection.push(blocks.get(c) ?? '');
      }
    }
  }
  const omittedTotal = RISK_LEVELS.reduce((n, l) => n + omittedByLevel[l], 0);
  if (omittedTotal) {
    leftOut.unshift(`${omittedTotal.toLocaleString('en')} change${omittedTotal === 1 ? '' : 's'} (${RISK_LEVELS.filter((l) => omittedByLevel[l]).map((l) => `${omittedByLevel[l].toLocaleString('en')} ${l}`).join(', ')})`);
  }
  const unchanged = review.changes.length - candidates.length;

  const footer: string[] = [];
  if (leftOut.length) {
    footer.push('### Left out', '', `To stay under GitHub's ${MARKDOWN_LIMIT.toLocaleString('en')}-character comment limit, this comment leaves out ${leftOut.join('; ')}, lowest risks first. The full review is in ${opts.fullReport ? mdText(opts.fullReport) : `the JSON report (${mdCode('slz review --format json')})`}.`, '');
  }
  if (unchanged) footer.push(`*${unchanged} unchanged resource${unchanged === 1 ? '' : 's'} not listed.*`, '');
  footer.push('<sub>slz review · sensitive values are never shown · rules: RV-* (see the SARIF report for help on each)</sub>');

  let out = [...header, ...destroyed, ...risksSection, ...changesSection, ...driftSection, ...outputsSection, ...compliance, ...notesSection, ...footer].join('\n');
  if (out.length >= MARKDOWN_LIMIT) {
    // Should not happen (budgets), but the limit is a hard promise.
    const note = `\n\n**Truncated at ${MARKDOWN_LIMIT.toLocaleString('en')} characters; see the JSON report.**\n`;
    out = out.slice(0, MARKDOWN_LIMIT - note.length - 1) + note;
  }
  return out;
}

export function ruleTitle(id: string): string {
  return RULE_BY_ID.get(id)?.title ?? id;
}
