/**
 * An exemption whose pattern names no stack of the file covers nothing; compliance would report it
 * (SB-SUP2) only after synthesis, so a file `slz validate` accepted would fail. Validation refuses
 * it, from the same stack names the stacks are built with (src/landing-zone/stack-names.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { validateLandingZone } from '../../src/landing-zone';
import { stackNamesOf } from '../../src/landing-zone/stack-names';
import { synthTree } from '../helpers/synth';

const ROOT = join(__dirname, '..', '..');
const TODAY = '2026-06-01';
const MOH = join(ROOT, 'examples', 'ministry-health', 'landing-zone.yaml');
type Doc = { metadata: { name: string }; regions: { name: string }[]; tenants: { name: string; regions?: string[] }[]; exemptions?: Record<string, unknown>[] };
const doc = (file = MOH): Doc => parse(readFileSync(file, 'utf8')) as Doc;

function withResource(resource: string): Doc {
  const d = doc();
  d.exemptions = [{ ...d.exemptions![0], resource }];
  return d;
}

describe('exemptions name stacks of the file', () => {
  it.each([
    ['patient-records/*', 'the tenant without its stack prefix (DESIGN.md §3 once had this)'],
    ['moh-tenant-patient-records-penang-*/keys', 'a region the file does not have'],
    ['mho-platform-*/log-forwarder/DaemonSet', 'a misspelt landing-zone name'],
  ])('refuses %s (%s) at its field, with the stacks in the hint', (resource) => {
    const r = validateLandingZone(withResource(resource), { today: TODAY });
    expect(r.ok).toBe(false);
    const problem = r.ok ? undefined : r.problems.find((p) => p.path === 'exemptions[0].resource');
    expect(problem).toMatchObject({ severity: 'error', message: expect.stringContaining('names no stack of this landing zone'), hint: expect.stringContaining('moh-platform-cyberjaya') });
  });

  it.each(['moh-platform-*/log-forwarder/DaemonSet', 'moh-tenant-patient-records-*', '**/log-forwarder', 'moh-*'])('accepts %s', (resource) => {
    const r = validateLandingZone(withResource(resource), { today: TODAY });
    expect(r.ok ? [] : r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('accepts a stack a program adds in code when it is named in extraStacks', () => {
    expect(validateLandingZone(withResource('moh-tenant-payments-*'), { today: TODAY }).ok).toBe(false);
    expect(validateLandingZone(withResource('moh-tenant-payments-*'), { today: TODAY, extraStacks: ['moh-tenant-payments-cyberjaya'] }).ok).toBe(true);
  });

  it.each(readdirSync(join(ROOT, 'examples')).filter((e) => existsSync(join(ROOT, 'examples', e, 'landing-zone.yaml')) && !existsSync(join(ROOT, 'examples', e, 'main.ts'))))(
    'names exactly the stacks %s synthesizes',
    (example) => {
      const file = join(ROOT, 'examples', example, 'landing-zone.yaml');
      const d = doc(file);
      const names = stackNamesOf(d.metadata.name, d.regions.map((r) => r.name), d.tenants);
      expect([...names].sort()).toEqual(Object.keys(synthTree(file).stacks).sort());
    },
  );
});
