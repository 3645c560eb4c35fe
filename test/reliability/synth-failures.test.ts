/**
 * Failures after synthesis has started — the compliance engine throwing, a rule throwing, a write
 * failing — never leave a mixed output directory: the previous tree stays byte-identical, or (for a
 * rule that throws, which is a finding by design) the new tree is complete and says so.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { slz } from '../helpers/cli';
import { readTree, tempDir } from '../helpers/synth';
import { nonEmpty } from '../helpers/non-empty';

jest.mock('../../src/compliance', () => {
  const actual = jest.requireActual<typeof import('../../src/compliance')>('../../src/compliance');
  return { ...actual, runCompliance: jest.fn(actual.runCompliance) };
});
jest.mock('../../src/crypto', () => {
  const actual = jest.requireActual<typeof import('../../src/crypto')>('../../src/crypto');
  return { ...actual, writeCryptoReports: jest.fn(actual.writeCryptoReports) };
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
const compliance = require('../../src/compliance') as { runCompliance: jest.Mock; ALL_PACKS: { id: string; rules: unknown[] }[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const crypto = require('../../src/crypto') as { writeCryptoReports: jest.Mock };

const MINIMAL = 'examples/minimal/landing-zone.yaml';
const FULL = 'test/fixtures/landing-zones/full.yaml';

function hash(dir: string): string {
  const h = createHash('sha256');
  for (const [f, c] of [...readTree(dir)].sort(([a], [b]) => a.localeCompare(b))) h.update(f).update('\0').update(c);
  return h.digest('hex');
}

function previousOutput(): { out: string; before: string } {
  const out = join(tempDir(), 'out');
  expect(slz('synth', MINIMAL, '--out', out).code).toBe(0);
  return { out, before: hash(out) };
}

function noLeftovers(out: string): void {
  expect(readdirSync(join(out, '..')).filter((n) => n.includes('.slz-'))).toEqual([]);
}

afterEach(() => jest.clearAllMocks());

describe('slz synth when something fails after synthesis started', () => {
  it('leaves the previous output byte-identical when the compliance engine throws', () => {
    const { out, before } = previousOutput();
    compliance.runCompliance.mockImplementationOnce(() => {
      throw new Error('engine exploded');
    });
    const r = slz('synth', FULL, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^synth: engine exploded/m);
    expect(r.stderr).toMatch(/nothing was written/);
    expect(hash(out)).toBe(before);
    noLeftovers(out);
  });

  it('leaves the previous output byte-identical when writing a report fails (disk full)', () => {
    const { out, before } = previousOutput();
    crypto.writeCryptoReports.mockImplementationOnce(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    const r = slz('synth', FULL, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no space left on device/);
    expect(hash(out)).toBe(before);
    noLeftovers(out);
  });

  it('turns a rule that throws into an error finding and writes one complete new tree', () => {
    const { out, before } = previousOutput();
    const pack = compliance.ALL_PACKS.find((p) => p.id === 'vault-crypto')!;
    const throwing = {
      id: 'VC-TEST',
      pack: 'vault-crypto',
      level: 'warning',
      title: 'A rule with a bug',
      rationale: 'Injected by the test.',
      fix: 'None.',
      controls: [],
      scope: 'resource',
      resourceTypes: ['vault_transit_secret_backend_key'],
      check: () => {
        throw new Error('rule bug');
      },
    };
    pack.rules.push(throwing);
    try {
      const r = slz('synth', FULL, '--out', out);
      expect(r.code).toBe(1);
      expect(hash(out)).not.toBe(before);
      const report = JSON.parse(readFileSync(join(out, 'reports', 'compliance.json'), 'utf8')) as { findings: { ruleId: string; status: string; level: string }[] };
      expect(report.findings.filter((f) => f.ruleId === 'VC-TEST').every((f) => f.status === 'error' && f.level === 'error')).toBe(true);
      expect(report.findings.some((f) => f.ruleId === 'VC-TEST')).toBe(true);
      // The new tree is whole: every stack the manifest names, the marker, every report.
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { stacks: Record<string, { synthesizedStackPath: string }> };
      for (const s of nonEmpty(Object.values(manifest.stacks), 'stack in manifest.json')) expect(existsSync(join(out, s.synthesizedStackPath))).toBe(true);
      for (const f of ['.slz-output', 'slz-context.json', 'reports/compliance.json', 'reports/compliance.md', 'reports/compliance.sarif', 'reports/cbom.cdx.json', 'reports/pqc-readiness.md']) expect(existsSync(join(out, f))).toBe(true);
      noLeftovers(out);
    } finally {
      pack.rules.pop();
    }
  });
});
