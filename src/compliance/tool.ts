/** The tool's name and version as reports state them (read from the package's own package.json). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const TOOL_NAME = 'slz';
export const PACKAGE_NAME = 'sovereign-landing-zone';

let cached: string | undefined;

/** The package version, found by walking up from this file (src/compliance or dist/src/compliance). */
export function toolVersion(): string {
  if (cached !== undefined) return cached;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const p = join(dir, 'package.json');
    if (existsSync(p)) {
      try {
        const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === PACKAGE_NAME && typeof pkg.version === 'string') return (cached = pkg.version);
      } catch {
        // keep looking
      }
    }
    dir = dirname(dir);
  }
  return (cached = '0.0.0');
}

/** Where the package lives (the folder of its package.json), for RULES.md. */
export function packageRootDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const p = join(dir, 'package.json');
    if (existsSync(p)) {
      try {
        if ((JSON.parse(readFileSync(p, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return dir;
      } catch {
        // keep looking
      }
    }
    dir = dirname(dir);
  }
  return join(__dirname, '..', '..');
}
