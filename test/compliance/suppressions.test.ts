/**
 * Suppressions as code: glob matching, validation and expiry (SB-SUP1), patterns that match
 * nothing (SB-SUP2), the strict profile (SB-SUP3), unused suppressions (SB-SUP4), and accepted
 * risks in the reports.
 */
import { contextFromFile, renderMarkdown, renderSarif, runCompliance, type ComplianceReport, type Suppression } from '../../src/compliance';
import { compileGlob, globProblem } from '../../src/landing-zone/exemption-glob';
import type { SynthStack } from '../../src/synthesized';
import type { SynthContextFile } from '../../src/synthesized/context';
import { copy, first, FULL, MINIMAL, stackNamed, synthesize, TODAY, withContext, type Tree } from './helpers';

let minimal: Tree;
let full: Tree;

beforeAll(() => {
  minimal = synthesize(MINIMAL);
  full = synthesize(FULL);
});

const KEY = 'minimal-tenant-records-cyberjaya/keys/key-records';

/** The minimal tree with its transit key exportable: one error-level VC-TR1 finding. */
function exportable(): SynthStack[] {
  const stacks = copy(minimal.stacks);
  first(stackNamed(stacks, 'tenant'), 'vault_transit_secret_backend_key')['exportable'] = true;
  return stacks;
}

function sup(patch: Partial<Suppression>): Suppression {
  return { rule: 'VC-TR1', resource: KEY, reason: 'key escrow agreed with the national CA', owner: 'ciso@agency.example.gov.my', expires: '2027-06-30', ...patch };
}

function check(stacks: SynthStack[], suppressions: Suppression[], strict = false, today = TODAY): ComplianceReport {
  return runCompliance({ stacks, context: withContext(minimal.context, { strict }), suppressions, today, packs: ['sovereign-baseline', 'vault-crypto'] });
}

