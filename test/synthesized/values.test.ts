/** The one reader of synthesized values: expressions, markers, both block shapes, typed reads. */
import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { block, blocks, boolOf, durationSeconds, entries, isExpression, isUnresolved, literal, numberValue, read, readBool, readNumber, readString, readStringList, stringList, stringMap, unresolvedText, valueAt } from '../../src/synthesized/values';

class Marker {
  constructor(readonly expr?: string) {}
}

describe('expressions and unresolved values', () => {
  it.each([
    ['${var.x}', true],
    ['prefix-${aws_s3_bucket.b.id}', true],
    ['%{ if true }x%{ endif }', true],
    ['$${HOSTNAME}', false],
    ['%%{literal}', false],
    ['plain', false],
    ['$ {not}', false],
  ])('%s is an expression: %s', (text, expected) => {
    expect(isExpression(text)).toBe(expected);
    expect(isUnresolved(text)).toBe(expected);
  });

  it('treats a class instance (a caller\'s marker) as unresolved, and plain objects of any realm as values', () => {
    expect(isUnresolved(new Marker())).toBe(true);
    expect(isUnresolved({ a: 1 })).toBe(false);
    expect(isUnresolved(Object.create(null))).toBe(false);
    expect(isUnresolved(structuredClone({ a: 1 }))).toBe(false);
    expect(isUnresolved(runInNewContext('({ a: 1 })'))).toBe(false);
    expect(isUnresolved([1])).toBe(false);
    expect(isExpression(new Marker('${x}'))).toBe(false);
  });

  it('names an unresolved value by its expression', () => {
    expect(unresolvedText('${a.b.c}')).toBe('${a.b.c}');
    expect(unresolvedText(new Marker('${a.b.c}'))).toBe('${a.b.c}');
    expect(unresolvedText(new Marker())).toBe('(known only at apply)');
  });

  it('never calls a string without ${ or %{ an expression', () => {
    fc.assert(fc.property(fc.string().filter((s) => !s.includes('${') && !s.includes('%{')), (s) => !isExpression(s)));
  });
});

describe('blocks in both shapes', () => {
  it('reads a single block from an object or a one-element list, never from a marker', () => {
    expect(block({ a: 1 })).toEqual({ a: 1 });
    expect(block([{ a: 1 }])).toEqual({ a: 1 });
    expect(block([])).toBeUndefined();
    expect(block(new Marker())).toBeUndefined();
    expect(block('${x}')).toBeUndefined();
  });

  it('reads repeated blocks, leaving out what is not a block', () => {
    expect(blocks([{ a: 1 }, 'x', new Marker(), { b: 2 }])).toEqual([{ a: 1 }, { b: 2 }]);
    expect(blocks({ a: 1 })).toEqual([{ a: 1 }]);
    expect(blocks(undefined)).toEqual([]);
    expect(entries([1, 'x'])).toEqual([1, 'x']);
    expect(entries('one')).toEqual(['one']);
    expect(entries(null)).toEqual([]);
  });
});

describe('scalars', () => {
  it('keeps literals apart from references', () => {
    expect(literal('a')).toBe('a');
    expect(literal(3)).toBe('3');
    expect(literal('${x}')).toBeUndefined();
    expect(literal('$${x}')).toBe('$${x}');
    expect(literal(true)).toBeUndefined();
    expect(boolOf('true')).toBe(true);
    expect(boolOf(false)).toBe(false);
    expect(boolOf('${x}')).toBe('unresolved');
    expect(boolOf(new Marker())).toBe('unresolved');
    expect(boolOf('yes')).toBeUndefined();
  });

  it('reads string lists and maps, marking references', () => {
    expect(stringList(['a', 1, '${x}'])).toEqual({ items: ['a', '1'], unresolved: true });
    expect(stringList([new Marker(), 'b'])).toEqual({ items: ['b'], unresolved: true });
    expect(stringList('${x}')).toEqual({ items: [], unresolved: true });
    expect(stringMap({ a: '1' })).toEqual({ a: '1' });
    expect(stringMap('${x}')).toBe('unresolved');
    expect(stringMap(null)).toBeUndefined();
  });

  it('reads numbers and durations as Terraform and Vault write them', () => {
    expect(numberValue('42')).toBe(42);
    expect(numberValue(' -1.5 ')).toBe(-1.5);
    expect(numberValue('1e3')).toBeUndefined();
    expect(durationSeconds('1h30m')).toBe(5400);
    expect(durationSeconds(90)).toBe(90);
    expect(durationSeconds('720h')).toBe(2592000);
    expect(durationSeconds('soon')).toBeUndefined();
  });
});

describe('paths', () => {
  const body = { metadata: [{ name: 'n', labels: { 'a/b': 'c' } }], spec: { ref: '${x.y.z}', hard: { cpu: '2' } }, list: ['a', 'b'] };

  it('reads through plan-shaped lists and stops at references', () => {
    expect(read(body, 'metadata.name')).toEqual({ kind: 'value', value: 'n' });
    expect(read(body, 'metadata.labels["a/b"]')).toEqual({ kind: 'value', value: 'c' });
    expect(read(body, 'spec.ref.deeper')).toEqual({ kind: 'unresolved', expression: '${x.y.z}' });
    expect(read(body, 'list[1]')).toEqual({ kind: 'value', value: 'b' });
    expect(read(body, 'spec.constructor')).toEqual({ kind: 'absent' });
    expect(read({ m: new Marker('${m}') }, 'm.x')).toEqual({ kind: 'unresolved', expression: '${m}' });
  });

  it('gives the raw value with valueAt, markers included, and nothing below them', () => {
    const m = new Marker('${m}');
    expect(valueAt({ a: [{ b: m }] }, 'a', 'b')).toBe(m);
    expect(valueAt({ a: m }, 'a', 'b')).toBeUndefined();
    expect(valueAt({ a: null }, 'a')).toBeNull();
    expect(valueAt(body, 'spec', 'hard', 'cpu')).toBe('2');
  });

  it('agrees with read wherever read finds a value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.constantFrom('a', 'b', 0, 1), { maxLength: 3 }), (tree, path) => {
        const r = read(tree, path);
        if (r.kind === 'value') expect(valueAt(tree, ...path)).toEqual(r.value);
      }),
    );
  });

  it('types what it reads', () => {
    expect(readBool({ f: 'false' }, 'f')).toEqual({ kind: 'value', value: false });
    expect(readBool({ f: 'no' }, 'f')).toEqual({ kind: 'invalid', value: 'no' });
    expect(readNumber({ n: '8' }, 'n')).toEqual({ kind: 'value', value: 8 });
    expect(readString({ s: 5 }, 's')).toEqual({ kind: 'value', value: '5' });
    expect(readString({ s: {} }, 's')).toEqual({ kind: 'invalid', value: {} });
    expect(readStringList({ l: ['a', '${x}'] }, 'l')).toEqual({ kind: 'unresolved', expression: '${x}' });
    expect(readStringList({ l: ['a', 1] }, 'l')).toEqual({ kind: 'invalid', value: ['a', 1] });
  });
});
