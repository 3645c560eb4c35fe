/** Which landing-zone file a command reads when none is given (DESIGN.md §6). */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The package root (two levels above dist/src/cli or src/cli). */
export function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'examples'))) return dir;
    dir = resolve(dir, '..');
  }
  return resolve(__dirname, '..', '..');
}

export function bundledMinimal(): string {
  return join(packageRoot(), 'examples', 'minimal', 'landing-zone.yaml');
}

/** FILE, else ./landing-zone.yaml, else the bundled minimal example. */
export function resolveLandingZoneFile(file: string | undefined): string {
  if (file) return file;
  const local = resolve('landing-zone.yaml');
  return existsSync(local) ? local : bundledMinimal();
}
