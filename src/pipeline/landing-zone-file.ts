/** Which landing-zone file a command reads (DESIGN.md §6): the one named, else ./landing-zone.yaml — never a silent default. */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UserError } from '../errors';
import { packageRoot } from './package-root';

export const DEFAULT_LANDING_ZONE_FILE = 'landing-zone.yaml';

/** The bundled examples, by name. */
export function exampleNames(): string[] {
  const dir = join(packageRoot(), 'examples');
  return existsSync(dir) ? readdirSync(dir).filter((n) => existsSync(join(dir, n, DEFAULT_LANDING_ZONE_FILE))).sort() : [];
}

/**
 * FILE, else `./landing-zone.yaml`. With neither, a UserError (exit 2) says how to start: a CI
 * job with a misnamed file must fail, not build an example and pass.
 */
export function locateLandingZoneFile(file: string | undefined, command = 'synth'): string {
  if (file) return file;
  const local = resolve(DEFAULT_LANDING_ZONE_FILE);
  if (existsSync(local)) return local;
  const examples = exampleNames();
  const example = join(packageRoot(), 'examples', 'minimal', DEFAULT_LANDING_ZONE_FILE);
  return fail(command, examples, relative(process.cwd(), example) || example);
}

function fail(command: string, examples: readonly string[], example: string): never {
  throw new UserError([
    `${command}: no landing-zone file given and no ./${DEFAULT_LANDING_ZONE_FILE} in ${process.cwd()}`,
    `  start one:  slz init minimal my-landing-zone    (examples: ${examples.join(', ') || 'none found'})`,
    `  or name one: slz ${command} ${example}`,
  ]);
}
