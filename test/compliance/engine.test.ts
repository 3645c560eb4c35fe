/**
 * The engine: rules indexed by resource type, stack rules once per stack, throwing or
 * nonsensical rules reported (not crashing), unknown never passing, deterministic output,
 * stable fingerprints, pack selection, and the bundled trees' verdicts.
 */
import { complianceExitCode, registryProblems, renderJson, runCompliance } from '../../src/compliance';
import { evaluate, fingerprintOf } from '../../src/compliance/engine';
import { ALL_PACKS } from '../../src/compliance/packs';
import type { Outcome, ResourceRule, Rule, StackRule } from '../../src/compliance/types';
import type { SynthStack } from '../../src/synthesized';
import { copy, first, FULL, MINIMAL, stackNamed, synthesize, TODAY, type Tree } from './helpers';
import { expectEvery } from '../helpers/non-empty';

let minimal: Tree;
let full: Tree;

beforeAll(() => {
  minimal = synthesize(MINIMAL);
  full = synthesize(FULL);
});

const meta = { pack: 'sovereign-baseline', level: 'error', title: 't', rationale: 'r', fix: 'f', controls: [] } as const;

function resourceRule(id: string, resourceTypes: string[], check: ResourceRule['check']): ResourceRule {
  return { ...meta, id, scope: 'resource', resourceTypes, check };
}

function stackRule(id: string, check: StackRule['check']): StackRule {
  return { ...meta, id, scope: 'stack', check };
}

const ctx = (stacks: readonly SynthStack[]): { today: string; stacks: readonly SynthStack[] } => ({ today: TODAY, stacks });

describe('indexing', () => {
  it('runs a resource rule only on the resource types it lists', () => {
    const seen: string[] = [];
    const rule = resourceRule('X-1', ['vault_audit', 'no_such_type'], (r) => {
      seen.push(r.type);
      return { status: 'pass' };
    });
    const { runs } = evaluate(full.stacks, [rule], ctx(full.stacks));
    expect(seen).toEqual(['vault_audit', 'vault_audit', 'vault_audit', 'vault_audit']);
    expect(runs).toEqual([{ ruleId: 'X-1', evaluated: 4, findings: 0 }]);
  });

  it('runs a stack rule once per stack', () => {
    const seen: string[] = [];
    evaluate(full.stacks, [stackRule('X-2', (s) => (seen.push(s.name), []))], ctx(full.stacks));
    expect(seen).toEqual(full.stacks.map((s) => s.name));
  });

  it('evaluates far fewer (rule, resource) pairs than rules × resources for the full fixture', () => {
    const report = runCompliance({ stacks: full.stacks, context: full.context, today: TODAY });
    const resourceRules = report.rulesRun.filter((r) => r.scope === 'resource');
    const pairs = resourceRules.reduce((n, r) => n + (r.evaluated ?? 0), 0);
    expect(pairs).toBeLessThan((resourceRules.length * report.summary.resources) / 4);
    for (const r of resourceRules) {
      const expected = full.stacks.reduce((n, s) => n + (r.resourceTypes ?? []).reduce((m, t) => m + Object.keys(s.json.resource?.[t] ?? {}).length, 0), 0);
      expect({ id: r.id, evaluated: r.evaluated }).toEqual({ id: r.id, evaluated: expected });
    }
  });
});

describe('robustness', () => {
  it('turns a throwing rule into an error finding and keeps going', () => {
    const boom = resourceRule('X-3', ['vault_audit'], () => {
      throw new TypeError('cannot read x of undefined\n    at stack trace');
    });
    const after = resourceRule('X-4', ['vault_audit'], () => ({ status: 'fail', message: 'still runs' }));
    const { findings } = evaluate(minimal.stacks, [boom, after], ctx(minimal.stacks));
    expect(findings.map((f) => [f.ruleId, f.status, f.level, f.message])).toEqual([
      ['X-3', 'error', 'error', 'rule threw: TypeError: cannot read x of undefined'],
      ['X-3', 'error', 'error', 'rule threw: TypeError: cannot read x of undefined'],
      ['X-4', 'fail', 'error', 'still runs'],
      ['X-4', 'fail', 'error', 'still runs'],
    ]);
  });

  it('reports a throwing stack rule per stack, and invalid outcomes as errors', () => {
    const boom = stackRule('X-5', () => {
      throw new Error('bad');
    });
    const nonsense = resourceRule('X-6', ['vault_audit'], () => ({ status: 'maybe' }) as unknown as Outcome);
    const empty = resourceRule('X-7', ['vault_audit'], () => []);
    const { findings } = evaluate(minimal.stacks, [boom, nonsense, empty], ctx(minimal.stacks));
    expect(findings.filter((f) => f.ruleId === 'X-5').map((f) => f.constructPath)).toEqual(minimal.stacks.map((s) => s.name));
    expectEvery(findings.filter((f) => f.ruleId === 'X-6'), (f) => f.status === 'error' && /invalid outcome/.test(f.message), 'X-6 finding (an invalid outcome must not vanish)');
    expectEvery(findings.filter((f) => f.ruleId === 'X-7'), (f) => f.status === 'error' && /no outcome/.test(f.message), 'X-7 finding (no outcome must not vanish)');
  });

  it('reports unknown as a finding that fails an error-level check, never as a pass', () => {
    const stacks = copy(minimal.stacks);
    first(stackNamed(stacks, 'tenant'), 'vault_transit_secret_backend_key')['exportable'] = '${var.exportable}';
    const report = runCompliance({ stacks, context: minimal.context, today: TODAY, packs: ['vault-crypto'] });
    const f = report.findings.find((x) => x.ruleId === 'VC-TR1');
    expect(f).toMatchObject({ status: 'unknown', level: 'error', attribute: 'exportable' });
    expect(complianceExitCode(report)).toBe(1);
    expect(report.summary.byStatus.unknown).toBe(1);
  });
});

