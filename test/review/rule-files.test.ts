/**
 * The review rules one by one: each file under src/review/rules/ holds one rule, and each rule's
 * own pure functions fire on its positive cases (./cases.ts) and stay quiet on its near misses,
 * called directly on the masked trees the reviewer builds, in agreement with `classify`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { levelOf, RULES, type ChangeRule, type ReviewRule, type RuleInput } from '../../src/review/rules';
import { classify } from '../../src/review/rules/classify';
import { changeInput } from '../../src/review/rules/_shared';
import { normalizePlan, readPlanDocument, type NormalizedEntry } from '../../src/review/plan';
import { cases, type Case } from './cases';
import { writePlan } from './helpers';

const DIR = join(__dirname, '..', '..', 'src', 'review', 'rules');
const ruleFiles = readdirSync(DIR).filter((f) => /^rv-.*\.ts$/.test(f));
const BASELINE = new Set(['RV-REPLACE', 'RV-DELETE', 'RV-FORGET', 'RV-METADATA-UPDATE', 'RV-SECURITY-UPDATE', 'RV-UPDATE', 'RV-CREATE', 'RV-READ', 'RV-NOOP', 'RV-IMPORT', 'RV-MOVE']);

function entriesOf(c: Case): NormalizedEntry[] {
  const out: NormalizedEntry[] = [];
  normalizePlan(readPlanDocument(writePlan(c.plan)), 'p', levelOf, (e) => out.push(e));
  return out;
}

/** What one rule says about one change, by its own functions, gated as `classify` gates them. */
function reasonsOf(rule: ChangeRule, e: RuleInput): readonly string[] {
  const { change } = e;
  if (change.source === 'drift') return rule.drift?.(e) ?? [];
  const out = [...(rule.action?.(e) ?? [])];
  if (change.destroys) out.push(...(rule.destroyed?.(e) ?? []));
  const changesObject = ['create', 'update', 'replace', 'unknown'].includes(change.action);
  if (changesObject && e.after !== undefined && e.after !== null) out.push(...(rule.changed?.(changeInput(e)) ?? []));
  const specific = classify(e).filter((h) => !BASELINE.has(h.ruleId));
  out.push(...(rule.baseline?.(e, specific) ?? []));
  return out;
}

const changeRules = RULES.filter((r): r is ChangeRule => r.scope === 'change');

describe('one rule per file', () => {
  it.each(ruleFiles)('%s exports one rule named after the file, in the catalogue', (file) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(DIR, file)) as { rule?: ReviewRule };
    expect(mod.rule).toBeDefined();
    expect(`rv-${mod.rule!.id.slice(3).toLowerCase()}.ts`).toBe(file);
    expect(RULES).toContain(mod.rule);
  });

  it('has a file for every rule of the catalogue', () => {
    expect(ruleFiles.length).toBe(RULES.length);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s carries its metadata', (_id, r) => {
    expect(r.id).toMatch(/^RV-[A-Z0-9-]+$/);
    expect(r.title.length).toBeGreaterThan(5);
    expect(r.help.length).toBeGreaterThan(10);
    expect(r.checks.length).toBeGreaterThan(10);
    expect(r.tags.length).toBeGreaterThan(0);
  });
});

describe.each(changeRules.map((r) => [r.id, r] as const))('%s, called directly', (id, rule) => {
  const mine = cases.filter((c) => c.rule === id);

  it('has a positive and a negative case', () => {
    expect(mine.some((c) => c.expect)).toBe(true);
    expect(mine.some((c) => !c.expect)).toBe(true);
  });

  it.each(mine.map((c) => [c.expect ? 'fires on' : 'stays quiet on', c.name, c] as const))('%s: %s', (_verb, _name, c) => {
    const entries = entriesOf(c);
    const reasons = entries.flatMap((e) => reasonsOf(rule, e));
    expect(reasons.length > 0).toBe(c.expect);
    for (const r of reasons) expect(r).not.toMatch(/undefined|\[object Object\]/);
    // The rule's own verdict is what the whole classification reports for it.
    expect(entries.some((e) => classify(e).some((h) => h.ruleId === id))).toBe(c.expect);
  });
});

