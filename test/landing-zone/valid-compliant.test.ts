/**
 * Valid ⇒ compliant: every landing zone `slz validate` accepts synthesizes with zero error-level
 * findings from the project's own rules. Generated landing zones (test/helpers/landing-zone-
 * arbitrary.ts) are validated; each accepted one is synthesized in-process through the pipeline
 * `slz synth` runs, into a temp dir. `npm test` runs a bounded number of cases; `npm run fuzz`
 * runs FUZZ_SYNTH_RUNS (at least 1,000).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { formatProblem, validateLandingZone } from '../../src/landing-zone';
import { synthesizeLandingZone } from '../../src/pipeline';
import { landingZoneDocArb } from '../helpers/landing-zone-arbitrary';
import { tempDir } from '../helpers/synth';

const TODAY = '2026-06-01';
/** Valid landing zones to synthesize: invalid ones are skipped and do not count. */
const RUNS = Number(process.env.FUZZ_SYNTH_RUNS ?? 60);
/** The generator must stay useful: at least this share of what it draws is valid. */
const MIN_VALID_SHARE = 0.4;

describe('valid ⇒ compliant', () => {
  const tally = { generated: 0, valid: 0 };
  const dir = tempDir('slz-valid-compliant-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`every generated landing zone that validates synthesizes with no error-level finding (${RUNS} valid cases)`, () => {
    fc.assert(
      fc.property(landingZoneDocArb, (doc) => {
        tally.generated++;
        const r = validateLandingZone(structuredClone(doc), { today: TODAY });
        if (!r.ok) {
          // A refusal must say where and how to fix it.
          for (const p of r.problems.filter((x) => x.severity === 'error')) expect({ problem: formatProblem(p), hint: p.hint !== undefined }).toEqual({ problem: formatProblem(p), hint: true });
        }
        fc.pre(r.ok);
        if (!r.ok) return;
        tally.valid++;
        const out = join(dir, `lz-${tally.valid}`);
        try {
          const result = synthesizeLandingZone(r.value, out, { today: TODAY });
          const errors = result.report.findings.filter((f) => f.level === 'error' && !f.suppressedBy).map((f) => `${f.ruleId} ${f.constructPath}${f.attribute ? ` .${f.attribute}` : ''}: ${f.message}`);
          expect(errors).toEqual([]);
        } finally {
          rmSync(out, { recursive: true, force: true });
        }
      }),
      // numRuns counts valid landing zones only; a skip is an invalid one.
      { numRuns: RUNS, maxSkipsPerRun: 10 },
    );
    // The share of valid documents is part of what this test reports.
    console.log(`valid ⇒ compliant: ${tally.valid} of ${tally.generated} generated landing zones were valid and synthesized with no error-level finding`);
    expect(tally.valid).toBe(RUNS);
    expect(tally.valid / tally.generated).toBeGreaterThanOrEqual(MIN_VALID_SHARE);
  }, 1_800_000);
});