const open = (r: ComplianceReport, id: string): number => r.findings.filter((f) => f.ruleId === id && !f.suppressedBy).length;
const meta = (r: ComplianceReport): string[] => r.findings.filter((f) => f.ruleId.startsWith('SB-SUP')).map((f) => `${f.ruleId}${f.attribute ? `#${f.attribute}` : ''}`);

describe('construct-path globs', () => {
  it('matches exact paths, * within a segment, ** across segments, and what a construct contains', () => {
    const g = (p: string, path: string): boolean => compileGlob(p).matches(path);
    expect(g(KEY, KEY)).toBe(true);
    expect(g('minimal-tenant-*/keys/key-*', KEY)).toBe(true);
    expect(g('minimal-*/key-records', KEY)).toBe(false);
    expect(g('**/key-records', KEY)).toBe(true);
    expect(g('minimal-tenant-records-cyberjaya/**', KEY)).toBe(true);
    expect(g('minimal-tenant-records-cyberjaya/keys', KEY)).toBe(true); // a construct covers its children
    expect(g('minimal-tenant-records-cyberjaya/*', KEY)).toBe(true);
    expect(g('*/keys/**', KEY)).toBe(true);
    expect(g('minimal-tenant-records-cyberjaya/keys/key-rec', KEY)).toBe(false);
    expect(g('minimal-tenant-records-cyberjaya/ke', KEY)).toBe(false);
    expect(g('a/**/b', 'a/b')).toBe(true);
    expect(g('a/**/b', 'a/x/y/b')).toBe(true);
    expect(g('a.b/c', 'aXb/c')).toBe(false);
  });

  it('refuses patterns that match everything or are malformed', () => {
    expect(globProblem('**')).toMatch(/every construct/);
    expect(globProblem('*/**')).toMatch(/every construct/);
    expect(globProblem('a//b')).toMatch(/empty path segment/);
    expect(globProblem('stack/*')).toBeUndefined();
  });

  it('accepts every finding a ** pattern reaches across stacks (non-strict)', () => {
    const stacks = copy(full.stacks);
    for (const s of stacks.filter((x) => x.name.includes('tenant'))) for (const k of Object.values(s.json.resource?.['vault_transit_secret_backend_key'] ?? {})) (k as Record<string, unknown>)['deletion_allowed'] = true;
    const report = runCompliance({ stacks, context: withContext(full.context, { strict: false }), suppressions: [sup({ rule: 'VC-TR2', resource: 'moh-tenant-*/keys/**' })], today: TODAY, packs: ['vault-crypto'] });
    expect(report.findings.filter((f) => f.ruleId === 'VC-TR2').every((f) => f.suppressedBy)).toBe(true);
    expect(report.acceptedSuppressions[0]!.findings).toHaveLength(9);
  });
});

describe('SB-SUP1 validity and expiry', () => {
  it('accepts a suppression on its expiry day and refuses it the day after, reporting the finding again', () => {
    const onTheDay = check(exportable(), [sup({ expires: TODAY })]);
    expect(open(onTheDay, 'VC-TR1')).toBe(0);
    expect(meta(onTheDay)).toEqual([]);
    const after = check(exportable(), [sup({ expires: '2026-11-20' })]);
    expect(open(after, 'VC-TR1')).toBe(1);
    expect(meta(after)).toEqual(['SB-SUP1#expires']);
    expect(after.findings.find((f) => f.ruleId === 'SB-SUP1')!.message).toMatch(/expired on 2026-11-20/);
    expect(after.summary.exitCode).toBe(1);
  });

  it('refuses short reasons, missing owners, bad dates, bad rule ids and engine rules', () => {
    const r = check(exportable(), [
      sup({ reason: 'because' }),
      sup({ owner: ' ' }),
      sup({ expires: '2027-02-30' }),
      sup({ rule: 'vc-tr1' }),
      sup({ rule: 'SB-SUP2' }),
      sup({ resource: '**' }),
    ]);
    expect(meta(r).sort()).toEqual(['SB-SUP1#expires', 'SB-SUP1#owner', 'SB-SUP1#reason', 'SB-SUP1#resource', 'SB-SUP1#rule', 'SB-SUP1#rule']);
    expect(open(r, 'VC-TR1')).toBe(1);
  });
});

describe('SB-SUP2 patterns that match nothing', () => {
  it('is an error when the resource pattern matches no construct', () => {
    const r = check(exportable(), [sup({ resource: 'records/*' })]);
    expect(meta(r)).toEqual(['SB-SUP2#resource']);
    expect(r.findings.find((f) => f.ruleId === 'SB-SUP2')).toMatchObject({ level: 'error', constructPath: 'records/*' });
    expect(open(r, 'VC-TR1')).toBe(1);
  });
});

describe('SB-SUP3 strict profile', () => {
  it('keeps error-level findings and names the suppression that tried to accept them', () => {
    const r = check(exportable(), [sup({ source: 'slz-context.json exemptions[0]' })], true);
    expect(open(r, 'VC-TR1')).toBe(1);
    expect(meta(r)).toEqual(['SB-SUP3']);
    const f = r.findings.find((x) => x.ruleId === 'SB-SUP3')!;
    expect(f.message).toMatch(/suppression of VC-TR1 on "minimal-tenant-records-cyberjaya\/keys\/key-records" \(slz-context.json exemptions\[0\]\)/);
    expect(f).toMatchObject({ level: 'error', file: 'slz-context.json', jsonPath: ['exemptions', 0] });
    expect(r.acceptedSuppressions).toEqual([]);
  });

  it('still accepts warning-level findings', () => {
    const r = check(copy(minimal.stacks), [sup({ rule: 'SB-ST1', resource: 'minimal-*/backend/local', reason: 'single-operator pilot, no shared backend yet' })], true);
    expect(open(r, 'SB-ST1')).toBe(0);
    expect(r.summary.suppressed).toBe(3);
    expect(meta(r)).toEqual([]);
  });

  it('lets error-level findings be accepted outside the strict profile', () => {
    const r = check(exportable(), [sup({})], false);
    expect(open(r, 'VC-TR1')).toBe(0);
    expect(r.summary.exitCode).toBe(0);
  });
});

describe('SB-SUP4 unused suppressions', () => {
  it('warns when a suppression accepts nothing or names an unknown rule', () => {
    const r = check(copy(minimal.stacks), [sup({}), sup({ rule: 'VC-XX9' })]);
    expect(meta(r)).toEqual(['SB-SUP4', 'SB-SUP4#rule']);
    expect(r.findings.filter((f) => f.ruleId === 'SB-SUP4').every((f) => f.level === 'warning')).toBe(true);
  });

  it('leaves suppressions for packs that did not run alone', () => {
    const r = check(copy(minimal.stacks), [sup({ rule: 'KT-NS5', resource: 'minimal-tenant-records-cyberjaya/*' })]);
    expect(meta(r)).toEqual([]);
  });

  it('reads the full fixture\'s exemptions from slz-context.json and raises no suppression error on them', () => {
    expect(full.suppressions.length).toBeGreaterThan(0);
    full.suppressions.forEach((s, i) => expect(s.source).toBe(`slz-context.json exemptions[${i}]`));
    const r = runCompliance({ stacks: full.stacks, context: full.context, suppressions: full.suppressions, today: TODAY });
    expect(r.findings.filter((f) => f.ruleId.startsWith('SB-SUP') && f.level === 'error').map((f) => f.message)).toEqual([]);
    // Each exemption either accepted findings (listed as accepted risks) or is reported unused (SB-SUP4, a warning).
    for (const s of full.suppressions) {
      const accepted = r.acceptedSuppressions.some((a) => a.suppression.source === s.source);
      const unused = r.findings.some((f) => f.ruleId === 'SB-SUP4' && f.message.includes(`(${s.source})`));
      expect({ source: s.source, accountedFor: accepted !== unused }).toEqual({ source: s.source, accountedFor: true });
    }
  });
});

describe('accepted risks in the reports', () => {
  const report = (): ComplianceReport => check(exportable(), [sup({ ticket: 'SEC-7', source: 'api' })], false);

  it('lists them in compliance.json with the findings they accepted', () => {
    const r = report();
    expect(r.acceptedSuppressions).toEqual([{ suppression: expect.objectContaining({ rule: 'VC-TR1', resource: KEY, ticket: 'SEC-7' }), findings: [r.findings.find((f) => f.ruleId === 'VC-TR1')!.fingerprint] }]);
    expect(r.summary).toMatchObject({ suppressed: 1, acceptedSuppressions: 1 });
  });

  it('shows them in the Markdown accepted-risks table', () => {
    const md = renderMarkdown(report());
    expect(md).toMatch(/## Accepted risks\n\n\| rule \| resource \| reason \| owner \| expires \| ticket \| findings accepted \|/);
    expect(md).toContain(`| \`VC-TR1\` | \`${KEY}\` | key escrow agreed with the national CA | ciso@agency.example.gov.my | 2027-06-30 | SEC-7 | 1 |`);
  });

  it('marks them as external suppressions in SARIF', () => {
    const sarif = renderSarif(report()) as { runs: { results: { ruleId: string; suppressions: unknown[] }[] }[] };
    const result = sarif.runs[0]!.results.find((x) => x.ruleId === 'VC-TR1')!;
    expect(result.suppressions).toEqual([expect.objectContaining({ kind: 'external', status: 'accepted', justification: 'key escrow agreed with the national CA' })]);
  });
});

describe('contextFromFile', () => {
  const file = (patch: Partial<SynthContextFile>): SynthContextFile => ({
    apiVersion: 'slz/v1',
    kind: 'SynthContext',
    name: 'x',
    agency: 'A',
    jurisdiction: 'MY',
    classification: 'SULIT',
    ordinal: 3,
    strict: true,
    inCountryCidrs: ['10.0.0.0/8'],
    endpointDomains: ['x.gov.my'],
    vaultDialects: {},
    exemptions: [],
    ...patch,
  });
  it('resolves the jurisdiction and numbers exemptions by their place in the file', () => {
    const { context, suppressions } = contextFromFile(file({ exemptions: [{ rule: 'KT-NS5', resource: 'x/*', reason: 'a reason long enough', owner: 'o', expires: '2030-01-01' }] }));
    expect(context.jurisdiction.countryCode).toBe('MY');
    expect(suppressions[0]!.source).toBe('slz-context.json exemptions[0]');
  });
  it('refuses an uncatalogued jurisdiction or an impossible ordinal', () => {
    expect(() => contextFromFile(file({ jurisdiction: 'ZZ' }))).toThrow(/not in the catalogue/);
    expect(() => contextFromFile(file({ ordinal: 9 }))).toThrow(/ordinal/);
  });
});

describe('non-resource subjects', () => {
  it('lets a suppression name a backend label even when no finding is raised there (unused, not a miss)', () => {
    const r = runCompliance({
      stacks: full.stacks,
      context: full.context,
      suppressions: [sup({ rule: 'SB-ST1', resource: 'moh-platform-*/backend/*', reason: 'pilot without a shared backend yet' })],
      today: TODAY,
      packs: ['sovereign-baseline'],
    });
    expect(meta(r)).toEqual(['SB-SUP4']);
  });
});

describe('one judge of exemptions', () => {
  it('the engine-enforced rule ids the landing-zone file may not exempt are exactly the suppression meta-rules', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { SUPPRESSION_META_RULES } = require('../../src/compliance/suppressions') as typeof import('../../src/compliance/suppressions');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ENGINE_RULE_IDS } = require('../../src/landing-zone/exemptions') as typeof import('../../src/landing-zone/exemptions');
    expect([...ENGINE_RULE_IDS].sort()).toEqual(SUPPRESSION_META_RULES.map((r) => r.id).sort());
  });
});
