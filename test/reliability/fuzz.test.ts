/**
 * Fuzzing the two readers of untrusted input with random mutations of valid documents: the
 * landing-zone loader and the plan reader. Each mutant must be answered — a result, or a clean
 * input error with a path — never a crash. `npm test` runs a bounded number of cases; `npm run
 * fuzz` runs many more (FUZZ_RUNS).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseLandingZone } from '../../src/landing-zone';
import { renderJson, renderMarkdown, renderSarif, reviewPlans, ReviewInputError } from '../../src/review';
import { planCorpus } from '../helpers/plan-corpus';
import { tempDir } from '../helpers/synth';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const planTexts = planCorpus().map((p) => readFileSync(p.path, 'utf8'));
const landingZones = readdirSync('examples')
  .filter((e) => !['ci'].includes(e))
  .map((e) => readFileSync(join('examples', e, 'landing-zone.yaml'), 'utf8'));

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value in a JSON document. */
function paths(doc: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(doc)) doc.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (doc && typeof doc === 'object') for (const [k, v] of Object.entries(doc)) paths(v, [...prefix, k], out);
  return out;
}

function mutate(doc: Json, path: (string | number)[], op: 'delete' | 'replace', value: Json): Json {
  if (path.length === 0) return op === 'delete' ? null : value;
  const copy = structuredClone(doc) as Json;
  let parent = copy as Record<string | number, Json>;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = value;
  return copy;
}

const anyJson: fc.Arbitrary<Json> = fc.jsonValue() as fc.Arbitrary<Json>;
const dir = tempDir();

function reviewMustAnswer(text: string): void {
  const file = join(dir, 'plan.json');
  writeFileSync(file, text);
  try {
    const review = reviewPlans(file);
    renderMarkdown(review, { failOn: 'high' });
    renderJson(review, { failOn: 'high' });
    renderSarif(review, { failOn: 'high' });
  } catch (e) {
    if (!(e instanceof ReviewInputError)) throw e;
    expect(e.message.length).toBeGreaterThan(0);
  }
}

describe('fuzzing the plan reader', () => {
  it('answers structural mutations of real plans (delete or replace any value)', () => {
    fc.assert(
      fc.property(fc.nat(planTexts.length - 1), fc.nat(), fc.constantFrom('delete' as const, 'replace' as const), anyJson, (which, pick, op, value) => {
        const doc = JSON.parse(planTexts[which]!) as Json;
        const all = paths(doc);
        reviewMustAnswer(JSON.stringify(mutate(doc, all[pick % all.length]!, op, value)));
      }),
      { numRuns: RUNS },
    );
  });

  it('answers byte-level damage (truncation, splices, stray bytes)', () => {
    fc.assert(
      fc.property(fc.nat(planTexts.length - 1), fc.nat(), fc.nat(), fc.string({ maxLength: 8 }), (which, a, b, insert) => {
        const text = planTexts[which]!;
        const i = a % text.length;
        const j = Math.min(text.length, i + (b % 64));
        reviewMustAnswer(text.slice(0, i) + insert + text.slice(j));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzzing the landing-zone loader', () => {
  it('answers line-level mutations of every example (drop, duplicate, swap, damage a line)', () => {
    fc.assert(
      fc.property(fc.nat(landingZones.length - 1), fc.nat(), fc.nat(), fc.constantFrom('drop', 'duplicate', 'swap', 'damage'), fc.string({ maxLength: 12 }), (which, a, b, op, junk) => {
        const lines = landingZones[which]!.split('\n');
        const i = a % lines.length;
        const j = b % lines.length;
        if (op === 'drop') lines.splice(i, 1);
        else if (op === 'duplicate') lines.splice(i, 0, lines[i]!);
        else if (op === 'swap') [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        else lines[i] = lines[i]!.slice(0, b % (lines[i]!.length + 1)) + junk;
        const r = parseLandingZone(lines.join('\n'), { fileName: 'fuzz.yaml', today: '2026-11-21' });
        if (!r.ok) for (const p of r.problems) expect(p.path.length > 0 && p.message.length > 0).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
