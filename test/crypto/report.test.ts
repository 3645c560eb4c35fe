/** pqc-readiness.md, writeCryptoReports and `slz cbom` (runCbom). */
import { existsSync, readdirSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCbom } from '../../src/cli/commands/cbom';
import { CliError } from '../../src/cli/errors';
import type { Output } from '../../src/cli/output';
import { buildCryptoInventory, CBOM_FILE, PQC_READINESS_FILE, renderPqcReadiness, writeCryptoReports } from '../../src/crypto';
import { validateCbom } from '../../src/crypto/validate';
import { tempDir } from '../helpers/synth';
import { slz } from '../helpers/cli';
import { copy, FIXTURES, jsonResources, synthFixture, TODAY, type Tree } from './_trees';

let full: Tree;
let allTypes: Tree;
beforeAll(() => {
  full = synthFixture(FIXTURES.full);
  allTypes = synthFixture(FIXTURES.allTypes);
});

function capture(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { out: (t) => lines.push(t), err: (t) => errors.push(t), debug: false, lines, errors };
}

describe('renderPqcReadiness', () => {
  it('counts algorithms and keys by status and lists every quantum-vulnerable asset with its deadline and target', () => {
    const inv = buildCryptoInventory({ stacks: full.stacks, context: full.context, today: TODAY });
    const md = renderPqcReadiness(inv);
    expect(md).toContain('# Post-quantum readiness: moh');
    expect(md).toContain(`Checked on ${TODAY}`);
    // full.yaml: ECDSA-P-384 (role leaf keys) and ECDSA-P-384-SHA-384 (CA keys and signatures) are vulnerable;
    // 2 roots + 3 intermediates hold the 5 vulnerable keys.
    expect(md).toContain('| Quantum-vulnerable (Shor): migrate | 2 | 5 |');
    expect(md).toContain('| Post-quantum (FIPS 203/204/205) | 1 | 2 |');
    expect(md).toContain(`| **Total** | **${inv.assets.length}** | **${inv.keys.length}** |`);
    for (const a of inv.assets.filter((x) => x.status === 'quantum-vulnerable')) {
      const row = md.split('\n').find((l) => l.startsWith(`| ${a.name} |`));
      expect(row).toBeDefined();
      expect(row).toContain('2035-12-31');
      expect(row).toContain('from a draft');
      expect(row).toContain(a.target!.algorithm);
    }
    expect(md).toContain('| Capability | Vault Community | Vault Enterprise | OpenBao |');
    expect(md).toMatch(/\| Transit ML-DSA-44\/65\/87 signing keys \| no — Enterprise-only \(ErrPQCEntOnly\) \| yes from 1\.19, experimental .*\| yes from 2\.7: mldsa-44, mldsa-65, mldsa-87/);
    expect(md).toMatch(/\| Transit SLH-DSA signing keys \| no — Enterprise-only \(ErrPQCEntOnly\) \| yes from 1\.20, experimental .*\| no /);
    expect(md).toContain('Regions: cyberjaya runs Vault Enterprise 1.19 (assumed: no version declared); kulim runs Vault Enterprise 1.19 (assumed: no version declared).');
    // full.yaml runs Vault Enterprise without a version: the caveat names the server it judged.
    expect(md).toContain('- ML-DSA-87: Vault Enterprise 1.19 (assumed: no version declared): experimental ("should not be used in production")');
    expect(md).toContain("post-quantum mechanism from 2030-01-01. This is the project's own rule, built on an ANSSI recommendation");
  });

  it('does not call a national hybrid-PQ rule the project\'s own', () => {
    const inv = buildCryptoInventory({ stacks: full.stacks, context: full.context, today: TODAY });
    const md = renderPqcReadiness({ ...inv, policy: { ...inv.policy, requireHybridPqcAdoptedAs: 'national-rule' } });
    expect(md).toContain('post-quantum mechanism from 2030-01-01.');
    expect(md).not.toContain("project's own rule");
  });

  it('recommends ML-KEM for RSA encryption, a hybrid key for transit signatures, and notes hybrid halves', () => {
    const md = renderPqcReadiness(buildCryptoInventory({ stacks: allTypes.stacks, context: allTypes.context, today: TODAY }));
    expect(md).toMatch(/\| RSA-OAEP-4096 \|.*\*\*ML-KEM-1024\*\* \(ML-KEM\)/);
    expect(md).toMatch(/\| ECDSA-P-521 \|.*\*\*ML-DSA-87\+ECDSA-P-521\*\* \(hybrid\)/);
    expect(md).toContain('Classical halves of hybrid keys (already paired with a post-quantum half): Ed25519.');
    expect(md).toContain('| Hybrid (post-quantum + classical) | 2 | 2 |');
  });

  it('lists unknown and sub-256-bit symmetric assets', () => {
    const tree = copy(full);
    const [a, b] = jsonResources(tree.stacks, 'vault_transit_secret_backend_key');
    a!.body.type = 'managed_key';
    b!.body.type = 'aes128-gcm96';
    const md = renderPqcReadiness(buildCryptoInventory({ stacks: tree.stacks, context: tree.context, today: TODAY }));
    expect(md).toContain('## Unknown: cannot be classified (rule PQ-4)');
    expect(md).toContain('managed_key: the algorithm is defined by the external KMS/HSM key');
    expect(md).toMatch(/\| AES-128-GCM \| 128 \| AES-256-GCM \|/);
  });
});

