/**
 * Output formats: the Markdown size budget (a 20,000-change plan stays under 65,536 characters
 * and says what it left out), the JSON report against its versioned schema, and a structural
 * check of the SARIF 2.1.0 log (rules, severities, fingerprints, locations).
 */
import Ajv from 'ajv';
import { MARKDOWN_LIMIT, REVIEW_JSON_SCHEMA, REVIEW_MARKER, REVIEW_SCHEMA_VERSION, RULES } from '../../src/review';
import { lineDiff, mdCode, mdText } from '../../src/review/render-markdown';
import { planOf, rc, review, writePlan, type Json } from './helpers';

/** A big plan: mostly creates, some updates and deletes, a few critical changes. */
function bigPlan(n: number): Json {
  const changes: Json[] = [];
  for (let i = 0; i < n; i++) {
    const name = `cfg_${i}`;
    const data = { index: String(i), owner: 'platform@moh.example.gov.my', region: 'cyberjaya', note: 'x'.repeat(40) };
    const metadata = [{ name: `cfg-${i}`, namespace: `tenant-${i % 50}`, labels: { 'app.kubernetes.io/managed-by': 'sovereign-landing-zone', team: `t${i % 7}` } }];
    if (i % 1000 === 1) changes.push(rc('vault_transit_secret_backend_key', `key_${i}`, ['delete'], { name: `key-${i}`, type: 'aes256-gcm96' }, null));
    else if (i % 500 === 2) changes.push(rc('kubernetes_network_policy_v1', `np_${i}`, ['update'], { metadata, spec: [{ policy_types: ['Egress'], egress: [{ to: [{ ip_block: [{ cidr: '10.1.0.0/24' }] }] }] }] }, { metadata, spec: [{ policy_types: ['Egress'], egress: [{ to: [{ ip_block: [{ cidr: '10.0.0.0/8' }] }] }] }] }));
    else if (i % 10 === 3) changes.push(rc('kubernetes_config_map_v1', name, ['delete'], { metadata, data }, null));
    else if (i % 10 === 4) changes.push(rc('kubernetes_config_map_v1', name, ['update'], { metadata, data }, { metadata, data: { ...data, index: `${i}b` } }));
    else changes.push(rc('kubernetes_config_map_v1', name, ['create'], null, { metadata, data }));
  }
  return planOf(changes);
}

