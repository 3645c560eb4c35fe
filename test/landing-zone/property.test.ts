/**
 * Property tests: whatever a landing-zone document or text holds, the loader and validator never
 * throw; they either accept it or return problems that each name a path and say what is wrong.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { formatPath, parseLandingZone, validateLandingZone, type PathSegment, type ValidationResult } from '../../src/landing-zone';
import { landingZoneDocArb } from '../helpers/landing-zone-arbitrary';

const MINIMAL_TEXT = readFileSync(join(__dirname, '..', '..', 'examples', 'minimal', 'landing-zone.yaml'), 'utf8');
const MINIMAL = parseYaml(MINIMAL_TEXT) as Record<string, unknown>;
const TODAY = '2026-06-01';
const RUNS = { numRuns: 200 };

/** The contract every result must keep, valid or not. */
function assertWellFormed(r: ValidationResult): void {
  if (r.ok) {
    expect(r.value.spec).toBeDefined();
    for (const w of r.warnings) expect(w.severity).toBe('warning');
    return;
  }
  expect(r.problems.length).toBeGreaterThan(0);
  expect(r.problems.some((p) => p.severity === 'error')).toBe(true);
  for (const p of r.problems) {
    expect(typeof p.path).toBe('string');
    expect(p.path.length).toBeGreaterThan(0);
    expect(typeof p.message).toBe('string');
    expect(p.message.trim().length).toBeGreaterThan(0);
    if (p.hint !== undefined) expect(p.hint.trim().length).toBeGreaterThan(0);
    // Every error says how to fix it (and, for a schema message, why the field exists).
    if (p.severity === 'error') expect({ path: p.path, message: p.message, hint: p.hint }).toEqual({ path: p.path, message: p.message, hint: expect.stringMatching(/\S/) });
  }
}

describe('validateLandingZone on arbitrary values', () => {
  it('never throws on fc.anything()', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withSparseArray: true, withBoxedValues: true }), (doc) => {
        assertWellFormed(validateLandingZone(doc, { today: TODAY }));
      }),
      RUNS,
    );
  });

  it('never throws on fc.object(), and refuses what is not a landing zone', () => {
    fc.assert(
      fc.property(fc.object({ maxDepth: 3 }), (doc) => {
        const r = validateLandingZone(doc, { today: TODAY });
        assertWellFormed(r);
        // A random object lacks apiVersion: slz/v1 (and everything else), so it can never be valid.
        expect(r.ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('never throws on objects whose keys are the real top-level keys with random values', () => {
    const keys = Object.keys(MINIMAL).concat(['network', 'pki', 'identity', 'state', 'compliance', 'exemptions']);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), fc.anything({ maxDepth: 3 })), (doc) => {
        assertWellFormed(validateLandingZone(doc, { today: TODAY }));
      }),
      RUNS,
    );
  });
});

// ------------------------------------------------------------------------------------------------
// Mutations of the minimal example.

type Json = unknown;

function collectPaths(node: Json, path: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  if (path.length > 0) out.push(path);
  if (Array.isArray(node)) node.forEach((v, i) => collectPaths(v, [...path, i], out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) collectPaths(v, [...path, k], out);
  return out;
}

function getAt(doc: Json, path: readonly PathSegment[]): Json {
  let cur = doc;
  for (const seg of path) cur = (cur as Record<string | number, Json> | undefined)?.[seg];
  return cur;
}

function typeOf(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

const ALL_PATHS = collectPaths(MINIMAL);
const LEAF_PATHS = ALL_PATHS.filter((p) => typeOf(getAt(MINIMAL, p)) !== 'object' && typeOf(getAt(MINIMAL, p)) !== 'array');
/** Mappings of the minimal example: all strict (no free-form records), so any new key is unknown. */
const MAPPING_PATHS: PathSegment[][] = [[], ...ALL_PATHS.filter((p) => typeOf(getAt(MINIMAL, p)) === 'object')];

type Mutation =
  | { readonly kind: 'delete'; readonly path: PathSegment[] }
  | { readonly kind: 'replace'; readonly path: PathSegment[]; readonly value: Json }
  | { readonly kind: 'insert'; readonly path: PathSegment[]; readonly key: string; readonly value: Json };

const jsonValue = fc.jsonValue({ maxDepth: 2 });

const deletion = fc.constantFrom(...ALL_PATHS).map((path): Mutation => ({ kind: 'delete', path }));
const replacement = fc
  .constantFrom(...LEAF_PATHS)
  .chain((path) => jsonValue.filter((v) => typeOf(v) !== typeOf(getAt(MINIMAL, path))).map((value): Mutation => ({ kind: 'replace', path, value })));
/** `x-` keeps the key unknown: no schema key starts with it. */
const unknownKey = fc.string({ minLength: 1, maxLength: 12 }).map((s) => `x-${s}`);
const insertion = fc.record({ path: fc.constantFrom(...MAPPING_PATHS), key: unknownKey, value: jsonValue }).map((m): Mutation => ({ kind: 'insert', ...m }));
const mutation = fc.oneof(deletion, replacement, insertion);

function apply(doc: Json, m: Mutation): Json {
  if (m.path.length === 0 && m.kind === 'insert') {
    (doc as Record<string, Json>)[m.key] = m.value;
    return doc;
  }
  const parent = getAt(doc, m.path.slice(0, -1)) as Record<string | number, Json> | Json[] | undefined;
  if (parent === null || typeof parent !== 'object') return doc;
  const last = m.path[m.path.length - 1]!;
  switch (m.kind) {
    case 'delete':
      if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
      else delete (parent as Record<string | number, Json>)[last];
      break;
    case 'replace':
      (parent as Record<string | number, Json>)[last] = m.value;
      break;
    case 'insert': {
      const target = (parent as Record<string | number, Json>)[last];
      if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, Json>)[m.key] = m.value;
      break;
    }
  }
  return doc;
}

function mutated(...ms: Mutation[]): Json {
  return ms.reduce((doc, m) => apply(doc, m), structuredClone(MINIMAL) as Json);
}

/** True when `prefix` is `path` or one of its ancestors, as printed. */
function isSameOrAncestor(prefix: string, path: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

describe('mutations of the minimal example', () => {
  it('the minimal example itself is valid (the baseline the mutations start from)', () => {
    expect(validateLandingZone(structuredClone(MINIMAL), { today: TODAY }).ok).toBe(true);
  });

  it('never throw, whatever one to three mutations do', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
        assertWellFormed(validateLandingZone(mutated(...ms), { today: TODAY }));
      }),
      RUNS,
    );
  });

  it('reject an unknown key and name it by its path', () => {
    fc.assert(
      fc.property(insertion, (m) => {
        const r = validateLandingZone(mutated(m), { today: TODAY });
        assertWellFormed(r);
        expect(r.ok).toBe(false);
        if (r.ok || m.kind !== 'insert') return;
        const expected = formatPath([...m.path, m.key]);
        expect(r.problems.map((p) => p.path)).toContain(expected);
        expect(r.problems.find((p) => p.path === expected)?.message).toBe('is not a known key');
      }),
      RUNS,
    );
  });

  it('reject a leaf of the wrong type at that leaf (or an ancestor of it)', () => {
    fc.assert(
      fc.property(replacement, (m) => {
        const r = validateLandingZone(mutated(m), { today: TODAY });
        assertWellFormed(r);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        const at = formatPath(m.path);
        expect(r.problems.some((p) => p.severity === 'error' && isSameOrAncestor(p.path, at))).toBe(true);
      }),
      RUNS,
    );
  });

  it('report a deleted required key at its own path', () => {
    const required = ['apiVersion', 'kind', 'metadata', 'jurisdiction', 'classification', 'regions', 'tenants', 'logging'];
    for (const key of required) {
      const r = validateLandingZone(mutated({ kind: 'delete', path: [key] }), { today: TODAY });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems).toContainEqual(expect.objectContaining({ path: key, message: 'is required' }));
    }
  });
});

