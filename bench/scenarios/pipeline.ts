/**
 * The whole `slz synth` pipeline on one landing-zone file: validate, then synthesizeLandingZone —
 * cdktf synthesis (in JOBS parallel shards), stack graph, compliance and its reports, CBOM,
 * OpenBao audit stanzas, and the atomic swap into OUTDIR — timed per phase.
 * Usage: node pipeline.js FILE OUTDIR [JOBS]
 */
import { readFileSync } from 'node:fs';
import { parseLandingZone } from '../../src/landing-zone';
import { report, timed } from './common';

const [file, outdir, jobsArg] = process.argv.slice(2) as [string, string, string | undefined];
const phases: Record<string, number> = {};
const text = readFileSync(file, 'utf8');
const result = timed(phases, 'validate', () => parseLandingZone(text, { fileName: file }));
if (!result.ok) throw new Error(`invalid landing zone: ${result.problems[0]?.message}`);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { synthesizeLandingZone } = require('../../src/pipeline') as typeof import('../../src/pipeline');
const run = synthesizeLandingZone(result.value, outdir, { today: '2026-11-21', ...(jobsArg ? { jobs: Number(jobsArg) } : {}) });
Object.assign(phases, run.timings);
const resources = run.stacks.reduce((n, s) => n + Object.values(s.json.resource ?? {}).reduce((m, byName) => m + Object.keys(byName).length, 0), 0);
report(phases, { resources, jobs: run.jobs });
