import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { slz } from '../helpers/cli';
import { planCorpus } from '../helpers/plan-corpus';
import { synthTree, tempDir } from '../helpers/synth';

function officialSchema(): object {
  for (const pkg of ['@microsoft/sarif-multitool-linux', '@microsoft/sarif-multitool-darwin', '@microsoft/sarif-multitool-win32']) {
    try {
      return JSON.parse(readFileSync(require.resolve(`${pkg}/sarif-2.1.0.json`), 'utf8')) as object;
    } catch {
      // another platform's package
    }
  }
  throw new Error('the official SARIF 2.1.0 schema ships with the @microsoft/sarif-multitool devDependency: run npm ci');
}

describe('slz review --format sarif', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(officialSchema());

  it.each(planCorpus().map((p) => [p.name, p.path]))('validates against the official SARIF 2.1.0 schema for %s', (_name, plan) => {
    const out = join(tempDir(), 'review.sarif');
    const r = slz('review', '--plan', plan, '--format', 'sarif', '--out', out, '--fail-on', 'never');
    expect(r.code).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as unknown;
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
  });

  it('validates for a base/head review of two synthesized trees', () => {
    const base = synthTree('test/fixtures/review/base.yaml');
    const head = synthTree('test/fixtures/review/head.yaml');
    const out = join(tempDir(), 'review.sarif');
    expect(slz('review', '--base', base.dir, '--head', head.dir, '--format', 'sarif', '--out', out, '--fail-on', 'never').code).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results: unknown[] }[] };
    expect(doc.runs[0]!.results.length).toBeGreaterThan(0);
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
  });
});
