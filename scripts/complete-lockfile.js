#!/usr/bin/env node
'use strict';
// `npm run lock:complete` (after any `npm install`): adds package-lock entries for optional
// dependencies that the registry this project is built against does not serve — other platforms'
// native binaries (@swc/core-darwin-*, …). npm then leaves them out of the lock, and `npm ci`
// refuses a lock that is out of sync with package.json. With the entries present, `npm ci` skips
// them where they cannot be fetched and installs them on platforms whose registry has them.
const fs = require('fs');
const file = process.argv[2] || require('path').join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const pkgs = lock.packages;
let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [name, spec] of Object.entries(meta.optionalDependencies || {})) {
    const base = path ? `${path}/node_modules/${name}` : `node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (pkgs[base] || pkgs[hoisted]) continue;
    pkgs[hoisted] = { version: spec.replace(/^[\^~=]/, ''), optional: true };
    added++;
  }
}
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log('added', added);
