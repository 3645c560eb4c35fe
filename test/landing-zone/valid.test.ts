/**
 * Valid landing zones: the minimal example, its re-encoded copies, defaults, and the JSON Schema
 * that `slz schema` prints for editors.
 */
import Ajv2020 from 'ajv/dist/2020';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { decodeText, loadLandingZone, parseLandingZone, validateLandingZone, type ResolvedLandingZone, type ValidationResult } from '../../src/landing-zone';
import { slz, STACK_TRACE } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');
const MINIMAL = join(ROOT, 'examples', 'minimal', 'landing-zone.yaml');
const VALID = join(__dirname, '..', 'fixtures', 'valid');
const TODAY = '2026-06-01';

const minimalText = readFileSync(MINIMAL, 'utf8');
const minimalDoc = (): Record<string, unknown> => parseYaml(minimalText) as Record<string, unknown>;

function okValue(r: ValidationResult): ResolvedLandingZone {
  if (!r.ok) throw new Error(`expected a valid landing zone, got:\n${r.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
  return r.value;
}

describe('the minimal example', () => {
  it('validates on the command line (exit 0, nothing on stderr but warnings)', () => {
    const r = slz('validate', MINIMAL);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: valid — MY SULIT \(level 3, CONFIDENTIAL, strict\), 1 region, 1 tenant/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^warning: /);
  });

  it('reports MY, ordinal 3 and strict in --json', () => {
    const r = slz('validate', MINIMAL, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ valid: true, jurisdiction: 'MY', ordinal: 3, level: 'CONFIDENTIAL', strict: true });
  });

  it('resolves to MY, ordinal 3, strict, on the OSA scheme, at a catalogued in-country private site', () => {
    const v = okValue(loadLandingZone(MINIMAL, { today: TODAY }));
    expect(v.jurisdiction.countryCode).toBe('MY');
    expect(v.ordinal).toBe(3);
    expect(v.level).toBe('CONFIDENTIAL');
    expect(v.strict).toBe(true);
    expect(v.classificationScheme).toBe('MY-OSA-1972');
    expect(v.sites).toHaveLength(1);
    expect(v.sites[0]).toMatchObject({ country: 'MY', operatorJurisdiction: 'MY', deployment: 'private', declared: false });
    expect(v.sites[0]!.catalogued).toMatchObject({ provider: 'mygovcloud', id: 'pdsa' });
  });

  it('gives the same result from validateLandingZone on the parsed document as from the file', () => {
    const fromFile = loadLandingZone(MINIMAL, { today: TODAY });
    const fromDoc = validateLandingZone(minimalDoc(), { today: TODAY });
    const fromText = parseLandingZone(minimalText, { today: TODAY });
    expect(fromDoc).toEqual(fromFile);
    expect(fromText).toEqual(fromFile);
  });

  it('does not change the document it is given', () => {
    const doc = minimalDoc();
    const before = structuredClone(doc);
    validateLandingZone(doc, { today: TODAY });
    expect(doc).toEqual(before);
  });
});

describe('re-encoded copies of the minimal example', () => {
  const reference = okValue(loadLandingZone(MINIMAL, { today: TODAY })).spec;

  it.each(['utf16le-bom.yaml', 'utf16be-bom.yaml', 'utf8-bom.yaml'])('the committed %s validates (exit 0)', (name) => {
    const r = slz('validate', join(VALID, name));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid — MY SULIT \(level 3, CONFIDENTIAL, strict\)/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('the committed fixtures really are UTF-16 / UTF-8 with a byte-order mark', () => {
    expect([...readFileSync(join(VALID, 'utf16le-bom.yaml')).subarray(0, 4)]).toEqual([0xff, 0xfe, 0x23, 0x00]);
    expect([...readFileSync(join(VALID, 'utf16be-bom.yaml')).subarray(0, 4)]).toEqual([0xfe, 0xff, 0x00, 0x23]);
    expect([...readFileSync(join(VALID, 'utf8-bom.yaml')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  describe('copies made now from the current example', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(process.env.SLZ_TEST_TMP ?? tmpdir(), 'slz-encodings-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const utf16be = (text: string): Buffer => {
      const b = Buffer.from(text, 'utf16le');
      b.swap16();
      return b;
    };
    const encodings: [string, (text: string) => Buffer][] = [
      ['UTF-16LE with BOM', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
      ['UTF-16BE with BOM', (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(t)])],
      ['UTF-8 with BOM', (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')])],
      ['UTF-8 with CRLF line ends', (t) => Buffer.from(t.replace(/\n/g, '\r\n'), 'utf8')],
    ];

    it.each(encodings)('%s gives exactly the same landing zone', (label, encode) => {
      const file = join(dir, `${label.replace(/\W+/g, '-')}.yaml`);
      writeFileSync(file, encode(minimalText));
      expect(okValue(loadLandingZone(file, { today: TODAY })).spec).toEqual(reference);
    });
  });
});

describe('defaults', () => {
  const spec = okValue(validateLandingZone(minimalDoc(), { today: TODAY })).spec;

  it('fills in the documented defaults of the minimal example', () => {
    expect(spec.state).toEqual({ backend: 'local' });
    expect(spec.regions[0]!.vault).toMatchObject({ dialect: 'vault', edition: 'community' });
    expect(spec.network).toMatchObject({ egress: [], ingress: [] });
    expect(spec.exemptions).toEqual([]);
    expect(spec.tenants[0]).toMatchObject({ egress: [], ingress: [] });
    expect(spec.tenants[0]!.workloads[0]).toMatchObject({ kv: false });
    expect(spec.pki).toBeUndefined();
    expect(spec.identity).toBeUndefined();
  });

  it('defaults a key to AES-256-GCM and a tenant to no keys', () => {
    const doc = minimalDoc() as { tenants: { keys?: unknown[]; workloads?: unknown[] }[] };
    doc.tenants[0]!.keys = [{ name: 'records', purpose: 'encryption', rotateDays: 365 }];
    const withKey = okValue(validateLandingZone(doc, { today: TODAY })).spec;
    expect(withKey.tenants[0]!.keys[0]!.algorithm).toBe('aes256-gcm96');

    delete doc.tenants[0]!.keys;
    delete doc.tenants[0]!.workloads;
    const bare = okValue(validateLandingZone(doc, { today: TODAY })).spec;
    expect(bare.tenants[0]!.keys).toEqual([]);
    expect(bare.tenants[0]!.workloads).toEqual([]);
  });

  it('fills PKI, OIDC, egress and cluster DNS defaults', () => {
    const doc = minimalDoc() as Record<string, unknown> & { network: Record<string, unknown>; tenants: Record<string, unknown>[]; regions: { kubernetes: Record<string, unknown> }[] };
    doc.pki = { domains: ['agency.example.gov.my'] };
    doc.identity = { oidc: { issuer: 'https://id.agency.example.gov.my', clientId: 'slz', adminGroups: ['platform'] } };
    doc.network.egress = [{ name: 'his', cidr: '10.20.0.0/16', ports: [443] }];
    doc.tenants[0]!.egress = ['his'];
    doc.regions[0]!.kubernetes.dns = {};
    const v = okValue(validateLandingZone(doc, { today: TODAY })).spec;
    expect(v.pki).toMatchObject({ keyType: 'ec', keyBits: 384, rootTtlDays: 3650, intermediateTtlDays: 1095, leafMaxTtlHours: 720 });
    expect(v.identity?.oidc).toMatchObject({ groupsClaim: 'groups', userClaim: 'sub' });
    expect(v.network?.egress[0]).toMatchObject({ protocol: 'TCP' });
    expect(v.regions[0]!.kubernetes.dns).toEqual({ namespace: 'kube-system', podLabels: { 'k8s-app': 'kube-dns' } });
  });

  it('turns strict mode off below CONFIDENTIAL and on at or above it, unless the file says otherwise', () => {
    const terhad = { ...minimalDoc(), classification: 'Terhad' };
    const low = okValue(validateLandingZone(terhad, { today: TODAY }));
    expect(low.ordinal).toBe(2);
    expect(low.strict).toBe(false);

    const off = { ...minimalDoc(), compliance: { strict: false } };
    const r = validateLandingZone(off, { today: TODAY });
    expect(okValue(r).strict).toBe(false);
    expect(r.ok && r.warnings.some((w) => w.path === 'compliance.strict')).toBe(true);
  });
});

describe('slz schema', () => {
  const run = slz('schema');
  const schema = JSON.parse(run.stdout) as Record<string, unknown>;

  function compile(): (doc: unknown) => boolean {
    const ajv = schema.$schema === 'https://json-schema.org/draft/2020-12/schema' ? new Ajv2020({ strict: false, allErrors: true }) : new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    return ajv.compile(schema);
  }

  it('prints one JSON document on stdout and exits 0', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
  });

  it('lists the required top-level keys of DESIGN.md §3', () => {
    expect([...(schema.required as string[])].sort()).toEqual(['apiVersion', 'classification', 'jurisdiction', 'kind', 'logging', 'metadata', 'regions', 'tenants']);
  });

  it('compiles with ajv and accepts the minimal example', () => {
    const validate = compile();
    expect(validate(minimalDoc())).toBe(true);
  });

  it.each(['utf16le-bom.yaml', 'utf16be-bom.yaml', 'utf8-bom.yaml'])('accepts %s as the loader decodes it', (name) => {
    const validate = compile();
    const decoded = decodeText(readFileSync(join(VALID, name)));
    if (!('text' in decoded)) throw new Error(decoded.error);
    expect(validate(parseYaml(decoded.text))).toBe(true);
  });

  it('rejects an unknown top-level key, a missing required key and a wrong type', () => {
    const validate = compile();
    expect(validate({ ...minimalDoc(), bogus: 1 })).toBe(false);
    const noKind = minimalDoc();
    delete noKind.kind;
    expect(validate(noKind)).toBe(false);
    expect(validate({ ...minimalDoc(), regions: 'cyberjaya' })).toBe(false);
    expect(validate({ ...minimalDoc(), apiVersion: 'slz/v2' })).toBe(false);
  });
});
