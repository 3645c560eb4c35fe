/** The floor: JSON.stringify + write of the same final stacks. Usage: node floor.js SYNTHDIR OUTDIR */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSynthDir } from '../../src/synthesized';
import { now, report } from './common';

const [synthDir, outdir] = process.argv.slice(2) as [string, string];
const stacks = readSynthDir(synthDir);
const t0 = now();
let bytes = 0;
for (const s of stacks) {
  const dir = join(outdir, 'stacks', s.name);
  mkdirSync(dir, { recursive: true });
  const text = JSON.stringify(s.json, null, 2);
  bytes += text.length;
  writeFileSync(join(dir, 'cdk.tf.json'), text);
}
report({ 'stringify+write': now() - t0 }, { bytes });
