/** Compliance alone on a synthesized tree, against JSON.parse of the same files. Usage: node compliance.js SYNTHDIR */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCompliance } from '../../src/compliance';
import type { SynthStack, TerraformJson } from '../../src/synthesized';
import { now, report } from './common';

const [synthDir] = process.argv.slice(2) as [string];
const names = readdirSync(join(synthDir, 'stacks')).sort();
const texts = names.map((n) => readFileSync(join(synthDir, 'stacks', n, 'cdk.tf.json'), 'utf8'));
const t0 = now();
const stacks: SynthStack[] = texts.map((t, i) => ({ name: names[i]!, file: join('stacks', names[i]!, 'cdk.tf.json'), json: JSON.parse(t) as TerraformJson }));
const t1 = now();
runCompliance({ stacks, today: '2026-11-21' });
const t2 = now();
report({ 'JSON.parse': t1 - t0, compliance: t2 - t1 }, { bytes: texts.reduce((n, t) => n + t.length, 0) });
