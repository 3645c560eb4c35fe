/**
 * compliance.json (versioned, sorted, deterministic), compliance.md (summary first, grouped
 * findings, catalogue questions, accepted risks) and compliance.sarif (SARIF 2.1.0, validated
 * against the official schema when a package ships it, and always against an authored subset).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { REPORT_SCHEMA_VERSION, renderMarkdown, renderSarif, runCompliance, writeComplianceReports, type ComplianceReport } from '../../src/compliance';
import { locateLine } from '../../src/compliance/report/json-locate';
import { FINGERPRINT_KEY } from '../../src/compliance/report/sarif';
import type { SynthStack } from '../../src/synthesized';
import { tempDir } from '../helpers/synth';
import { copy, first, FULL, MINIMAL, stackNamed, synthesize, TODAY, type Tree } from './helpers';

let minimal: Tree;
let full: Tree;

beforeAll(() => {
  minimal = synthesize(MINIMAL);
  full = synthesize(FULL);
});

/** The minimal tree with a few findings of different kinds: an error, an unknown, warnings. */
function failing(): SynthStack[] {
  const stacks = copy(minimal.stacks);
  const key = first(stackNamed(stacks, 'tenant'), 'vault_transit_secret_backend_key');
  key['exportable'] = true;
  key['deletion_allowed'] = '${var.deletion}';
  return stacks;
}

const reportOf = (stacks: SynthStack[], t: Tree = minimal): ComplianceReport => runCompliance({ stacks, context: t.context, suppressions: t.suppressions, today: TODAY });

interface Sarif {
  runs: { tool: { driver: { rules: { id: string; properties: Record<string, unknown> }[] } }; results: Record<string, unknown>[] }[];
}

