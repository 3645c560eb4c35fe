/** JSON.parse of a file, the floor for the review benchmark. Usage: node parse.js FILE */
import { readFileSync } from 'node:fs';
import { now, report } from './common';

const [file] = process.argv.slice(2) as [string];
const t0 = now();
const text = readFileSync(file, 'utf8');
JSON.parse(text);
report({ 'read+parse': now() - t0 }, { bytes: text.length });
