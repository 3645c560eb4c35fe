/**
 * The review rules on plans the real engines wrote against the kit's servers (test/fixtures/plans):
 * each change the e2e suite made is named by the rules it should trip, on OpenTofu's plans and on
 * Terraform's, and a plan that only creates a landing zone trips no delete or replacement rule.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PLAN_CORPUS } from '../helpers/plan-corpus';
import { review, type Report } from './helpers';

function reviewFolder(folder: string): Report {
  const r = review({ plan: join(PLAN_CORPUS, folder), format: 'json', failOn: 'never' });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

const ids = (report: Report): string[] => [...new Set(report.risks.map((r) => r.ruleId))].sort();
const folders = readdirSync(PLAN_CORPUS).filter((f) => !f.includes('.'));

describe.each(['', '-terraform'])('the minimal example changed on real servers (engine%s)', (suffix) => {
  it('widening a tenant\'s egress trips RV-EGRESS-WIDEN and deletes nothing', () => {
    const report = reviewFolder(`minimal-widen-egress${suffix}`);
    expect(ids(report)).toContain('RV-EGRESS-WIDEN');
    expect(report.changes.filter((c) => c.action === 'create').map((c) => c.address.split('.')[0])).toEqual(['kubernetes_network_policy_v1']);
    expect([report.counts.actions.delete, report.counts.actions.replace]).toEqual([0, 0]);
  });

  it('a shorter rotation is one in-place update of the key and no risk at HIGH or above', () => {
    const report = reviewFolder(`minimal-rotate-period${suffix}`);
    const changed = report.changes.filter((c) => c.action !== 'noop').map((c) => `${c.action} ${c.address.split('.')[0]}`);
    expect(changed).toEqual(['update vault_transit_secret_backend_key']);
    expect(report.risks.filter((r) => ['HIGH', 'CRITICAL'].includes(r.level))).toEqual([]);
  });

  it('removing a tenant trips the namespace, key and mount deletion rules', () => {
    const report = reviewFolder(`minimal-remove-tenant${suffix}`);
    expect(ids(report)).toEqual(expect.arrayContaining(['RV-KEY-DELETE', 'RV-MOUNT-DELETE', 'RV-NAMESPACE-DELETE']));
    expect(report.verdict.highest).toBe('CRITICAL');
  });
});

describe.each(folders.filter((f) => /-create(-|$)/.test(f)))('%s (a landing zone created on empty servers)', (folder) => {
  it('only creates, and trips no delete or replacement rule', () => {
    const report = reviewFolder(folder);
    expect(report.counts.actions.create).toBeGreaterThan(0);
    expect([report.counts.actions.delete, report.counts.actions.replace]).toEqual([0, 0]);
    expect(ids(report).filter((id) => /DELETE|REPLACE/.test(id))).toEqual([]);
  });
});
