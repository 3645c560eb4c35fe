/**
 * State backends as Terraform and OpenTofu accept them, and the stack graph that orders applies:
 * from the examples' synthesized JSON.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kubernetesSecretSuffix } from '../../stacks/state-backend';
import { buildStackGraph, stackMeta, type StackGraph } from '../../src/synthesized/stack-graph';
import { readSynthDir } from '../../src/synthesized';
import { slz } from '../helpers/cli';
import { tempDir } from '../helpers/synth';

function synth(example: string): string {
  const out = join(tempDir(), 'out');
  const r = slz('synth', `examples/${example}/landing-zone.yaml`, '--out', out);
  if (r.code !== 0) throw new Error(r.stderr);
  return out;
}

function graphOf(out: string): StackGraph {
  return JSON.parse(readFileSync(join(out, 'stack-graph.json'), 'utf8')) as StackGraph;
}

describe('kubernetes state backend', () => {
  // Terraform's backend (internal/backend/remote-state/kubernetes) refuses a secret_suffix whose
  // part after the last "-" is a number, and uses it as a label value (≤ 63 characters).
  const refused = (s: string) => /-\d+$/.test(s) || s.length > 63;

  it('gives every stack of sovereign-ai-workspace (region sov-ai-1) a suffix Terraform accepts', () => {
    const out = synth('sovereign-ai-workspace');
    const suffixes = readSynthDir(out).map((s) => (s.json.terraform?.backend?.['kubernetes'] as { secret_suffix: string; namespace: string }));
    expect(suffixes.length).toBeGreaterThan(2);
    for (const b of suffixes) {
      expect(refused(b.secret_suffix)).toBe(false);
      expect(b.namespace).toBe('slz-state');
    }
    expect(suffixes.map((b) => b.secret_suffix)).toContain('ai-lab-platform-sov-ai-1-state');
  });

  it('keeps other names as they are, shortens long ones deterministically, and never ends in -<number>', () => {
    expect(kubernetesSecretSuffix('moh-platform-cyberjaya')).toBe('moh-platform-cyberjaya');
    const long = `agency-tenant-${'a'.repeat(60)}-region-7`;
    expect(kubernetesSecretSuffix(long)).toBe(kubernetesSecretSuffix(long));
    expect(kubernetesSecretSuffix(long).length).toBeLessThanOrEqual(63);
    for (const name of ['a-1', 'b-22', long, `${'x'.repeat(70)}-3`, 'plain']) expect(refused(kubernetesSecretSuffix(name))).toBe(false);
    expect(new Set(['x-tenant-a-1', 'x-tenant-a-2'].map(kubernetesSecretSuffix)).size).toBe(2);
  });
});

describe('s3 state backend', () => {
  it('locks state with a lock file beside it (use_lockfile)', () => {
    for (const s of readSynthDir(synth('asean-shared-service'))) {
      expect(s.json.terraform?.backend?.['s3']).toMatchObject({ use_lockfile: true, encrypt: true });
    }
  });
});

describe('stack-graph.json', () => {
  it('orders ministry-health: platforms, then their tenants, then admission, per region', () => {
    const out = synth('ministry-health');
    const graph = graphOf(out);
    const names = Object.keys(graph.stacks);
    expect(graph.waves.flat().sort()).toEqual([...names].sort());
    for (const [name, s] of Object.entries(graph.stacks)) {
      for (const d of s.dependsOn) expect(graph.stacks[d]!.wave).toBeLessThan(s.wave);
      expect(s.wave).toBe({ platform: 0, tenancy: 1, admission: 2, other: -1 }[s.kind]);
      if (s.kind !== 'platform') expect(s.dependsOn).toContain(`moh-platform-${s.region}`);
      expect(name.includes(s.region!)).toBe(true);
    }
  });

  it('says which stacks a change re-applies: a tenant re-applies its own stacks and its regions\' platforms', () => {
    const graph = graphOf(synth('ministry-health'));
    const tenant = Object.values(graph.stacks).find((s) => s.kind === 'tenancy')!.tenant!;
    const reapply = graph.reapply[`tenants/${tenant}`]!;
    const own = Object.entries(graph.stacks).filter(([, s]) => s.tenant === tenant).map(([n]) => n);
    expect(own.every((n) => reapply.includes(n))).toBe(true);
    expect(reapply.filter((n) => graph.stacks[n]!.kind === 'platform').length).toBeGreaterThan(0);
    expect(reapply.some((n) => graph.stacks[n]!.kind === 'admission')).toBe(false);
    expect(graph.reapply['logging']!.every((n) => graph.stacks[n]!.kind === 'platform')).toBe(true);
  });

  it('lists a stack of another app as kind "other", and refuses a dependency cycle', () => {
    const out = synth('minimal');
    const stacks = readSynthDir(out);
    const bare = stacks.map((s) => ({ ...s, json: { ...s.json, '//': {} } }));
    expect(bare.map(stackMeta)).toEqual(bare.map(() => undefined));
    const graph = buildStackGraph(out, bare);
    expect(Object.values(graph.stacks).map((s) => s.kind)).toEqual(['other', 'other', 'other']);
    expect(graph.reapply).toEqual({});
    const cyclic = tempDir();
    const manifest = { stacks: { a: { dependencies: ['b'] }, b: { dependencies: ['a'] } } };
    writeFileSync(join(cyclic, 'manifest.json'), JSON.stringify(manifest));
    expect(() => buildStackGraph(cyclic, [{ name: 'a', file: 'a', json: {} }, { name: 'b', file: 'b', json: {} }])).toThrow(/cycle/);
  });
});
