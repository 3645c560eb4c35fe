/** Construct path → landing-zone node → line: the pieces, then the whole chain on a synthesized tree. */
import fc from 'fast-check';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { locatePointer, pointerFor, SourceLocator } from '../../src/synthesized/source-map';
import { synthTree, tempDir } from '../helpers/synth';

const TEXT = `# comment
apiVersion: slz/v1
tenants:
  - name: a
    keys:
      - { name: k1, rotateDays: 90 }
      - name: k2
        rotateDays: 30
logging:
  sink: { type: syslog }
`;

describe('locatePointer', () => {
  it.each([
    ['/tenants', 3, 1],
    ['/tenants/0', 4, 5],
    ['/tenants/0/keys/0', 6, 9],
    ['/tenants/0/keys/1', 7, 9],
    ['/tenants/0/keys/1/rotateDays', 8, 9],
    ['/logging/sink', 10, 3],
  ])('%s is at line %i, column %i', (pointer, line, column) => {
    const r = locatePointer(TEXT, pointer)!;
    expect([r.pointer, r.startLine, r.startColumn]).toEqual([pointer, line, column]);
  });
  it('falls back to the deepest node present (a section left to its default)', () => {
    expect(locatePointer(TEXT, '/tenants/0/quota')).toMatchObject({ pointer: '/tenants/0', startLine: 4 });
    expect(locatePointer(TEXT, '/state')).toMatchObject({ pointer: '', startLine: 2 });
  });
  it('finds every key of any nested document on the line that names it', () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
    const doc = fc.letrec((tie) => ({ node: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.dictionary(key, tie('node'), { minKeys: 1, maxKeys: 4 }), fc.array(tie('node'), { minLength: 1, maxLength: 3 })) })).node;
    fc.assert(
      fc.property(fc.dictionary(key, doc, { minKeys: 1, maxKeys: 5 }), (obj) => {
        const text = stringify(obj);
        const lines = text.split('\n');
        const walk = (v: unknown, pointer: string): void => {
          if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${pointer}/${i}`));
          else if (v && typeof v === 'object') {
            for (const [k, x] of Object.entries(v)) {
              const r = locatePointer(text, `${pointer}/${k}`)!;
              expect(r.pointer).toBe(`${pointer}/${k}`);
              expect(lines[r.startLine - 1]!.slice(r.startColumn - 1).startsWith(`${k}:`)).toBe(true);
              walk(x, `${pointer}/${k}`);
            }
          }
        };
        walk(obj, '');
      }),
    );
  });
});

describe('pointerFor', () => {
  const sources = { '': '/tenants/0', keys: '/tenants/0/keys', 'keys/key-a': '/tenants/0/keys/0' };
  it.each([
    ['s/keys/key-a', '/tenants/0/keys/0'],
    ['s/keys/key-a/sub', '/tenants/0/keys/0'],
    ['s/keys/key-ab', '/tenants/0/keys'],
    ['s/namespace/Quota', '/tenants/0'],
    ['s', '/tenants/0'],
    ['other/keys', undefined],
  ])('%s → %s (longest recorded path, whole segments only)', (path, pointer) => {
    expect(pointerFor(sources, 's', path)).toBe(pointer);
  });
});

describe('SourceLocator on a synthesized tree', () => {
  it('maps a tenant key, a tenant egress rule and the state backend to their lines in the file', () => {
    const tree = synthTree('test/fixtures/review/head.yaml');
    const loc = SourceLocator.forTree(tree.dir)!;
    const lines = (n: number) => readFileSync('test/fixtures/review/head.yaml', 'utf8').split('\n')[n - 1]!;
    const stack = 'moh-tenant-patient-records-cyberjaya';
    expect(loc.locate(stack, `${stack}/keys/kv`)).toMatchObject({ uri: 'test/fixtures/review/head.yaml', uriBaseId: '%SRCROOT%' });
    expect(lines(loc.locate(stack, `${stack}/firewall/AllowEgress-mykad-verify`)!.startLine)).toMatch(/name: mykad-verify, cidr: 10\.30\.0\.0\/16/);
    expect(lines(loc.locate(stack, `${stack}/namespace/Quota`)!.startLine)).toMatch(/quota: \{ cpu: "8"/);
    expect(lines(loc.locate(stack, `${stack}/workload-identity/role-api`)!.startLine)).toMatch(/serviceAccount: api/);
    expect(loc.locate(stack, `${stack}/backend/pg`)!.pointer).toBe('/state');
  });
  it('points nowhere in the file once it changed after synthesis (its lines may have moved)', () => {
    const dir = tempDir();
    copyFileSync('test/fixtures/review/head.yaml', join(dir, 'lz.yaml'));
    const tree = synthTree(join(dir, 'lz.yaml'), join(dir, 'out'));
    expect(SourceLocator.forTree(tree.dir)).toBeDefined();
    writeFileSync(join(dir, 'lz.yaml'), `# a comment shifts every line\n${readFileSync(join(dir, 'lz.yaml'), 'utf8')}`);
    expect(SourceLocator.forTree(tree.dir)).toBeUndefined();
  });
});
