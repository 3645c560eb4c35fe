/** `slz init EXAMPLE DIR`: copy a bundled example into a new folder, ready for `npm install && npx slz synth`. */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { closest } from '../../landing-zone/problems';
import { CliError } from '../errors';
import { packageRoot } from '../../pipeline/package-root';
import type { Output } from '../output';

export interface InitOptions {
  /** Dependency spec for this package in the new package.json. @default ^<this version> */
  readonly package?: string;
}

/** Examples that can start a fork: folders of examples/ holding a landing-zone.yaml or a main.ts. */
export function listExamples(): string[] {
  const dir = join(packageRoot(), 'examples');
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'landing-zone.yaml')) || existsSync(join(dir, name, 'main.ts')))
    .sort();
}

export function runInit(example: string | undefined, dir: string | undefined, opts: InitOptions, io: Output): number {
  const examples = listExamples();
  if (!example || !dir) throw new CliError([`init: give an example and a folder, e.g. slz init minimal my-landing-zone (examples: ${examples.join(', ')})`]);
  if (!examples.includes(example)) {
    const near = closest(example, examples);
    throw new CliError([`init: "${example}" is not a bundled example (${near ? `did you mean ${near}? ` : ''}examples: ${examples.join(', ')})`]);
  }
  const target = resolve(dir);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new CliError([`init: ${dir} exists and is not a folder`]);
    if (readdirSync(target).length > 0) throw new CliError([`init: ${dir} is not empty; choose a new folder`]);
  }
  const root = packageRoot();
  const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string; peerDependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  try {
    mkdirSync(target, { recursive: true });
    cpSync(join(root, 'examples', example), target, { recursive: true });
  } catch (e) {
    throw new CliError([`init: cannot write ${dir} (${(e as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  const isTypeScript = existsSync(join(target, 'main.ts'));
  const dependency = opts.package ?? `^${own.version}`;
  // The construct library's peers must be installed by the fork itself.
  const peers = Object.fromEntries(Object.keys(own.peerDependencies ?? {}).map((p) => [p, own.devDependencies?.[p] ?? own.peerDependencies![p]!]));
  const pkg = {
    name: slug(basename(target)),
    private: true,
    description: `Landing zone started from the sovereign-landing-zone "${example}" example`,
    scripts: isTypeScript
      ? { build: 'tsc', synth: 'tsc && node main.js', validate: 'slz validate', check: 'slz check' }
      : { validate: 'slz validate', synth: 'slz synth', check: 'slz check' },
    dependencies: { [own.name]: dependency, ...peers },
    ...(isTypeScript ? { devDependencies: { typescript: own.devDependencies?.typescript ?? '~5.9.3', '@types/node': own.devDependencies?.['@types/node'] ?? '^20' } } : {}),
  };
  writeFileSync(join(target, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  if (!existsSync(join(target, '.gitignore'))) writeFileSync(join(target, '.gitignore'), 'node_modules/\ncdktf.out/\n*.tfstate\n*.tfstate.*\n.terraform/\n');
  io.out(`${example} → ${dir}`);
  io.out(`Next: cd ${dir} && npm install && npx slz validate && npx slz synth`);
  return 0;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'landing-zone';
}
