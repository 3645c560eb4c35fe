/**
 * What `npm pack` ships (and so what `slz init` vendors into a new project): everything a user
 * needs — the CLI, the library and its declarations, the examples, the documentation and the
 * licence — and nothing that must never leave the repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { linkTargets } from './helpers/markdown';

const ROOT = resolve(__dirname, '..');

interface PackEntry {
  readonly path: string;
}

let files: string[];

beforeAll(() => {
  // --ignore-scripts: list what would be packed from the dist/ jest's global setup keeps current.
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  files = (JSON.parse(out) as { files: PackEntry[] }[])[0]!.files.map((f) => f.path).sort();
}, 120_000);

const constructs = readdirSync(join(ROOT, 'constructs')).filter((c) => existsSync(join(ROOT, 'constructs', c, 'README.md')));
const examples = readdirSync(join(ROOT, 'examples')).filter((e) => existsSync(join(ROOT, 'examples', e, 'README.md')));

describe('npm pack', () => {
  it('ships the CLI, the library with its declarations, the licence and the package files', () => {
    expect(files).toEqual(expect.arrayContaining(['package.json', 'LICENSE', 'README.md', 'bin/slz.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli/main.js', 'dist/stacks/index.js', 'dist/stacks/index.d.ts']));
    expect(constructs.length).toBeGreaterThanOrEqual(9);
    for (const c of constructs) expect(files).toEqual(expect.arrayContaining([`dist/constructs/${c}/index.js`, `dist/constructs/${c}/index.d.ts`]));
  });

  it('ships every example slz init copies, and the documentation: docs/, RULES.md, BENCHMARKS.md, each construct README', () => {
    expect(examples.length).toBeGreaterThanOrEqual(7);
    for (const e of examples) expect(files).toContain(`examples/${e}/README.md`);
    expect(files).toEqual(expect.arrayContaining(['examples/typescript-fork/main.ts', 'examples/typescript-fork/tsconfig.json', 'RULES.md', 'BENCHMARKS.md']));
    const docs = readdirSync(join(ROOT, 'docs')).filter((d) => d.endsWith('.md'));
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) expect(files).toContain(`docs/${d}`);
    for (const c of constructs) expect(files).toContain(`constructs/${c}/README.md`);
  });

  it('never ships tests, fixtures, synthesized output, state, secrets, sources or build tooling', () => {
    const forbidden = [
      /(^|\/)test\//,
      /\.test\.[jt]s$/,
      /(^|\/)fixtures\//,
      /(^|\/)cdktf\.out\//,
      /(^|\/)reports\//,
      /(^|\/)terraform-state\//,
      /\.tfstate(\.|$)/,
      /\.tfvars$/,
      /(^|\/)\.terraform/,
      /(^|\/)\.env/,
      /\.(pem|key|p12|pfx)$/,
      /(^|\/)\.npmrc$/,
      /(^|\/)node_modules\//,
      /\.tgz$/,
      /(^|\/)\.slz-(output|tmp)/,
      /^(src|stacks|bench|scripts|\.ci)\//,
      /^constructs\/.*\.ts$/,
      /^dist\/(test|bench|scripts)\//,
      /^examples\/.*\.js$/,
      /\.tsbuildinfo$/,
    ];
    expect(files.filter((f) => forbidden.some((re) => re.test(f)))).toEqual([]);
  });

  it('ships no compiled file whose source is gone (a rename leaves stale dist/ output behind)', () => {
    const compiled = files.filter((f) => f.startsWith('dist/') && f.endsWith('.js'));
    expect(compiled.length).toBeGreaterThan(100);
    expect(compiled.filter((f) => !existsSync(join(ROOT, f.slice('dist/'.length).replace(/\.js$/, '.ts'))))).toEqual([]);
  });

  it('every relative link in a shipped Markdown file points at a shipped file', () => {
    const shipped = new Set(files);
    const isShipped = (p: string): boolean => shipped.has(p) || files.some((f) => f.startsWith(`${p.replace(/\/$/, '')}/`));
    const broken: string[] = [];
    let checked = 0;
    const markdown = files.filter((f) => f.endsWith('.md'));
    expect(markdown.length).toBeGreaterThan(20);
    for (const file of markdown) {
      for (const href of linkTargets(ROOT, file)) {
        if (/^[a-z]+:/i.test(href) || href.startsWith('#')) continue;
        const target = normalize(join(dirname(file), decodeURIComponent(href.split('#')[0]!)));
        checked++;
        if (!isShipped(target)) broken.push(`${file} → ${href}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('declares its licence with the licence text, and claims no repository it does not have', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.license).toBe('Apache-2.0');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004\s+http:\/\/www\.apache\.org\/licenses\/[\s\S]*END OF TERMS AND CONDITIONS/);
    // No public repository exists yet: no repository/homepage URL rather than a made-up one.
    // When one exists, set both and change this expectation.
    expect({ repository: pkg.repository, homepage: pkg.homepage, bugs: pkg.bugs }).toEqual({ repository: undefined, homepage: undefined, bugs: undefined });
  });
});
