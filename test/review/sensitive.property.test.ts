/**
 * Property: random secrets planted anywhere in before/after (leaves, nested blocks, lists, map
 * keys under a sensitive parent), in drift and in outputs, marked by before_sensitive or
 * after_sensitive (either side), never appear in any output format.
 */
import fc from 'fast-check';
import { planOf, review, writePlan, type Json } from './helpers';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Letters and digits only, so no renderer's escaping can hide a leak from the check. */
const secretArb = fc.string({ unit: fc.constantFrom(...ALNUM), minLength: 12, maxLength: 40 }).map((s) => `Sx${s}`);
const plainArb = fc.constantFrom('alpha', 'beta', 'gamma', 'tenants/patient-records/kv', '10.20.0.0/16', 443, true, null);

type Where = 'leaf' | 'nested' | 'list' | 'parent' | 'mapkey';

interface Plant {
  readonly where: Where;
  readonly side: 'before' | 'after' | 'both';
  readonly markedBy: 'before' | 'after' | 'both';
  readonly secret: string;
  readonly other: string;
}

const plantArb: fc.Arbitrary<Plant> = fc.record({
  where: fc.constantFrom<Where>('leaf', 'nested', 'list', 'parent', 'mapkey'),
  side: fc.constantFrom<'before' | 'after' | 'both'>('before', 'after', 'both'),
  markedBy: fc.constantFrom<'before' | 'after' | 'both'>('before', 'after', 'both'),
  secret: secretArb,
  other: secretArb,
});

/** A value holding the secret at a place, and the sensitivity marks that cover it. */
function planted(p: Plant, secret: string, filler: unknown): { value: Json; marks: Json } {
  switch (p.where) {
    case 'leaf':
      return { value: { password: secret, name: filler }, marks: { password: true } };
    case 'nested':
      return { value: { spec: [{ auth: [{ token: secret, user: filler }] }] }, marks: { spec: [{ auth: [{ token: true }] }] } };
    case 'list':
      return { value: { keys: [filler, secret, filler] }, marks: { keys: [false, true, false] } };
    case 'parent':
      return { value: { data: { inner: { deep: [secret, { k: secret }] } }, name: filler }, marks: { data: true } };
    case 'mapkey':
      return { value: { data: { [secret]: 'v', other: filler } }, marks: { data: true } };
  }
}

function entry(p: Plant, actions: string[], filler: unknown, type = 'vault_generic_secret'): Json {
  const b = planted(p, p.secret, filler);
  const a = planted(p, p.other, filler);
  const before = p.side === 'after' ? { name: filler } : b.value;
  const after = p.side === 'before' ? { name: filler } : a.value;
  const marksB = p.markedBy !== 'after' ? b.marks : {};
  const marksA = p.markedBy !== 'before' ? a.marks : {};
  // A mark on either side masks the path on both sides (the union).
  const union = { ...marksB, ...marksA };
  return {
    address: `${type}.s`,
    mode: 'managed',
    type,
    name: 's',
    change: {
      actions,
      before: actions[0] === 'create' ? null : before,
      after: actions.includes('delete') && actions.length === 1 ? null : after,
      after_unknown: {},
      before_sensitive: p.markedBy === 'after' ? {} : union,
      after_sensitive: p.markedBy === 'before' ? {} : union,
      // A replace path into a sensitive map names the map, never the (secret) key.
      ...(p.where === 'mapkey' || p.where === 'parent' ? { replace_paths: [['data', p.secret], ['data', 'inner', 'deep', 0]] } : {}),
    },
  };
}

const actionsArb = fc.constantFrom<string[]>(['update'], ['create'], ['delete'], ['delete', 'create'], ['create', 'delete'], ['no-op'], ['forget'], ['read'], ['mystery']);

describe('sensitive values never reach a report', () => {
  it('holds for random secrets planted in changes, drift and outputs', () => {
    fc.assert(
      fc.property(plantArb, actionsArb, plainArb, fc.constantFrom('vault_generic_secret', 'vault_transit_secret_backend_key', 'kubernetes_secret_v1', 'vault_policy'), (p, actions, filler, type) => {
        const plan = planOf([entry(p, actions, filler, type)], {
          resource_drift: [entry(p, ['update'], filler, type)],
          output_changes: {
            token: { actions: ['update'], before: p.secret, after: p.other, after_unknown: false, before_sensitive: p.markedBy !== 'after', after_sensitive: p.markedBy !== 'before' },
            nested: { actions: ['create'], before: null, after: { a: [p.other], b: filler }, after_unknown: false, before_sensitive: false, after_sensitive: { a: [true] } },
          },
        });
        const file = writePlan(plan);
        for (const format of ['md', 'json', 'sarif'] as const) {
          const r = review({ plan: file, format, failOn: 'never' });
          expect(r.code).toBe(0);
          expect(r.stdout).not.toContain(p.secret);
          expect(r.stdout).not.toContain(p.other);
          expect(r.stderr).not.toContain(p.secret);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('still shows that a sensitive value changed', () => {
    const p: Plant = { where: 'leaf', side: 'both', markedBy: 'after', secret: 'SxAAAAAAAAAAAA', other: 'SxBBBBBBBBBBBB' };
    const r = review({ plan: writePlan(planOf([entry(p, ['update'], 'n')])), format: 'json', failOn: 'never' });
    const report = JSON.parse(r.stdout) as { changes: { attrs: { path: string; before: unknown; after: unknown }[] }[] };
    expect(report.changes[0]?.attrs).toContainEqual({ path: 'password', before: { kind: 'sensitive' }, after: { kind: 'sensitive' } });
    const same = review({ plan: writePlan(planOf([entry({ ...p, other: p.secret }, ['update'], 'n')])), format: 'json', failOn: 'never' });
    expect((JSON.parse(same.stdout) as typeof report).changes[0]?.attrs.find((a) => a.path === 'password')).toBeUndefined();
  });
});