describe('compliance.json', () => {
  it('is versioned and carries the tool, the context and the catalogue\'s open questions', () => {
    const r = reportOf(failing());
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(r.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(REPORT_SCHEMA_VERSION).toBe('1.0.0');
    expect(r.tool).toEqual({ name: 'slz', package: 'sovereign-landing-zone', version: pkg.version });
    expect(r.context).toMatchObject({ landingZone: 'minimal', jurisdiction: { code: 'MY', name: 'Malaysia' }, classification: 'SULIT', ordinal: 3, level: 'CONFIDENTIAL', strict: true, residencyThreshold: 3, foreignLawThreshold: 4 });
    expect(r.uncertain).toEqual(minimal.context.jurisdiction.uncertain);
    expect(r.uncertain.length).toBeGreaterThan(0);
  });

  it('counts open findings by level, status and pack (every pack listed)', () => {
    const r = reportOf(failing());
    expect(Object.keys(r.summary.byPack)).toEqual(['sovereign-baseline', 'k8s-tenancy', 'vault-crypto', 'pqc-readiness']);
    const open = r.findings.filter((f) => !f.suppressedBy);
    expect(r.summary.byLevel.error).toBe(open.filter((f) => f.level === 'error').length);
    expect(r.summary.byPack['vault-crypto'].error).toBeGreaterThanOrEqual(2);
    expect(r.summary.byStatus.unknown).toBeGreaterThanOrEqual(1);
    const resources = minimal.stacks.reduce((n, st) => n + Object.values(st.json.resource ?? {}).reduce((m, byName) => m + Object.keys(byName).length, 0), 0);
    expect(r.summary).toMatchObject({ result: 'fail', exitCode: 1, stacks: 3, resources });
  });

  it('is sorted by stack, construct path and rule, with exemption findings last', () => {
    const r = reportOf(failing());
    const keys = r.findings.map((f) => [f.stack === '' ? '\uffff' : f.stack, f.constructPath].join(' '));
    expect(keys).toEqual([...keys].sort());
  });

  it('writes the same bytes twice and contains no timestamp', () => {
    const a = join(tempDir(), 'reports');
    const b = join(tempDir(), 'reports');
    writeComplianceReports(reportOf(failing()), a);
    writeComplianceReports(reportOf(failing()), b);
    for (const f of ['compliance.json', 'compliance.md', 'compliance.sarif']) {
      expect(readFileSync(join(b, f), 'utf8')).toBe(readFileSync(join(a, f), 'utf8'));
      expect(readFileSync(join(a, f), 'utf8')).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
  });
});

describe('compliance.md', () => {
  it('puts the summary first, then findings by stack and construct path with fix and controls, then the catalogue questions and accepted risks', () => {
    const md = renderMarkdown(reportOf(failing()));
    const order = ['# Compliance report', '**Result: FAIL**', '## Summary', '| pack | error | warning | info |', '## Findings', '## Open questions in the jurisdiction catalogue', '## Accepted risks', '## Rules run'];
    const at = order.map((s) => md.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    expect(md).toContain('### Stack `minimal-tenant-records-cyberjaya` (`stacks/minimal-tenant-records-cyberjaya/cdk.tf.json`)');
    expect(md).toContain('#### `minimal-tenant-records-cyberjaya/keys/key-records` — `vault_transit_secret_backend_key.keys_key-records_E710831A`');
    expect(md).toMatch(/- \*\*ERROR\*\* `VC-TR1` Transit keys are not exportable.*— exportable is true.*\(`exportable`\)\n {2}- Fix: Set exportable = false.*\n {2}- Controls: BSI-C5 CRY-03/);
    expect(md).toMatch(/`VC-TR2` .*\*\(unknown: could not be judged, never a pass\)\*/);
    expect(md).toContain(`- ${minimal.context.jurisdiction.uncertain[0]!.slice(0, 40)}`);
  });

  it('says when the tree has no landing-zone context', () => {
    expect(renderMarkdown(runCompliance({ stacks: minimal.stacks, today: TODAY, packs: ['vault-crypto'] }))).toMatch(/No landing-zone context/);
  });
});

/** The official schema ships as sarif-2.1.0.json in the SARIF Multitool's platform packages. */
function officialSarifSchema(): { path: string; schema: object } | undefined {
  for (const pkg of ['@microsoft/sarif-multitool-linux', '@microsoft/sarif-multitool-darwin', '@microsoft/sarif-multitool-win32']) {
    try {
      const path = require.resolve(`${pkg}/sarif-2.1.0.json`);
      return { path, schema: JSON.parse(readFileSync(path, 'utf8')) as object };
    } catch {
      // not installed on this platform
    }
  }
  return undefined;
}

describe('compliance.sarif', () => {
  const sarifOf = (stacks: SynthStack[], t: Tree = minimal, dir?: string): Sarif => {
    const report = reportOf(stacks, t);
    if (!dir) return renderSarif(report) as unknown as Sarif;
    const out = join(dir, 'reports');
    writeComplianceReports(report, out, dir);
    return JSON.parse(readFileSync(join(out, 'compliance.sarif'), 'utf8')) as Sarif;
  };

  it('has one driver rule per rule run, with security-severity and tags', () => {
    const s = sarifOf(failing());
    const rules = s.runs[0]!.tool.driver.rules;
    const r = reportOf(failing());
    expect(rules.map((x) => x.id)).toEqual(r.rulesRun.map((x) => x.id));
    const tr1 = rules.find((x) => x.id === 'VC-TR1')!;
    expect(tr1.properties['security-severity']).toBe('8.0');
    expect(tr1.properties['tags']).toEqual(expect.arrayContaining(['security', 'vault-crypto', 'BSI-C5 CRY-03']));
    expect(rules.find((x) => x.id === 'VC-TR3')!.properties['security-severity']).toBe('5.0');
  });

  it('points results at the landing-zone line the construct came from, with the stack file (relative to SYNTHDIR, with the line) as a related location, the construct path and a stable fingerprint', () => {
    const s = sarifOf(failing(), minimal, minimal.dir);
    type Physical = { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn?: number } };
    const result = s.runs[0]!.results.find((x) => x['ruleId'] === 'VC-TR1') as Record<string, unknown> & {
      locations: { physicalLocation: Physical; logicalLocations: { fullyQualifiedName: string }[] }[];
      relatedLocations: { physicalLocation: Physical }[];
      partialFingerprints: Record<string, string>;
      level: string;
    };
    expect(result.level).toBe('error');
    const loc = result.locations[0]!;
    expect(loc.physicalLocation.artifactLocation).toEqual({ uri: 'examples/minimal/landing-zone.yaml', uriBaseId: '%SRCROOT%' });
    const yaml = readFileSync('examples/minimal/landing-zone.yaml', 'utf8').split('\n');
    expect(yaml[loc.physicalLocation.region.startLine - 1]!.slice(loc.physicalLocation.region.startColumn! - 1)).toMatch(/^\{ name: records, purpose: encryption/); // tenants[0].keys[0]
    const json = result.relatedLocations[0]!.physicalLocation;
    expect(json.artifactLocation).toEqual({ uri: 'stacks/minimal-tenant-records-cyberjaya/cdk.tf.json', uriBaseId: 'SYNTHDIR' });
    const text = readFileSync(join(minimal.dir, 'stacks/minimal-tenant-records-cyberjaya/cdk.tf.json'), 'utf8');
    expect(text.split('\n')[json.region.startLine - 1]).toMatch(/"exportable": false/); // the file on disk is unmutated: same line
    expect(loc.logicalLocations[0]!.fullyQualifiedName).toBe('minimal-tenant-records-cyberjaya/keys/key-records');
    expect(result.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
    const again = sarifOf(failing()).runs[0]!.results.find((x) => x['ruleId'] === 'VC-TR1') as { partialFingerprints: Record<string, string> };
    expect(again.partialFingerprints).toEqual(result.partialFingerprints);
  });

  it('gives every result a physical location, whether or not the landing-zone file is at hand', () => {
    for (const doc of [sarifOf(failing()), sarifOf(failing(), minimal, minimal.dir)]) {
      for (const r of doc.runs[0]!.results as { locations: { physicalLocation?: unknown }[] }[]) expect(r.locations[0]!.physicalLocation).toBeDefined();
    }
  });

  it('locates JSON paths to lines', () => {
    const text = '{\n  "a": {\n    "b": [\n      1,\n      { "c": 2 }\n    ]\n  },\n  "d": "x\\"y"\n}\n';
    expect(locateLine(text, ['a'])).toBe(2);
    expect(locateLine(text, ['a', 'b', 1, 'c'])).toBe(5);
    expect(locateLine(text, ['a', 'b', 7])).toBe(3);
    expect(locateLine(text, ['d'])).toBe(8);
    expect(locateLine(text, ['zz'])).toBeUndefined();
  });

  it('validates against the authored SARIF 2.1.0 subset schema (GitHub expectations included)', () => {
    const schema = JSON.parse(readFileSync('test/fixtures/schemas/sarif-2.1.0-subset.json', 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    for (const doc of [sarifOf(failing(), minimal, minimal.dir), sarifOf(copy(full.stacks), full, full.dir)]) {
      expect(validate(doc) ? [] : validate.errors).toEqual([]);
    }
  });

  it('validates against the official SARIF 2.1.0 schema (shipped by the @microsoft/sarif-multitool devDependency)', () => {
    const official = officialSarifSchema();
    expect(official?.path).toMatch(/sarif-2\.1\.0\.json$/);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(official!.schema);
    for (const doc of [sarifOf(failing(), minimal, minimal.dir), sarifOf(copy(full.stacks), full, full.dir)]) {
      expect(validate(doc) ? [] : validate.errors).toEqual([]);
    }
  });

  it('names the official schema in $schema', () => {
    expect((sarifOf(failing()) as unknown as { $schema: string }).$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(existsSync('test/fixtures/schemas/sarif-2.1.0-subset.json')).toBe(true);
  });
});
