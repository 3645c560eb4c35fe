/** GitLab Code Quality reports from `slz review --format codequality` and `slz check --codequality`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { slz } from '../helpers/cli';
import { synthTree, tempDir, type SynthTree } from '../helpers/synth';

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync('test/fixtures/schemas/gitlab-codequality.schema.json', 'utf8')) as object);

let base: SynthTree;
let head: SynthTree;
beforeAll(() => {
  base = synthTree('test/fixtures/review/base.yaml');
  head = synthTree('test/fixtures/review/head.yaml');
});

const lineOf = (file: string, text: string) => readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;

it('slz review --format codequality: GitLab\'s documented format, unique fingerprints, risks at the landing-zone line they come from', () => {
  const out = join(tempDir(), 'cq.json');
  expect(slz('review', '--base', base.dir, '--head', head.dir, '--format', 'codequality', '--fail-on', 'never', '--out', out).code).toBe(0);
  const issues = JSON.parse(readFileSync(out, 'utf8')) as Issue[];
  expect(validate(issues) ? [] : validate.errors).toEqual([]);
  expect(issues.length).toBeGreaterThan(0);
  expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  const widen = issues.find((i) => i.check_name === 'RV-EGRESS-WIDEN')!;
  expect(widen.location).toEqual({ path: 'test/fixtures/review/head.yaml', lines: { begin: lineOf('test/fixtures/review/head.yaml', 'name: mykad-verify') } });
  expect(issues.find((i) => i.check_name === 'RV-KEY-DELETE')!.severity).toBe('blocker');
});

it('the same review twice gives the same fingerprints (GitLab matches issues across pipelines by them)', () => {
  const run = () => {
    const out = join(tempDir(), 'cq.json');
    slz('review', '--base', base.dir, '--head', head.dir, '--format', 'codequality', '--fail-on', 'never', '--out', out);
    return (JSON.parse(readFileSync(out, 'utf8')) as Issue[]).map((i) => i.fingerprint);
  };
  expect(run()).toEqual(run());
});

it('slz check --codequality: every unsuppressed finding, in GitLab\'s format, at its landing-zone line', () => {
  const out = join(tempDir(), 'compliance-cq.json');
  const r = slz('check', head.dir, '--codequality', out);
  expect(r.code).toBeLessThanOrEqual(1);
  const issues = JSON.parse(readFileSync(out, 'utf8')) as Issue[];
  expect(validate(issues) ? [] : validate.errors).toEqual([]);
  const report = JSON.parse(readFileSync(join(head.dir, 'reports/compliance.json'), 'utf8')) as { findings: { ruleId: string; suppressedBy?: unknown }[] };
  expect(issues.map((i) => i.check_name).sort()).toEqual(report.findings.filter((f) => !f.suppressedBy).map((f) => f.ruleId).sort());
  for (const i of issues) expect(i.location.path).toBe('test/fixtures/review/head.yaml');
});

it('falls back to the stack JSON, relative to the working directory, when the tree does not record its landing-zone file', () => {
  const tree = synthTree('test/fixtures/review/head.yaml');
  const ctxFile = join(tree.dir, 'slz-context.json');
  const ctx = JSON.parse(readFileSync(ctxFile, 'utf8')) as Record<string, unknown>;
  delete ctx['source'];
  writeFileSync(ctxFile, JSON.stringify(ctx));
  const out = join(tempDir(), 'cq.json');
  slz('check', tree.dir, '--codequality', out);
  const issues = JSON.parse(readFileSync(out, 'utf8')) as Issue[];
  expect(issues.length).toBeGreaterThan(0);
  for (const i of issues) expect(i.location.path).toMatch(/cdk\.tf\.json$|slz-context\.json$/);
});