describe('writeCryptoReports', () => {
  it('writes cbom.cdx.json (the exact BOM bytes) and pqc-readiness.md', () => {
    const inv = buildCryptoInventory({ stacks: full.stacks, context: full.context, today: TODAY });
    const dir = join(tempDir('slz-reports-'), 'reports');
    const paths = writeCryptoReports(inv, dir);
    expect(paths).toEqual({ cbom: join(dir, CBOM_FILE), readiness: join(dir, PQC_READINESS_FILE) });
    expect(readFileSync(paths.cbom, 'utf8')).toBe(inv.json);
    expect(readFileSync(paths.readiness, 'utf8')).toBe(renderPqcReadiness(inv));
  });
});

describe('runCbom', () => {
  it('writes DIR/reports/cbom.cdx.json and pqc-readiness.md and prints one summary line', () => {
    const tree = synthFixture(FIXTURES.full);
    const io = capture();
    expect(runCbom(tree.dir, {}, io)).toBe(0);
    const bom = JSON.parse(readFileSync(join(tree.dir, 'reports', CBOM_FILE), 'utf8')) as unknown;
    expect(validateCbom(bom).valid).toBe(true);
    expect(existsSync(join(tree.dir, 'reports', PQC_READINESS_FILE))).toBe(true);
    expect(io.lines).toHaveLength(1);
    expect(io.lines[0]).toMatch(/5 algorithms \(2 quantum-vulnerable, 0 unknown\), 23 keys, 5 CA certificates$/);
  });

  it('--out FILE writes the BOM there instead, leaving the tree alone', () => {
    const tree = synthFixture(FIXTURES.minimal);
    const out = join(tempDir('slz-cbom-out-'), 'nested', 'tenancy.cdx.json');
    const reports = join(tree.dir, 'reports');
    const before = existsSync(reports) ? readdirSync(reports).map((f) => [f, readFileSync(join(reports, f), 'utf8')]) : [];
    expect(runCbom(tree.dir, { out }, capture())).toBe(0);
    expect(validateCbom(readFileSync(out, 'utf8')).valid).toBe(true);
    const after = existsSync(reports) ? readdirSync(reports).map((f) => [f, readFileSync(join(reports, f), 'utf8')]) : [];
    expect(after).toEqual(before);
    // Same bytes as building it in-process.
    expect(readFileSync(out, 'utf8')).toBe(buildCryptoInventory({ stacks: tree.stacks, context: tree.context, today: TODAY }).json);
  });

  function failure(f: () => unknown): CliError {
    try {
      f();
    } catch (e) {
      if (e instanceof CliError) return e;
      throw e;
    }
    throw new Error('expected a CliError');
  }

  it('exits 2 with a one-line reason for a missing directory', () => {
    const e = failure(() => runCbom(join(tempDir(), 'nope'), {}, capture()));
    expect(e.exitCode).toBe(2);
    expect(e.lines).toHaveLength(1);
    expect(e.lines[0]).toMatch(/^cbom: .*does not exist$/);
  });

  it('exits 2 for a directory that is not a synthesized tree, or a malformed stack or context', () => {
    const empty = tempDir();
    const e1 = failure(() => runCbom(empty, {}, capture()));
    expect(e1.exitCode).toBe(2);
    expect(e1.lines[0]).toContain('no stacks/ folder');

    const broken = tempDir();
    mkdirSync(join(broken, 'stacks', 'x'), { recursive: true });
    writeFileSync(join(broken, 'stacks', 'x', 'cdk.tf.json'), '{ not json');
    const e2 = failure(() => runCbom(broken, {}, capture()));
    expect(e2.exitCode).toBe(2);
    expect(e2.lines).toHaveLength(1);
    expect(e2.lines[0]).toContain('is not valid JSON');

    const badContext = synthFixture(FIXTURES.minimal).dir;
    writeFileSync(join(badContext, 'slz-context.json'), '{"apiVersion":"other"}');
    const e3 = failure(() => runCbom(badContext, {}, capture()));
    expect(e3.exitCode).toBe(2);
    expect(e3.lines[0]).toMatch(/^cbom: slz-context\.json is not an slz synth context \(apiVersion: .*slz\/v1/);
  });

  it('defaults DIR to cdktf.out', () => {
    const cwd = process.cwd();
    process.chdir(tempDir());
    try {
      const e = failure(() => runCbom(undefined, {}, capture()));
      expect(e.lines[0]).toBe('cbom: cdktf.out does not exist');
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('slz cbom --serial-number', () => {
  it('derives the serial number from the content by default and omits it on request', () => {
    const tree = synthFixture(FIXTURES.minimal);
    const derived = join(tempDir('slz-cbom-serial-'), 'derived.cdx.json');
    const omitted = join(tempDir('slz-cbom-serial-'), 'omitted.cdx.json');
    expect(slz('cbom', tree.dir, '--out', derived).code).toBe(0);
    expect(slz('cbom', tree.dir, '--out', omitted, '--serial-number', 'omit').code).toBe(0);
    expect((JSON.parse(readFileSync(derived, 'utf8')) as { serialNumber?: string }).serialNumber).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(JSON.parse(readFileSync(omitted, 'utf8'))).not.toHaveProperty('serialNumber');
    expect(slz('cbom', tree.dir, '--serial-number', 'random').code).toBe(2);
  });
});