describe('rules that name their resource types', () => {
  const typed = changeRules.filter((r) => r.types !== undefined);
  // Every change of every case, each rule's functions called on it whatever its type: a rule is
  // only skipped by `classify` for a type it would have said nothing about.
  const all = cases.flatMap(entriesOf);

  it('covers every rule of the destroy and change phases', () => {
    expect(changeRules.filter((r) => (r.destroyed || r.changed) && !r.types).map((r) => r.id)).toEqual([]);
  });

  it.each(typed.map((r) => [r.id, r] as const))('%s says nothing about a change of another type', (_id, rule) => {
    const others = all.filter((e) => !rule.types!.includes(e.change.type));
    expect(others.length).toBeGreaterThan(0);
    for (const e of others) {
      expect(rule.destroyed?.(e) ?? []).toEqual([]);
      if (e.after !== undefined && e.after !== null) expect(rule.changed?.(changeInput(e)) ?? []).toEqual([]);
    }
  });

  it.each(typed.map((r) => [r.id, r] as const))('%s fires on a type it names', (id, rule) => {
    const fired = cases.filter((c) => c.rule === id && c.expect).flatMap(entriesOf).filter((e) => reasonsOf(rule, e).length > 0);
    expect(fired.length).toBeGreaterThan(0);
    for (const e of fired) expect(rule.types).toContain(e.change.type);
  });
});

describe('stack, compliance and output rules, called directly', () => {
  const byId = (id: string) => RULES.find((r) => r.id === id)!;
  const stack = (backendHost: string, vault = 'https://vault.example.gov.my:8200') => ({
    terraform: { backend: { pg: { conn_str: `postgres://${backendHost}/terraform` } } },
    provider: { vault: [{ address: vault }] },
  });
  const finding = (level: string) => ({ ruleId: 'KT-NS1', level, constructPath: 'moh-tenant-a-x/namespace', message: 'no default deny' });

  it('RV-STATE-BACKEND fires when the backend moves, and not otherwise', () => {
    const r = byId('RV-STATE-BACKEND');
    if (r.scope !== 'stack') throw new Error('scope');
    expect(r.check('s', stack('a'), stack('b'))).toEqual([expect.stringMatching(/^Stack s stores its state in a different backend/)]);
    expect(r.check('s', stack('a'), stack('a'))).toEqual([]);
  });

  it('RV-PROVIDER-CHANGE fires when the provider target changes, and not otherwise', () => {
    const r = byId('RV-PROVIDER-CHANGE');
    if (r.scope !== 'stack') throw new Error('scope');
    expect(r.check('s', stack('a'), stack('a', 'https://vault.other.gov.my:8200'))).toHaveLength(1);
    expect(r.check('s', stack('a'), stack('a'))).toEqual([]);
  });

  it.each([
    ['RV-COMPLIANCE-NEW', 'error', 'added', true],
    ['RV-COMPLIANCE-NEW', 'warning', 'added', false],
    ['RV-COMPLIANCE-NEW', 'error', 'newly-suppressed', false],
    ['RV-COMPLIANCE-NEW-WARNING', 'warning', 'added', true],
    ['RV-COMPLIANCE-NEW-WARNING', 'info', 'added', false],
    ['RV-COMPLIANCE-SUPPRESSED', 'error', 'newly-suppressed', true],
    ['RV-COMPLIANCE-SUPPRESSED', 'error', 'added', false],
  ] as const)('%s on a %s finding %s: %s', (id, level, how, fires) => {
    const r = byId(id);
    if (r.scope !== 'compliance') throw new Error('scope');
    expect(r.check({ ...finding(level), ...(how === 'newly-suppressed' ? { suppressed: 'accepted risk' } : {}) }, how).length > 0).toBe(fires);
  });

  it('RV-OUTPUT-UNMASKED names the output it is given (the plan reader decides which stopped being sensitive)', () => {
    const r = byId('RV-OUTPUT-UNMASKED');
    if (r.scope !== 'output') throw new Error('scope');
    expect(r.check('token')).toEqual(['Output "token" was sensitive and no longer is: Terraform will print its value in logs.']);
  });
});
