/**
 * `slz check` on a tree without slz-context.json (another cdktf app): the context given with
 * flags or `--context FILE`, the message that says how when it is missing, and every refusal.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComplianceReport } from '../src/compliance';
import { slz } from './helpers/cli';
import { synthTree, tempDir } from './helpers/synth';

const MINIMAL = 'examples/minimal/landing-zone.yaml';
const FLAGS = ['--jurisdiction', 'MY', '--classification', 'SULIT', '--in-country-cidrs', '10.0.0.0/8', '--endpoint-domains', 'agency.example.gov.my'];
const TODAY = ['--today', '2026-06-01'];

let synthDir: string;
/** Verdicts of the tree as slz synth's own context judges it. */
let own: string[];

/** The synthesized tree as another cdktf app would leave it: no slz-context.json. */
function bareTree(): string {
  const dir = join(tempDir(), 'out');
  cpSync(synthDir, dir, { recursive: true });
  rmSync(join(dir, 'slz-context.json'));
  rmSync(join(dir, 'reports'), { recursive: true });
  return dir;
}

function verdicts(dir: string): string[] {
  const r = JSON.parse(readFileSync(join(dir, 'reports', 'compliance.json'), 'utf8')) as ComplianceReport;
  return r.findings.map((f) => `${f.ruleId} ${f.status} ${f.level} ${f.stack ?? ''} ${f.constructPath}`).sort();
}

beforeAll(() => {
  synthDir = synthTree(MINIMAL).dir;
  expect(slz('check', synthDir, ...TODAY).code).toBe(0);
  own = verdicts(synthDir);
  expect(own.length).toBeGreaterThan(0);
});

describe('slz check without a context', () => {
  it('reports unknown residency errors, exits 1, and says last how to give the context', () => {
    const dir = bareTree();
    const r = slz('check', dir, ...TODAY);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ERROR SB-EP1 \[unknown\]/);
    expect(r.stderr).toMatch(/^warning: no landing-zone context: .*slz-context\.json not found .* \d+ findings of the residency and crypto-policy rules are unknown/m);
    expect(r.stderr).toContain(`give it: slz check ${dir} --jurisdiction MY --classification SULIT --in-country-cidrs 10.0.0.0/8 --endpoint-domains agency.example.gov.my`);
    expect(r.stderr).toContain(`slz check ${dir} --context landing-zone.yaml`);
  });

  it('says so on stderr with --json too, leaving stdout a valid report', () => {
    const r = slz('check', bareTree(), '--json', ...TODAY);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as ComplianceReport).context).toBeNull();
    expect(r.stderr).toMatch(/no landing-zone context/);
  });

  it('a tree that has its context needs nothing and says nothing about it', () => {
    const r = slz('check', synthDir, ...TODAY);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/^Context:/m);
  });
});

describe('slz check with the context given', () => {
  it('flags give the verdict of the synth that wrote the tree', () => {
    const dir = bareTree();
    const r = slz('check', dir, ...FLAGS, ...TODAY);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/\(MY SULIT, level 3, strict\) — PASS/);
    expect(r.stdout).toMatch(/^Context: the flags$/m);
    expect(verdicts(dir)).toEqual(own);
  });

  it('--context with the landing-zone file gives the same verdict', () => {
    const dir = bareTree();
    const r = slz('check', dir, '--context', MINIMAL, ...TODAY);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toContain(`Context: ${MINIMAL}`);
    expect(verdicts(dir)).toEqual(own);
  });

  it('--context with the slz-context.json synth wrote, and with one written by hand (ordinal and strict left out)', () => {
    const dir = bareTree();
    expect(slz('check', dir, '--context', join(synthDir, 'slz-context.json'), ...TODAY).code).toBe(0);
    expect(verdicts(dir)).toEqual(own);
    const hand = join(tempDir(), 'context.yaml');
    writeFileSync(hand, 'apiVersion: slz/v1\nkind: SynthContext\njurisdiction: MY\nclassification: SULIT\ninCountryCidrs: [10.0.0.0/8]\nendpointDomains: [agency.example.gov.my]\n');
    const r = slz('check', dir, '--context', hand, ...TODAY);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\(MY SULIT, level 3, strict\)/);
    expect(verdicts(dir)).toEqual(own);
  });

  it('flags override the tree’s own context: a higher classification is judged at its level', () => {
    const dir = join(tempDir(), 'out');
    cpSync(synthDir, dir, { recursive: true });
    const r = slz('check', dir, '--classification', 'RAHSIA', ...TODAY);
    expect(r.stdout).toMatch(/\(MY RAHSIA, level 4, strict\)/);
    expect(r.stdout).toMatch(/^Context: .*slz-context\.json, with the flags$/m);
  });

  it('without in-country networks every endpoint is judged foreign, and the message says none were declared', () => {
    const r = slz('check', bareTree(), '--jurisdiction', 'MY', '--classification', 'SULIT', ...TODAY);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ERROR SB-EP1 .*not under the declared in-country domains \(none declared\)/);
    expect(r.stdout).not.toMatch(/\[unknown\]/);
  });
});