describe('mutations of generated landing zones', () => {
  // Every optional section, the state backends, PKI, OIDC and exemptions: a shape error anywhere
  // leaves a partly parsed document, and every cross-field check must tolerate the missing field.
  const damaged = landingZoneDocArb.chain((doc) => {
    const paths = collectPaths(doc);
    const edit = fc.record({ path: fc.constantFrom(...paths), op: fc.constantFrom('delete' as const, 'replace' as const), value: jsonValue });
    return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
      const copy = structuredClone(doc) as Json;
      for (const e of edits) apply(copy, e.op === 'delete' ? { kind: 'delete', path: e.path } : { kind: 'replace', path: e.path, value: e.value });
      return copy;
    });
  });

  it('never throw, whatever one to three deletions or replacements do', () => {
    fc.assert(
      fc.property(damaged, (doc) => {
        assertWellFormed(validateLandingZone(doc, { today: TODAY }));
      }),
      { numRuns: 100 },
    );
  });
});

// ------------------------------------------------------------------------------------------------
// Random text.

/** Pieces of YAML syntax, so random text reaches the parser's corners rather than plain scalars. */
const yamlPiece = fc.constantFrom(
  'a:', 'apiVersion: slz/v1', 'kind: LandingZone', 'regions:', ' ', '  ', '\n', '\t', '- ', '[', ']', '{', '}', ',', ':', '? ', '&a ', '*a', '&b [*a,*a]',
  '!!str ', '!!binary ', '!custom ', '"', "'", '#', '---', '...', '|', '>', '%YAML 1.2', '%TAG ! tag:x:', '\\', '\u0000', '\uFEFF', 'hvs.', '0x1F', '1e999', 'null', '~', '<<: *a',
);

describe('parseLandingZone on random text', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        assertWellFormed(parseLandingZone(text, { today: TODAY }));
      }),
      RUNS,
    );
  });

  it('never throws on strings built from YAML syntax', () => {
    fc.assert(
      fc.property(fc.array(yamlPiece, { maxLength: 40 }).map((a) => a.join('')), (text) => {
        assertWellFormed(parseLandingZone(text, { today: TODAY }));
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary strings read as a .json file', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 100 }), fc.json()), (text) => {
        assertWellFormed(parseLandingZone(text, { today: TODAY, fileName: 'landing-zone.json' }));
      }),
      RUNS,
    );
  });

  it('never throws when random characters are spliced into the minimal example', () => {
    const edit = fc.record({ at: fc.nat({ max: MINIMAL_TEXT.length }), cut: fc.nat({ max: 8 }), insert: fc.oneof(yamlPiece, fc.string({ maxLength: 4 })) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const text = edits.reduce((t, e) => t.slice(0, e.at) + e.insert + t.slice(e.at + e.cut), MINIMAL_TEXT);
        assertWellFormed(parseLandingZone(text, { today: TODAY }));
      }),
      RUNS,
    );
  });

  it('round-trips a valid document through JSON text', () => {
    const r = parseLandingZone(JSON.stringify(MINIMAL), { today: TODAY, fileName: 'landing-zone.json' });
    expect(r.ok).toBe(true);
  });
});
