/**
 * Every risk rule with a plan built for it (positive) and a near miss (negative), from
 * ./cases.ts, reviewed end to end through `slz review --plan`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/review';
import { tempDir } from '../helpers/synth';
import { cases, cm, egressTo, key, netpol, policy, POLICY } from './cases';
import { planOf, rc, review, reviewPlanJson, ruleIds, type Json, type Report } from './helpers';

describe.each(cases.map((c) => [c.rule, c.expect ? 'fires' : 'stays quiet', c.name, c] as const))('%s %s: %s', (_rule, _verb, _name, c) => {
  it('classifies the change', () => {
    const report = reviewPlanJson(c.plan);
    const ids = ruleIds(report);
    if (c.expect) expect(ids).toContain(c.rule);
    else expect(ids).not.toContain(c.rule);
    if (c.instead) expect(ids).toContain(c.instead);
    for (const r of report.risks) {
      expect(r.reason.length).toBeGreaterThan(5);
      expect(r.reason).not.toMatch(/undefined|\[object Object\]/);
    }
  });
});

// Rules that need trees or reports rather than a plan.
function stackTree(root: string, stacks: Record<string, Json>, findings?: Json[]): string {
  for (const [name, json] of Object.entries(stacks)) {
    mkdirSync(join(root, 'stacks', name), { recursive: true });
    writeFileSync(join(root, 'stacks', name, 'cdk.tf.json'), JSON.stringify(json));
  }
  if (findings) {
    mkdirSync(join(root, 'reports'), { recursive: true });
    writeFileSync(join(root, 'reports', 'compliance.json'), JSON.stringify({ findings }));
  }
  return root;
}

const stackJson = (backendHost: string, vault = 'https://vault.example.gov.my:8200'): Json => ({
  terraform: { backend: { pg: { conn_str: `postgres://${backendHost}/terraform` } }, required_providers: { vault: { source: 'hashicorp/vault', version: '~> 5.6' } } },
  provider: { vault: [{ address: vault }] },
  resource: { vault_policy: { p: { '//': { metadata: { path: 'moh-tenant-a-x/keys/policy-api', uniqueId: 'p' } }, name: 'a', policy: POLICY } } },
});

function treeReport(base: Record<string, Json>, head: Record<string, Json>, baseFindings?: Json[], headFindings?: Json[]): Report {
  const dir = tempDir('slz-review-trees-');
  const b = stackTree(join(dir, 'base'), base, baseFindings);
  const h = stackTree(join(dir, 'head'), head, headFindings);
  const r = review({ base: b, head: h, format: 'json', failOn: 'never' });
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Report;
}

const finding = (ruleId: string, level: string, suppressedBy?: Json): Json => ({ ruleId, level, constructPath: 'moh-tenant-a-x/keys/policy-api', message: `${ruleId} says so`, ...(suppressedBy ? { suppressedBy } : {}) });

describe('stack-level and compliance rules (base/head trees)', () => {
  it('RV-STATE-BACKEND fires when the backend changes, and not otherwise', () => {
    expect(ruleIds(treeReport({ s: stackJson('a') }, { s: stackJson('b') }))).toContain('RV-STATE-BACKEND');
    expect(ruleIds(treeReport({ s: stackJson('a') }, { s: stackJson('a') }))).not.toContain('RV-STATE-BACKEND');
  });

  it('RV-PROVIDER-CHANGE fires when the provider target changes, and not otherwise', () => {
    expect(ruleIds(treeReport({ s: stackJson('a') }, { s: stackJson('a', 'https://vault.other.gov.my:8200') }))).toContain('RV-PROVIDER-CHANGE');
    expect(ruleIds(treeReport({ s: stackJson('a') }, { s: stackJson('a') }))).not.toContain('RV-PROVIDER-CHANGE');
  });

  it('RV-COMPLIANCE-NEW fires for a new error only', () => {
    const added = treeReport({ s: stackJson('a') }, { s: stackJson('a') }, [], [finding('KT-NS1', 'error')]);
    expect(ruleIds(added)).toContain('RV-COMPLIANCE-NEW');
    expect(added.compliance?.added).toHaveLength(1);
    const same = treeReport({ s: stackJson('a') }, { s: stackJson('a') }, [finding('KT-NS1', 'error')], [finding('KT-NS1', 'error')]);
    expect(ruleIds(same)).not.toContain('RV-COMPLIANCE-NEW');
    const fixed = treeReport({ s: stackJson('a') }, { s: stackJson('a') }, [finding('KT-NS1', 'error')], []);
    expect(fixed.compliance?.fixed).toHaveLength(1);
  });

  it('RV-COMPLIANCE-NEW-WARNING fires for a new warning only', () => {
    expect(ruleIds(treeReport({ s: stackJson('a') }, { s: stackJson('a') }, [], [finding('KT-WL3', 'warning')]))).toContain('RV-COMPLIANCE-NEW-WARNING');
    expect(ruleIds(treeReport({ s: stackJson('a') }, { s: stackJson('a') }, [], [finding('KT-WL3', 'info')]))).not.toContain('RV-COMPLIANCE-NEW-WARNING');
  });

  it('RV-COMPLIANCE-SUPPRESSED fires for a newly accepted finding, not for one accepted before', () => {
    const sup = { rule: 'KT-NS5', resource: 'moh-tenant-a-x/*', reason: 'reviewed by the board', owner: 'ciso@moh.example.gov.my', expires: '2099-01-01' };
    const newly = treeReport({ s: stackJson('a') }, { s: stackJson('a') }, [finding('KT-NS5', 'error')], [finding('KT-NS5', 'error', sup)]);
    expect(ruleIds(newly)).toContain('RV-COMPLIANCE-SUPPRESSED');
    expect(ruleIds(newly)).not.toContain('RV-COMPLIANCE-NEW');
    const still = treeReport({ s: stackJson('a') }, { s: stackJson('a') }, [finding('KT-NS5', 'error', sup)], [finding('KT-NS5', 'error', sup)]);
    expect(ruleIds(still)).not.toContain('RV-COMPLIANCE-SUPPRESSED');
    expect(still.compliance?.stillSuppressed).toHaveLength(1);
  });

  it('skips the compliance delta gracefully when reports are absent or unreadable', () => {
    expect(treeReport({ s: stackJson('a') }, { s: stackJson('a') }).compliance).toBeNull();
    const dir = tempDir('slz-review-badreport-');
    const b = stackTree(join(dir, 'base'), { s: stackJson('a') });
    const h = stackTree(join(dir, 'head'), { s: stackJson('a') });
    mkdirSync(join(h, 'reports'));
    writeFileSync(join(h, 'reports', 'compliance.json'), '{not json');
    const r = review({ base: b, head: h, format: 'json', failOn: 'never' });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Report).notes.join('\n')).toMatch(/not valid JSON; compliance delta skipped/);
  });
});

describe('the rule catalogue', () => {
  const covered = new Set([...cases.filter((c) => c.expect).map((c) => c.rule), 'RV-STATE-BACKEND', 'RV-PROVIDER-CHANGE', 'RV-COMPLIANCE-NEW', 'RV-COMPLIANCE-NEW-WARNING', 'RV-COMPLIANCE-SUPPRESSED']);
  const negatives = new Set([...cases.filter((c) => !c.expect).map((c) => c.rule), 'RV-STATE-BACKEND', 'RV-PROVIDER-CHANGE', 'RV-COMPLIANCE-NEW', 'RV-COMPLIANCE-NEW-WARNING', 'RV-COMPLIANCE-SUPPRESSED']);

  it.each(RULES.map((r) => [r.id, r.level] as const))('%s (%s) has a positive and a negative test', (id) => {
    expect(covered.has(id)).toBe(true);
    expect(negatives.has(id)).toBe(true);
  });

  it('has unique, stable-looking ids and a reason for each', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^RV-[A-Z0-9-]+$/);
      expect(r.help.length).toBeGreaterThan(10);
    }
  });

  it('ranks a deleted key above a widened egress rule above everything else', () => {
    const report = reviewPlanJson(
      planOf([
        rc('kubernetes_config_map_v1', 'c', ['create'], null, cm({ a: '1' })),
        rc('kubernetes_network_policy_v1', 'e', ['update'], netpol(egressTo('10.30.1.0/24')), netpol(egressTo('10.30.0.0/16'))),
        rc('vault_policy', 'p', ['delete'], policy(POLICY), null),
        rc('vault_transit_secret_backend_key', 'k', ['delete'], key(), null),
      ]),
    );
    expect(ruleIds(report).slice(0, 3)).toEqual(['RV-KEY-DELETE', 'RV-EGRESS-WIDEN', 'RV-DELETE']);
  });
});
