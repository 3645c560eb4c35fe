/**
 * The whole pipeline on one landing-zone file, per phase: validate → synthesize → compliance →
 * CBOM, with resources emitted. Usage: node pipeline.js FILE OUTDIR
 */
import { readFileSync } from 'node:fs';
import { parseLandingZone } from '../../src/landing-zone';
import { readSynthDir } from '../../src/synthesized';
import { report, timed } from './common';

const [file, outdir] = process.argv.slice(2) as [string, string];
const phases: Record<string, number> = {};
const text = readFileSync(file, 'utf8');
const result = timed(phases, 'validate', () => parseLandingZone(text, { fileName: file }));
if (!result.ok) throw new Error(`invalid landing zone: ${result.problems[0]?.message}`);
timed(phases, 'synth', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildLandingZone } = require('../../stacks/landing-zone') as typeof import('../../stacks/landing-zone');
  buildLandingZone(result.value, { outdir }).app.synth();
});
const stacks = timed(phases, 'read', () => readSynthDir(outdir));
timed(phases, 'compliance', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runCompliance } = require('../../src/compliance') as typeof import('../../src/compliance');
  runCompliance({ stacks, today: '2026-11-21' });
});
timed(phases, 'cbom', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildCryptoInventory } = require('../../src/crypto') as typeof import('../../src/crypto');
  buildCryptoInventory({ stacks, today: '2026-11-21' });
});
const resources = stacks.reduce((n, s) => n + Object.values(s.json.resource ?? {}).reduce((m, byName) => m + Object.keys(byName).length, 0), 0);
report(phases, { resources });
