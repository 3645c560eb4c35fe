/**
 * Every real plan in the corpus (test/fixtures/plans, plus SLZ_EXTRA_PLANS: test/helpers/plan-corpus.ts):
 * no crash, action counts equal to an independent count, and sensitive values (the fixtures' own,
 * plus secrets planted in a copy of each) absent from all three formats.
 */
import { readFileSync } from 'node:fs';
import { STACK_TRACE } from '../helpers/cli';
import { planCorpus } from '../helpers/plan-corpus';
import { actionCategory, review, writePlan, type Json, type Report } from './helpers';

const files = planCorpus().map((p) => [p.name, p.path] as const);

/** String leaves of a value whose marker structure says sensitive (independent of the reviewer). */
function sensitiveLeaves(value: unknown, marks: unknown, out: string[], forced = false): void {
  const isSens = forced || marks === true;
  if (typeof value === 'string' || typeof value === 'number') {
    if (isSens && String(value).length >= 6) out.push(String(value));
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => sensitiveLeaves(v, Array.isArray(marks) ? marks[i] : undefined, out, isSens));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) sensitiveLeaves(v, marks && typeof marks === 'object' ? (marks as Json)[k] : undefined, out, isSens);
}

function allFormats(file: string): { md: string; json: string; sarif: string } {
  const md = review({ plan: file, failOn: 'never' });
  const json = review({ plan: file, format: 'json', failOn: 'never' });
  const sarif = review({ plan: file, format: 'sarif', failOn: 'never' });
  for (const r of [md, json, sarif]) {
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  }
  return { md: md.stdout, json: json.stdout, sarif: sarif.stdout };
}

it('has plans to review (an empty corpus would pass every case below)', () => {
  expect(files.length).toBeGreaterThanOrEqual(10);
});

describe.each(files)('plan %s', (name, path) => {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Json;
  const changes = (raw.resource_changes ?? []) as { change: { actions: string[] } }[];

  it('is reviewed without a crash, with the action counts computed independently', () => {
    const { md, json, sarif } = allFormats(path);
    const expected: Record<string, number> = { create: 0, update: 0, replace: 0, delete: 0, forget: 0, read: 0, noop: 0, unknown: 0 };
    for (const c of changes) expected[actionCategory(c.change.actions)] = (expected[actionCategory(c.change.actions)] ?? 0) + 1;
    const report = JSON.parse(json) as Report;
    const { import: _i, move: _m, ...actions } = report.counts.actions;
    expect(actions).toEqual(expected);
    expect(report.changes).toHaveLength(changes.length);
    expect(report.drift).toHaveLength(((raw.resource_drift ?? []) as unknown[]).length);
    expect(md.startsWith('<!-- slz-review -->')).toBe(true);
    expect(md).toContain(`| ${expected.create} | ${expected.update} | ${expected.replace} | ${expected.delete} |`);
    expect(JSON.parse(sarif)).toMatchObject({ version: '2.1.0' });
    for (const out of [md, json, sarif]) expect(out).not.toMatch(STACK_TRACE);
  });

  it('keeps its own sensitive values and planted secrets out of every format', () => {
    const copy = JSON.parse(JSON.stringify(raw)) as Json;
    const planted: string[] = [];
    ((copy.resource_changes ?? []) as { change: Json }[]).forEach((entry, i) => {
      const ch = entry.change;
      const secret = `PLANTED${i}x${name.replace(/\W/g, '')}Zq9`;
      planted.push(secret);
      if (ch.after && typeof ch.after === 'object') {
        (ch.after as Json).slz_secret = secret;
        ch.after_sensitive = { ...((ch.after_sensitive as Json | false) || {}), slz_secret: true };
      } else {
        ch.before = { ...((ch.before as Json | null) ?? {}), slz_secret: secret };
        ch.before_sensitive = { ...((ch.before_sensitive as Json | false) || {}), slz_secret: true };
      }
    });
    const own: string[] = [];
    for (const list of ['resource_changes', 'resource_drift'] as const) {
      for (const e of (raw[list] ?? []) as { change: Json }[]) {
        sensitiveLeaves(e.change.before, e.change.before_sensitive, own);
        sensitiveLeaves(e.change.after, e.change.after_sensitive, own);
      }
    }
    const { md, json, sarif } = allFormats(writePlan(copy, name.replace(/[^\w.-]/g, '_')));
    for (const secret of [...planted, ...own]) {
      expect(md).not.toContain(secret);
      expect(json).not.toContain(secret);
      expect(sarif).not.toContain(secret);
    }
    // Where something changes, the planted secrets are on the review's rows, marked sensitive; a
    // plan of no-ops only (a stack applied before) has no rows to mark.
    if (changes.some((c) => !c.change.actions.every((a) => a === 'no-op'))) expect(json).toContain('"kind": "sensitive"');
  });
});
