// Some tests run the built binary (bin/slz.js → dist/) in child processes, as users and CI do.
// Rebuild dist/ first when a source file is newer than it, so those tests never run stale code.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, rmSync, statSync } = require('node:fs');
const { join } = require('node:path');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(p));
    else if (entry.name.endsWith('.ts')) latest = Math.max(latest, statSync(p).mtimeMs);
  }
  return latest;
}

module.exports = function globalSetup() {
  const root = join(__dirname, '..');
  const built = join(root, 'dist', 'src', 'cli', 'main.js');
  const sources = Math.max(...['src', 'constructs', 'stacks', 'bench'].map((d) => newest(join(root, d))));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  process.stderr.write('\nRebuilding dist/ (sources are newer) …\n');
  // From scratch: a module that became a folder (src/review/rules.ts → rules/) would otherwise be
  // shadowed by its stale .js file.
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
};
