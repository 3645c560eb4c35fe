/**
 * The GitHub workflow's gate, evaluated by GitHub's own expression engine (@actions/expressions):
 * who plans, who applies, and that a rejected approval, a fork or a non-default branch never applies.
 * `!cancelled() && !failure()` are job-status functions the runner provides; the rest is evaluated.
 */
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import { parse } from 'yaml';
import { githubWorkflow } from '../../src/orchestration';
import { landingZoneGraph } from '../helpers/graph';

type Ctx = Record<string, unknown>;

function toData(v: unknown): data.ExpressionData {
  if (typeof v === 'string') return new data.StringData(v);
  if (typeof v === 'boolean') return new data.BooleanData(v);
  if (v && typeof v === 'object') return new data.Dictionary(...Object.entries(v).map(([key, value]) => ({ key, value: toData(value) })));
  return new data.Null();
}

function evaluate(expression: string, ctx: Ctx): string {
  const inner = expression.replace(/^\$\{\{\s*/, '').replace(/\s*\}\}$/, '').replace('!cancelled() && !failure() && ', '');
  const lexed = new Lexer(inner).lex();
  const expr = new Parser(lexed.tokens, Object.keys(ctx), []).parse();
  return new Evaluator(expr, toData(ctx) as data.Dictionary).evaluate().coerceString();
}

const wf = parse(githubWorkflow(landingZoneGraph(3, ['r1']), { engine: 'tofu', synthDir: 'cdktf.out', landingZoneFile: 'landing-zone.yaml' })) as {
  jobs: Record<string, { if?: string; environment?: string; steps: { env?: Record<string, string> }[] }>;
};
const wave0 = wf.jobs['wave-0']!;
const mode = wave0.steps.find((s) => s.env?.SLZ_MODE)!.env!.SLZ_MODE!;
const repo = 'agency/landing-zone';

const cases: [string, Ctx, { approveRuns: boolean; runs: boolean; mode?: string; environment?: string }][] = [
  ['a pull request from a branch: plans, no approval', { github: { event_name: 'pull_request', ref: 'refs/pull/7/merge', repository: repo, event: { pull_request: { head: { repo: { full_name: repo } } } } }, needs: { synth: { result: 'success' }, approve: { result: 'skipped' } } }, { approveRuns: false, runs: true, mode: 'plan', environment: 'slz-plan' }],
  ['a pull request from a fork: nothing runs with credentials', { github: { event_name: 'pull_request', ref: 'refs/pull/8/merge', repository: repo, event: { pull_request: { head: { repo: { full_name: 'someone/fork' } } } } }, needs: { synth: { result: 'success' }, approve: { result: 'skipped' } } }, { approveRuns: false, runs: false }],
  ['a push to main, approved: applies', { github: { event_name: 'push', ref: 'refs/heads/main', repository: repo, event: {} }, needs: { synth: { result: 'success' }, approve: { result: 'success' } } }, { approveRuns: true, runs: true, mode: 'apply', environment: 'slz-apply' }],
  ['a push to main, approval rejected: nothing applies', { github: { event_name: 'push', ref: 'refs/heads/main', repository: repo, event: {} }, needs: { synth: { result: 'success' }, approve: { result: 'failure' } } }, { approveRuns: true, runs: false }],
  ['a push to main whose approval was skipped: nothing applies', { github: { event_name: 'push', ref: 'refs/heads/main', repository: repo, event: {} }, needs: { synth: { result: 'success' }, approve: { result: 'skipped' } } }, { approveRuns: true, runs: false }],
  ['a manual run on a feature branch: plans only', { github: { event_name: 'workflow_dispatch', ref: 'refs/heads/feature', repository: repo, event: {} }, needs: { synth: { result: 'success' }, approve: { result: 'skipped' } } }, { approveRuns: false, runs: true, mode: 'plan', environment: 'slz-plan' }],
  ['synthesis failed: nothing runs', { github: { event_name: 'push', ref: 'refs/heads/main', repository: repo, event: {} }, needs: { synth: { result: 'failure' }, approve: { result: 'success' } } }, { approveRuns: true, runs: false }],
];

it.each(cases)('%s', (_what, ctx, expected) => {
  expect(evaluate(wf.jobs.approve!.if!, ctx)).toBe(String(expected.approveRuns));
  expect(evaluate(wave0.if!, ctx)).toBe(String(expected.runs));
  if (expected.mode) {
    expect(evaluate(mode, ctx)).toBe(expected.mode);
    expect(evaluate(wave0.environment!, ctx)).toBe(expected.environment);
  }
});
