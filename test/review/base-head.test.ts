/**
 * Reviews without credentials: two synthesized trees (test/fixtures/review/{base,head}.yaml)
 * that differ by a deleted transit key and a widened egress rule, plus hand-edited copies for
 * predicted replacements, and `--synth` address mapping for plans.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reviewTrees } from '../../src/review';
import { expectEvery } from '../helpers/non-empty';
import { synthTree, tempDir, type SynthTree } from '../helpers/synth';
import { planOf, rc, review, type Json, type Report } from './helpers';

let base: SynthTree;
let head: SynthTree;

beforeAll(() => {
  base = synthTree('test/fixtures/review/base.yaml');
  head = synthTree('test/fixtures/review/head.yaml');
});

const STACK = 'moh-tenant-patient-records-cyberjaya';

/** A copy of the base tree with one stack's cdk.tf.json edited. */
function edited(edit: (json: { resource: Record<string, Record<string, Json>> }) => void, stack = STACK): string {
  const dir = join(tempDir('slz-review-edit-'), 'head');
  cpSync(base.dir, dir, { recursive: true });
  const file = join(dir, 'stacks', stack, 'cdk.tf.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as { resource: Record<string, Record<string, Json>> };
  edit(json);
  writeFileSync(file, JSON.stringify(json, null, 2));
  return dir;
}

function first(json: { resource: Record<string, Record<string, Json>> }, type: string, match = ''): Json {
  const entry = Object.entries(json.resource[type] ?? {}).find(([name]) => name.includes(match));
  if (!entry) throw new Error(`no ${type} ${match}`);
  return entry[1];
}

describe('base → head: a deleted key and a widened egress rule', () => {
  it('ranks those two first, CRITICAL then HIGH, and nothing else at HIGH or above', () => {
    const r = reviewTrees(base.dir, head.dir);
    const [one, two, ...rest] = r.risks;
    expect(one).toMatchObject({ ruleId: 'RV-KEY-DELETE', level: 'CRITICAL', constructPath: `${STACK}/keys/key-tokens`, stack: STACK });
    expect(two).toMatchObject({ ruleId: 'RV-EGRESS-WIDEN', level: 'HIGH', constructPath: `${STACK}/firewall/AllowEgress-mykad-verify` });
    expect(two?.reason).toMatch(/10\.30\.0\.0\/16/);
    expect(rest.filter((x) => x.level === 'CRITICAL' || x.level === 'HIGH')).toEqual([]);
    // The workload policy loses the key's paths: an in-place change, ranked below.
    expect(rest[0]).toMatchObject({ ruleId: 'RV-SECURITY-UPDATE', constructPath: `${STACK}/keys/policy-api` });
  });

  it('groups the comment by stack, tenant and construct, destroyed first, and trips the default gate', () => {
    const r = review({ base: base.dir, head: head.dir });
    expect(r.code).toBe(1);
    const md = r.stdout;
    expect(md.startsWith('<!-- slz-review -->\n## 🔴 slz review: CRITICAL')).toBe(true);
    const destroyed = md.indexOf('### ⚠️ Destroyed or irreversible');
    const changes = md.indexOf('### Changes');
    expect(destroyed).toBeGreaterThan(0);
    expect(changes).toBeGreaterThan(destroyed);
    expect(md.slice(destroyed, changes)).toContain(`\`${STACK}/keys/key-tokens\``);
    expect(md.slice(destroyed, changes)).not.toContain('<details');
    expect(md).toContain(`#### Stack \`${STACK}\``);
    expect(md).toContain('##### Tenant `patient-records`');
    expect(md).toContain('| `spec.egress[0].to[0].ip_block.cidr` | `10.30.1.0/24` | `10.30.0.0/16` | |');
    // References are shown as code, not resolved.
    expect(md).toContain('`${vault_mount.keys_transit_133A3986.path}`');
    expect(md).toMatch(/```diff\n[\s\S]*- path "tenants\/patient-records\/transit\/hmac\/tokens"/);
  });

  it('adds the compliance delta when both trees carry reports/compliance.json', () => {
    // slz synth writes both reports: a tree without one is a defect here, not a reason to skip.
    expect([base.dir, head.dir].map((d) => existsSync(join(d, 'reports', 'compliance.json')))).toEqual([true, true]);
    const r = reviewTrees(base.dir, head.dir);
    expect(r.compliance).toMatchObject({ baseAvailable: true, headAvailable: true });
    expect(r.risks.filter((x) => x.ruleId.startsWith('RV-COMPLIANCE'))).toEqual([]);
    expect(review({ base: base.dir, head: head.dir }).stdout).toContain('### Compliance delta');
  });

  it('reads nothing from the future: a tree against itself is all no-ops', () => {
    const r = reviewTrees(base.dir, base.dir);
    expectEvery(r.changes, (c) => c.action === 'noop', 'change (every resource of the tree, as a no-op)');
    expect(r.risks.filter((x) => x.level !== 'INFO')).toEqual([]);
  });
});

describe('predicted replacements', () => {
  it('predicts a transit key replacement from its name and marks it predicted', () => {
    const dir = edited((j) => {
      first(j, 'vault_transit_secret_backend_key', 'records').name = 'records-v2';
    });
    const r = reviewTrees(base.dir, dir);
    const key = r.changes.find((c) => c.type === 'vault_transit_secret_backend_key' && c.action !== 'noop');
    expect(key).toMatchObject({ action: 'replace', predicted: true, destroys: true });
    expect(key?.attrs).toContainEqual({ path: 'name', before: { kind: 'value', value: 'records' }, after: { kind: 'value', value: 'records-v2' }, forcesReplacement: true });
    expect(key?.actionReason?.text).toMatch(/Predicted replacement: name cannot change in place \(confirm with terraform plan\)/);
    expect(r.risks[0]).toMatchObject({ ruleId: 'RV-KEY-DELETE' });
    expect(r.risks[0]?.reason).toMatch(/would be destroyed and created again \(predicted\)/);
    const md = review({ base: base.dir, head: dir }).stdout;
    expect(md).toContain('replace (predicted)');
    expect(md).toContain('**forces replacement**');
  });

  it('cascades through references: a new CSR re-signs and re-installs the intermediate', () => {
    const dir = edited((j) => {
      first(j, 'vault_pki_secret_backend_intermediate_cert_request').key_bits = 521;
    });
    const r = reviewTrees(base.dir, dir);
    const replaced = r.changes.filter((c) => c.action === 'replace').map((c) => c.type).sort();
    expect(replaced).toEqual(['vault_pki_secret_backend_intermediate_cert_request', 'vault_pki_secret_backend_intermediate_set_signed', 'vault_pki_secret_backend_root_sign_intermediate']);
    expect(r.risks.filter((x) => x.ruleId === 'RV-PKI-DELETE')).toHaveLength(3);
  });

  it('a remounted transit engine moves (replaces) every key that names its path', () => {
    const dir = edited((j) => {
      first(j, 'vault_mount', 'transit').path = 'tenants/patient-records/transit2';
    });
    const r = reviewTrees(base.dir, dir);
    const ids = r.risks.map((x) => x.ruleId);
    expect(ids).toContain('RV-MOUNT-REMOUNT');
    expect(r.changes.find((c) => c.type === 'vault_mount' && c.action !== 'noop')?.action).toBe('update');
    expectEvery(r.changes.filter((c) => c.type === 'vault_transit_secret_backend_key'), (c) => c.action === 'replace', 'transit key change');
    expect(ids.filter((id) => id === 'RV-KEY-DELETE')).toHaveLength(2);
  });

  it('does not predict a replacement for an in-place attribute', () => {
    const dir = edited((j) => {
      first(j, 'vault_transit_secret_backend_key', 'records').auto_rotate_period = 2592000;
    });
    const r = reviewTrees(base.dir, dir);
    expect(r.changes.filter((c) => c.action !== 'noop').map((c) => c.action)).toEqual(['update']);
  });

  it('follows references by their full path: a namespace label change moves nothing in the namespace', () => {
    const dir = edited((j) => {
      const labels = (first(j, 'kubernetes_namespace_v1').metadata as { labels: Record<string, string> }).labels;
      labels['pod-security.kubernetes.io/enforce'] = 'baseline';
    });
    const r = reviewTrees(base.dir, dir);
    expect(r.changes.filter((c) => c.action !== 'noop').map((c) => `${c.type}:${c.action}`)).toEqual(['kubernetes_namespace_v1:update']);
    expect(r.risks[0]).toMatchObject({ ruleId: 'RV-PSA-DOWNGRADE', level: 'CRITICAL' });
  });

  it('a renamed namespace replaces it and everything that names it', () => {
    const dir = edited((j) => {
      (first(j, 'kubernetes_namespace_v1').metadata as { name: string }).name = 'patient-records-2';
    });
    const r = reviewTrees(base.dir, dir);
    const replaced = r.changes.filter((c) => c.action === 'replace');
    expect(replaced.map((c) => c.type)).toContain('kubernetes_namespace_v1');
    expect(replaced.map((c) => c.type)).toContain('kubernetes_network_policy_v1');
    expect(r.risks[0]).toMatchObject({ ruleId: 'RV-NAMESPACE-DELETE' });
  });
});

describe('plan addresses mapped to construct paths with --synth', () => {
  it('maps root-module addresses through the // metadata', () => {
    const tenant = base.stacks[STACK] as unknown as { resource: Record<string, Record<string, Json>> };
    const keyName = Object.keys(tenant.resource.vault_transit_secret_backend_key ?? {}).find((n) => n.includes('tokens')) as string;
    const nsName = Object.keys(tenant.resource.kubernetes_namespace_v1 ?? {})[0] as string;
    const plan = planOf([
      rc('vault_transit_secret_backend_key', keyName, ['delete'], { name: 'tokens', type: 'hmac' }, null),
      rc('kubernetes_namespace_v1', nsName, ['no-op'], { metadata: [{ name: 'patient-records', labels: { 'sovereign.slz.dev/region': 'cyberjaya' } }] }, { metadata: [{ name: 'patient-records', labels: { 'sovereign.slz.dev/region': 'cyberjaya' } }] }),
    ]);
    const file = join(tempDir('slz-review-map-'), 'plan.json');
    writeFileSync(file, JSON.stringify(plan));
    const r = review({ plan: file, synth: base.dir, format: 'json', failOn: 'never' });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as Report;
    expect(report.changes[0]).toMatchObject({ stack: STACK, tenant: 'patient-records', constructPath: `${STACK}/keys/key-tokens` });
    expect(report.risks[0]).toMatchObject({ ruleId: 'RV-KEY-DELETE', constructPath: `${STACK}/keys/key-tokens` });
    type Physical = { physicalLocation: { artifactLocation: { uri: string } } };
    const sarif = JSON.parse(review({ plan: file, synth: base.dir, format: 'sarif', failOn: 'never' }).stdout) as { runs: { results: { locations: (Physical & { logicalLocations: { fullyQualifiedName: string }[] })[]; relatedLocations: Physical[] }[] }[] };
    const loc = sarif.runs[0]?.results[0]?.locations[0];
    // The landing-zone file the tree was synthesized from; the stack's JSON is the related location.
    expect(loc?.physicalLocation.artifactLocation.uri).toBe('test/fixtures/review/base.yaml');
    expect(sarif.runs[0]?.results[0]?.relatedLocations[0]?.physicalLocation.artifactLocation.uri).toMatch(new RegExp(`stacks/${STACK}/cdk\\.tf\\.json$`));
    expect(loc?.logicalLocations.map((l) => l.fullyQualifiedName)).toContain(`${STACK}/keys/key-tokens`);
  });

  it('tells apart stacks with the same addresses by their planned values (regions)', () => {
    const dir = tempDir('slz-review-regions-');
    for (const region of ['cyberjaya', 'kulim']) {
      const src = join(base.dir, 'stacks', STACK);
      const dst = join(dir, 'stacks', `moh-tenant-patient-records-${region}`);
      cpSync(src, dst, { recursive: true });
      const file = join(dst, 'cdk.tf.json');
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll('cyberjaya', region));
    }
    const tenant = base.stacks[STACK] as unknown as { resource: Record<string, Record<string, Json>> };
    const [nsName, ns] = Object.entries(tenant.resource.kubernetes_namespace_v1 ?? {})[0] as [string, { metadata: Json }];
    const labels = { ...(ns.metadata.labels as Json), 'sovereign.slz.dev/region': 'kulim' };
    const plan = planOf([rc('kubernetes_namespace_v1', nsName, ['update'], { metadata: [{ name: 'patient-records', labels }] }, { metadata: [{ name: 'patient-records', labels: { ...labels, x: 'y' } }] })]);
    const file = join(tempDir('slz-review-map-'), 'plan.json');
    writeFileSync(file, JSON.stringify(plan));
    const report = JSON.parse(review({ plan: file, synth: dir, format: 'json', failOn: 'never' }).stdout) as Report;
    expect(report.changes[0]?.stack).toBe('moh-tenant-patient-records-kulim');
    expect(report.notes.join('\n')).not.toMatch(/equally/);
  });
});
