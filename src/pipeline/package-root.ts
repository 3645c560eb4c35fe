/** Where this package is installed: its examples and package.json are found from there. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The package root (a few levels above dist/src/pipeline or src/pipeline). */
export function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'examples'))) return dir;
    dir = resolve(dir, '..');
  }
  return resolve(__dirname, '..', '..');
}