describe('determinism and fingerprints', () => {
  it('produces byte-identical reports whatever the stack order', () => {
    const a = renderJson(runCompliance({ stacks: full.stacks, context: full.context, suppressions: full.suppressions, today: TODAY }));
    const b = renderJson(runCompliance({ stacks: [...full.stacks].reverse(), context: full.context, suppressions: full.suppressions, today: TODAY }));
    expect(b).toBe(a);
    expect(a).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('hashes rule id, construct path and attribute, never the message', () => {
    expect(fingerprintOf('VC-TR1', 'a/b', 'exportable')).toBe(fingerprintOf('VC-TR1', 'a/b', 'exportable'));
    expect(fingerprintOf('VC-TR1', 'a/b', 'exportable')).not.toBe(fingerprintOf('VC-TR1', 'a/b', 'allow_plaintext_backup'));
    const say = (message: string): Rule => resourceRule('X-8', ['vault_audit'], () => ({ status: 'fail', message, attribute: 'options' }));
    const one = evaluate(minimal.stacks, [say('one wording')], ctx(minimal.stacks)).findings.map((f) => f.fingerprint);
    const two = evaluate(minimal.stacks, [say('another wording')], ctx(minimal.stacks)).findings.map((f) => f.fingerprint);
    expect(two).toEqual(one);
    expect(new Set(one).size).toBe(one.length);
  });
});

describe('packs and arguments', () => {
  it('has a sound registry: unique ids, each rule in its own pack', () => {
    expect(registryProblems()).toEqual([]);
  });

  it('runs only the selected packs (the suppression meta-rules always)', () => {
    const report = runCompliance({ stacks: minimal.stacks, context: minimal.context, today: TODAY, packs: ['vault-crypto'] });
    expect(new Set(report.rulesRun.map((r) => r.pack))).toEqual(new Set(['vault-crypto', 'sovereign-baseline']));
    expectEvery(report.rulesRun.filter((r) => r.pack === 'sovereign-baseline'), (r) => r.scope === 'engine', 'suppression meta-rule run');
    expect(report.rulesRun.filter((r) => r.pack === 'vault-crypto')).toHaveLength(ALL_PACKS.find((p) => p.id === 'vault-crypto')!.rules.length);
  });

  it('refuses a malformed date and an unknown pack', () => {
    expect(() => runCompliance({ stacks: minimal.stacks, today: '21/11/2026' })).toThrow(/YYYY-MM-DD/);
    expect(() => runCompliance({ stacks: minimal.stacks, today: TODAY, packs: ['nope' as never] })).toThrow(/unknown pack/);
  });
});

describe('the bundled trees', () => {
  it.each([
    ['minimal', () => minimal],
    ['full', () => full],
  ])('%s has no error-level finding from the sovereign-baseline and vault-crypto packs', (_n, tree) => {
    const t = tree();
    const report = runCompliance({ stacks: t.stacks, context: t.context, suppressions: t.suppressions, today: TODAY, packs: ['sovereign-baseline', 'vault-crypto'] });
    expect(report.findings.filter((f) => !f.suppressedBy && f.level === 'error').map((f) => `${f.ruleId} ${f.constructPath}: ${f.message}`)).toEqual([]);
  });

  it.each([
    ['minimal', () => minimal],
    ['full', () => full],
  ])('%s synthesizes with zero error findings across all four packs', (_n, tree) => {
    const t = tree();
    const report = runCompliance({ stacks: t.stacks, context: t.context, suppressions: t.suppressions, today: TODAY });
    expect(report.findings.filter((f) => !f.suppressedBy && f.level === 'error').map((f) => `${f.ruleId} ${f.constructPath}: ${f.message}`)).toEqual([]);
    expect(complianceExitCode(report)).toBe(0);
  });

  it('reports nothing unknown for the bundled trees (every value they use can be judged)', () => {
    for (const t of [minimal, full]) {
      const report = runCompliance({ stacks: t.stacks, context: t.context, today: TODAY, packs: ['sovereign-baseline', 'vault-crypto'] });
      expect(report.findings.filter((f) => f.status !== 'fail').map((f) => `${f.ruleId} ${f.constructPath}`)).toEqual([]);
    }
  });

  it('without a landing-zone context, reports residency as unknown rather than passing', () => {
    const report = runCompliance({ stacks: minimal.stacks, today: TODAY, packs: ['sovereign-baseline'] });
    expect(report.context).toBeNull();
    const ep1 = report.findings.filter((f) => f.ruleId === 'SB-EP1');
    expect(ep1.length).toBeGreaterThan(0);
    expect(ep1.every((f) => f.status === 'unknown')).toBe(true);
    expect(complianceExitCode(report)).toBe(1);
  });
});