describe('Markdown size budget', () => {
  const N = 20_000;
  let md: string;
  let file: string;

  beforeAll(() => {
    file = writePlan(bigPlan(N));
    const r = review({ plan: file, failOn: 'never' });
    expect(r.code).toBe(0);
    md = r.stdout;
  });

  it('stays under 65,536 characters', () => {
    expect(md.length).toBeLessThan(MARKDOWN_LIMIT);
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThan(MARKDOWN_LIMIT * 2);
  });

  it('keeps the verdict, the counts and the destroyed section, and says what it left out', () => {
    expect(md.startsWith(`${REVIEW_MARKER}\n`)).toBe(true);
    expect(md).toMatch(/## 🔴 slz review: CRITICAL/);
    expect(md).toContain('### ⚠️ Destroyed or irreversible');
    expect(md).toMatch(/\| create \| update \| replace \| delete \|/);
    expect(md).toMatch(/### Left out\n\nTo stay under GitHub's 65,536-character comment limit, this comment leaves out [\d,]+ changes \(.*LOW.*\)/);
    expect(md).toMatch(/more destroyed or irreversible changes/);
  });

  it('drops the lowest risks first: every CRITICAL and HIGH change is listed', () => {
    for (let i = 0; i < N; i++) {
      if (i % 1000 === 1) expect(md).toContain(`vault_transit_secret_backend_key.key_${i}\``);
      if (i % 500 === 2) expect(md).toContain(`kubernetes_network_policy_v1.np_${i}\``);
    }
  });

  it('never hides the destroyed section in a collapsed block', () => {
    const start = md.indexOf('### ⚠️ Destroyed or irreversible');
    const end = md.indexOf('\n### ', start + 5);
    expect(md.slice(start, end)).not.toMatch(/<details/);
  });

  it('also holds with every change at CRITICAL', () => {
    const changes: Json[] = [];
    for (let i = 0; i < 3000; i++) changes.push(rc('vault_transit_secret_backend_key', `key_${i}`, ['delete'], { name: `key-${i}`, type: 'aes256-gcm96', backend: 'x'.repeat(200) }, null));
    const out = review({ plan: writePlan(planOf(changes)), failOn: 'never' }).stdout;
    expect(out.length).toBeLessThan(MARKDOWN_LIMIT);
    expect(out).toMatch(/### Left out/);
  });
});

describe('Markdown escaping', () => {
  it('keeps cell text from breaking tables, adding HTML or mentioning people', () => {
    expect(mdText('a | b <script> @team *x*')).toBe('a \\| b &lt;script&gt; &#64;team \\*x\\*');
    expect(mdCode('a|b`c\nd')).toBe('``a\\|b`c⏎d``');
    expect(mdCode('`x')).toBe('`` `x ``');
  });

  it('diffs multi-line values by line', () => {
    expect(lineDiff('a\nb\nc', 'a\nc\nd')).toEqual(['  a', '- b', '  c', '+ d']);
  });
});

describe('JSON report', () => {
  const plan = planOf(
    [
      rc('vault_transit_secret_backend_key', 'k', ['delete'], { name: 'k' }, null, { action_reason: 'delete_because_no_resource_config' }),
      rc('vault_policy', 'p', ['update'], { name: 'p', policy: 'a' }, { name: 'p', policy: 'b' }, { previous_address: 'vault_policy.q' }, { importing: { id: 'p' }, replace_paths: [] }),
      rc('vault_mount', 'm', ['create'], null, { path: 'kv', type: 'kv', options: { version: '2' } }, {}, { after_unknown: { accessor: true } }),
    ],
    {
      resource_drift: [rc('vault_policy', 'p', ['update'], { name: 'p', policy: 'a' }, { name: 'p', policy: 'c' })],
      output_changes: { o: { actions: ['create'], before: null, after: { a: 1 }, after_unknown: false, before_sensitive: false, after_sensitive: false } },
    },
  );

  it('validates against its versioned schema', () => {
    const r = review({ plan: writePlan(plan), format: 'json', failOn: 'high' });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as Json;
    expect(doc.schemaVersion).toBe(REVIEW_SCHEMA_VERSION);
    const validate = new Ajv({ strict: false, allErrors: true }).compile(REVIEW_JSON_SCHEMA);
    expect(validate.errors ?? []).toEqual([]);
    expect(validate(doc)).toBe(true);
    expect(doc.verdict).toEqual({ failOn: 'high', threshold: 'HIGH', tripped: true, blocking: 1, highest: 'CRITICAL' });
  });

  it('validates for an empty plan too', () => {
    const r = review({ plan: writePlan(planOf([])), format: 'json' });
    const validate = new Ajv({ strict: false }).compile(REVIEW_JSON_SCHEMA);
    expect(validate(JSON.parse(r.stdout))).toBe(true);
  });
});

// A structural subset of SARIF 2.1.0 (the parts this tool writes and GitHub reads). The official
// schema can replace it later (@microsoft/jest-sarif ships it).
const SARIF_SUBSET = {
  type: 'object',
  required: ['version', 'runs', '$schema'],
  properties: {
    version: { const: '2.1.0' },
    $schema: { type: 'string', pattern: 'sarif' },
    runs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['tool', 'results'],
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name', 'rules'],
                properties: {
                  name: { type: 'string' },
                  rules: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id', 'shortDescription', 'fullDescription', 'defaultConfiguration', 'properties'],
                      properties: {
                        id: { type: 'string' },
                        shortDescription: { type: 'object', required: ['text'] },
                        fullDescription: { type: 'object', required: ['text'] },
                        help: { type: 'object', required: ['text'] },
                        defaultConfiguration: { type: 'object', required: ['level'], properties: { level: { enum: ['none', 'note', 'warning', 'error'] } } },
                        properties: { type: 'object', required: ['security-severity', 'tags'], properties: { 'security-severity': { type: 'string', pattern: '^\\d+\\.\\d$' }, tags: { type: 'array', items: { type: 'string' } } } },
                      },
                    },
                  },
                },
              },
            },
          },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['ruleId', 'ruleIndex', 'level', 'message', 'locations', 'partialFingerprints'],
              properties: {
                ruleId: { type: 'string' },
                ruleIndex: { type: 'integer', minimum: 0 },
                kind: { enum: ['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'] },
                level: { enum: ['none', 'note', 'warning', 'error'] },
                message: { type: 'object', required: ['text'], properties: { text: { type: 'string', minLength: 1 } } },
                locations: {
                  type: 'array',
                  minItems: 1,
                  items: {
                    type: 'object',
                    properties: {
                      physicalLocation: { type: 'object', required: ['artifactLocation'], properties: { artifactLocation: { type: 'object', required: ['uri'], properties: { uri: { type: 'string', minLength: 1 } } }, region: { type: 'object', properties: { startLine: { type: 'integer', minimum: 1 } } } } },
                      logicalLocations: { type: 'array', items: { type: 'object', required: ['fullyQualifiedName'], properties: { kind: { type: 'string' } } } },
                    },
                  },
                },
                partialFingerprints: { type: 'object', additionalProperties: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  },
} as const;