describe('slz check refuses a context it cannot use (exit 2, one reason)', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown jurisdiction', ['--jurisdiction', 'XX', '--classification', 'SECRET'], /jurisdiction "XX" is not in the catalogue \(catalogued: .*MY/],
    ['a classification without a jurisdiction', ['--classification', 'SULIT'], /need --jurisdiction/],
    ['a jurisdiction without a classification', ['--jurisdiction', 'MY'], /--jurisdiction MY needs --classification/],
    ['a label the country does not have', ['--jurisdiction', 'MY', '--classification', 'GEHEIM'], /"GEHEIM" is not a classification of Malaysia/],
    ['a level the catalogue does not support', ['--jurisdiction', 'MY', '--classification', 'RAHSIA BESAR'], /is not supported for Malaysia/],
    ['a CIDR with host bits', [...FLAGS.slice(0, 4), '--in-country-cidrs', '10.0.0.1/8'], /--in-country-cidrs: "10.0.0.1\/8" has host bits set \(did you mean 10.0.0.0\/8\?\)/],
    ['an empty CIDR list', [...FLAGS.slice(0, 4), '--in-country-cidrs', ' , '], /--in-country-cidrs is empty/],
    ['a URL for a domain', [...FLAGS.slice(0, 4), '--endpoint-domains', 'https://agency.example.gov.my'], /--endpoint-domains: "https:\/\/agency.example.gov.my" is not a domain/],
    ['a missing context file', ['--context', 'no/such/file.json'], /--context no\/such\/file.json: no such file/],
    ['a file of another kind', ['--context', 'package.json'], /neither a landing-zone file .* nor an slz-context\.json/],
    ['an invalid landing-zone file', ['--context', 'test/fixtures/invalid/12-unknown-top-level-key.yaml'], /is not a valid landing-zone file/],
  ];
  it.each(cases)('%s', (_what, args, message) => {
    const r = slz('check', bareTree(), ...args, ...TODAY);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('a hand-written context with a misspelt key, or an ordinal that contradicts its classification', () => {
    const file = join(tempDir(), 'context.json');
    writeFileSync(file, JSON.stringify({ apiVersion: 'slz/v1', kind: 'SynthContext', jurisdiction: 'MY', classification: 'SULIT', inCountryCidr: ['10.0.0.0/8'] }));
    expect(slz('check', bareTree(), '--context', file)).toMatchObject({ code: 2, stderr: expect.stringMatching(/inCountryCidr/) });
    writeFileSync(file, JSON.stringify({ apiVersion: 'slz/v1', kind: 'SynthContext', jurisdiction: 'MY', classification: 'SULIT', ordinal: 1 }));
    expect(slz('check', bareTree(), '--context', file)).toMatchObject({ code: 2, stderr: expect.stringMatching(/ordinal 1 does not match classification SULIT \(level 3 in MY\)/) });
  });
});
