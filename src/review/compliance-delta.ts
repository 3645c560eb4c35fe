/**
 * Compliance delta between base and head: `DIR/reports/compliance.json`, written by the
 * compliance engine. Its format is still being built, so it is read loosely: a `findings` list
 * (or a bare list) of objects with `ruleId`, `level`, `constructPath` and an optional
 * `suppressedBy` (object with `reason`, or a string). Anything missing or unreadable is skipped
 * with a note, never an error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComplianceDelta, ComplianceFindingRef, Risk } from './model';
import { COMPLIANCE_RULES } from './rules';

export const COMPLIANCE_REPORT = join('reports', 'compliance.json');

interface Loaded {
  readonly findings?: ComplianceFindingRef[];
  readonly note?: string;
}

function normalizeLevel(v: unknown): string {
  const s = typeof v === 'string' ? v.toLowerCase() : '';
  if (s === 'error' || s === 'critical' || s === 'high') return 'error';
  if (s === 'warning' || s === 'warn' || s === 'medium') return 'warning';
  return s || 'info';
}

function suppressionOf(v: unknown): string | undefined {
  if (v === undefined || v === null || v === false) return undefined;
  if (typeof v === 'string') return v || 'suppressed';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const parts = [o.reason, o.owner ? `owner ${String(o.owner)}` : undefined, o.expires ? `expires ${String(o.expires)}` : undefined, o.ticket ? String(o.ticket) : undefined].filter((x): x is string => typeof x === 'string' && x !== '');
    return parts.join('; ') || 'suppressed';
  }
  return 'suppressed';
}

export function loadFindings(dir: string | undefined, label: string): Loaded {
  if (!dir) return {};
  const file = join(dir, COMPLIANCE_REPORT);
  if (!existsSync(file)) return {};
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    return { note: `${label} ${file} is not valid JSON; compliance delta skipped` };
  }
  const list = Array.isArray(doc) ? doc : doc && typeof doc === 'object' ? (doc as { findings?: unknown }).findings : undefined;
  if (!Array.isArray(list)) return { note: `${label} ${file} has no findings list; compliance delta skipped` };
  const findings: ComplianceFindingRef[] = [];
  for (const f of list) {
    if (!f || typeof f !== 'object') continue;
    const o = f as Record<string, unknown>;
    const ruleId = typeof o.ruleId === 'string' ? o.ruleId : typeof o.rule === 'string' ? o.rule : undefined;
    if (!ruleId) continue;
    const constructPath = typeof o.constructPath === 'string' ? o.constructPath : typeof o.address === 'string' ? o.address : typeof o.stack === 'string' ? o.stack : '(unknown)';
    const suppressed = suppressionOf(o.suppressedBy ?? o.suppressed);
    findings.push({
      ruleId,
      level: normalizeLevel(o.level ?? o.severity),
      constructPath,
      ...(typeof o.message === 'string' ? { message: o.message.slice(0, 300) } : {}),
      ...(typeof o.attribute === 'string' ? { attribute: o.attribute } : {}),
      ...(suppressed ? { suppressed } : {}),
    });
  }
  return { findings };
}

/** A finding is the same on both sides when its rule, construct path and attribute are (messages may reword). */
const keyOf = (f: ComplianceFindingRef) => `${f.ruleId}\u0000${f.constructPath}\u0000${f.attribute ?? ''}`;

/** The delta, and its risks (new errors HIGH, new warnings and new suppressions MEDIUM). */
export function complianceDelta(baseDir: string | undefined, headDir: string | undefined): { delta?: ComplianceDelta; risks: Risk[] } {
  const base = loadFindings(baseDir, '--base');
  const head = loadFindings(headDir, '--head');
  const notes = [base.note, head.note].filter((n): n is string => !!n);
  if (!head.findings && !base.findings && notes.length === 0) return { risks: [] };
  const bf = base.findings ?? [];
  const hf = head.findings ?? [];
  const baseAvailable = !!base.findings;
  const headAvailable = !!head.findings;
  if (!headAvailable) notes.push(`no readable ${COMPLIANCE_REPORT} in the head tree; compliance delta skipped`);
  else if (!baseAvailable && baseDir) notes.push(`no readable ${COMPLIANCE_REPORT} in the base tree; head findings are not compared`);
  const bOpen = new Set(bf.filter((f) => !f.suppressed).map(keyOf));
  const bAll = new Map(bf.map((f) => [keyOf(f), f]));
  const hOpen = new Set(hf.filter((f) => !f.suppressed).map(keyOf));
  const compare = baseAvailable && headAvailable;
  const added = compare ? hf.filter((f) => !f.suppressed && !bOpen.has(keyOf(f)) && !(bAll.get(keyOf(f))?.suppressed)) : [];
  const fixed = compare ? bf.filter((f) => !f.suppressed && !hOpen.has(keyOf(f)) && !hf.some((g) => keyOf(g) === keyOf(f) && g.suppressed)) : [];
  const newlySuppressed = compare ? hf.filter((f) => f.suppressed && !bAll.get(keyOf(f))?.suppressed) : [];
  const stillSuppressed = hf.filter((f) => f.suppressed && (!compare || bAll.get(keyOf(f))?.suppressed));
  const unchanged = compare ? hf.filter((f) => !f.suppressed && bOpen.has(keyOf(f))).length : hf.filter((f) => !f.suppressed).length;
  const risks: Risk[] = [];
  for (const [how, findings] of [
    ['added', added],
    ['newly-suppressed', newlySuppressed],
  ] as const) {
    for (const f of findings) {
      for (const rule of COMPLIANCE_RULES) {
        for (const reason of rule.check(f, how)) risks.push({ ruleId: rule.id, level: rule.level, reason, constructPath: f.constructPath, address: `${f.ruleId}@${f.constructPath}` });
      }
    }
  }
  return { delta: { baseAvailable, headAvailable, added, fixed, newlySuppressed, stillSuppressed, unchanged, notes }, risks };
}