interface Sarif {
  runs: { tool: { driver: { rules: { id: string; properties: { 'security-severity': string } }[] } }; results: { ruleId: string; ruleIndex: number; level: string; partialFingerprints: Record<string, string>; locations: { logicalLocations?: { fullyQualifiedName: string }[] }[] }[] }[];
}

describe('SARIF 2.1.0', () => {
  const sarifOf = (p: Json): Sarif => JSON.parse(review({ plan: writePlan(p), format: 'sarif', failOn: 'never' }).stdout) as Sarif;
  const plan = planOf([
    rc('vault_transit_secret_backend_key', 'k', ['delete'], { name: 'k' }, null),
    rc('kubernetes_network_policy_v1', 'e', ['create'], null, { metadata: [{ name: 'e' }], spec: [{ policy_types: ['Egress'], egress: [{ to: [{ ip_block: [{ cidr: '0.0.0.0/0' }] }] }] }] }),
    rc('vault_policy', 'p', ['no-op'], { name: 'p' }, { name: 'p' }),
  ]);

  it('is structurally valid, with one rule per risk rule and severities GitHub reads', () => {
    const log = sarifOf(plan);
    const validate = new Ajv({ strict: false, allErrors: true }).compile(SARIF_SUBSET);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run = log.runs[0];
    expect(run?.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const r of run?.tool.driver.rules ?? []) {
      const s = Number(r.properties['security-severity']);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(10);
    }
    const critical = run?.tool.driver.rules.find((r) => r.id === 'RV-KEY-DELETE');
    expect(Number(critical?.properties['security-severity'])).toBeGreaterThan(9);
  });

  it('emits a result per risk above INFO, each pointing at its rule and resource', () => {
    const run = sarifOf(plan).runs[0];
    expect(run?.results.map((r) => r.ruleId)).toEqual(['RV-KEY-DELETE', 'RV-EGRESS-OPEN']);
    for (const r of run?.results ?? []) {
      expect(run?.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
      expect(r.locations[0]?.logicalLocations?.[0]?.fullyQualifiedName).toMatch(/^(vault|kubernetes)_/);
    }
    expect(run?.results[0]?.level).toBe('error');
  });

  it('has stable fingerprints across runs that differ per rule and address', () => {
    const a = sarifOf(plan).runs[0]?.results ?? [];
    const b = sarifOf(plan).runs[0]?.results ?? [];
    expect(a.map((r) => r.partialFingerprints)).toEqual(b.map((r) => r.partialFingerprints));
    const prints = a.map((r) => Object.values(r.partialFingerprints)[0]);
    expect(new Set(prints).size).toBe(prints.length);
    const renamed = sarifOf(planOf([rc('vault_transit_secret_backend_key', 'other', ['delete'], { name: 'k' }, null)])).runs[0]?.results ?? [];
    expect(Object.values(renamed[0]?.partialFingerprints ?? {})).not.toEqual(Object.values(a[0]?.partialFingerprints ?? {}));
  });
});
