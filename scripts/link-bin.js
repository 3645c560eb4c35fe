#!/usr/bin/env node
'use strict';
// npm links the bins of dependencies into node_modules/.bin but not the project's own; link `slz`
// there too so `node_modules/.bin/slz` works in this checkout as it does for a dependent project.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const binDir = path.join(root, 'node_modules', '.bin');
if (!fs.existsSync(path.join(root, 'node_modules'))) process.exit(0);
fs.mkdirSync(binDir, { recursive: true });
const link = path.join(binDir, 'slz');
try {
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.relative(binDir, path.join(root, 'bin', 'slz.js')), link);
} catch (e) {
  process.stderr.write(`link-bin: could not link node_modules/.bin/slz (${e.code || e.message}); use npx slz\n`);
}
