import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { parseDocument } from 'yaml';
import { resolveCheckContext } from '../src/cli/check-context';
import { formatProblem, parseLandingZone } from '../src/landing-zone';
import { renderLandingZoneReference } from '../src/landing-zone/reference-doc';
import { renderControlMapping } from '../stacks/control-mapping';
import { PROVIDER_PINS } from '../stacks/provider-pinning';
import { bashSyntax, compileTypeScript, slzInvocationProblems } from './helpers/doc-snippets';
import { codeBlocks, markdownFiles, type CodeBlock } from './helpers/markdown';
import { tempDir } from './helpers/synth';

describe('generated documentation', () => {
  it('docs/landing-zone-file.md is current with the schema (run npm run docs)', () => {
    expect(readFileSync('docs/landing-zone-file.md', 'utf8')).toBe(renderLandingZoneReference());
  });

  it('docs/control-mapping.md is current with the rules and constructs (run npm run docs)', () => {
    expect(readFileSync('docs/control-mapping.md', 'utf8')).toBe(renderControlMapping('examples/ministry-health/landing-zone.yaml'));
  });

  it('maps controls to the constructs that emit what the rules check', () => {
    const doc = renderControlMapping('examples/ministry-health/landing-zone.yaml');
    expect(doc).toMatch(/\| CRY-03 \| [^|]*VC-TR1[^|]* \| KeyManagement \|/);
    expect(doc).toMatch(/\| KeyManagement \| [^|]*`vault_transit_secret_backend_key`/);
  });

  it('documents every top-level key of the landing-zone file', () => {
    const doc = renderLandingZoneReference();
    for (const key of ['apiVersion', 'kind', 'metadata', 'jurisdiction', 'classification', 'regions', 'network', 'tenants', 'pki', 'identity', 'logging', 'state', 'compliance', 'exemptions']) {
      expect(doc).toContain(`| \`${key}\` |`);
    }
    expect(doc).toContain('## `state (backend: s3)`');
  });
});

// ------------------------------------------------------------------------------------------------
// The code in the documentation: every block of every Markdown file is parsed or compiled.

const ROOT = resolve(__dirname, '..');
const FILES = markdownFiles(ROOT);
const BLOCKS = FILES.flatMap((f) => codeBlocks(ROOT, f));
/** The language of a fence, by the names the docs use. */
const LANGUAGES: Record<string, 'ts' | 'sh' | 'hcl' | 'yaml' | 'json' | 'text'> = {
  ts: 'ts',
  typescript: 'ts',
  sh: 'sh',
  bash: 'sh',
  shell: 'sh',
  hcl: 'hcl',
  yaml: 'yaml',
  yml: 'yaml',
  json: 'json',
  text: 'text',
};
const of = (lang: string): CodeBlock[] => BLOCKS.filter((b) => LANGUAGES[b.lang] === lang);
const label = (b: CodeBlock): [string, CodeBlock] => [`${b.file}:${b.line}`, b];

/** String values of `run:` keys anywhere in a parsed YAML document (GitHub Actions steps). */
function runScripts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(runScripts);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === 'run' && typeof v === 'string' ? [v] : runScripts(v)));
}

function parseYamlStrict(code: string): { value: unknown; errors: string[] } {
  const doc = parseDocument(code, { uniqueKeys: true, prettyErrors: true });
  return { value: doc.toJS() as unknown, errors: [...doc.errors, ...doc.warnings].map((e) => e.message) };
}

describe('code in the documentation', () => {
  it('is found in every Markdown file the project ships, in every language it uses', () => {
    expect(FILES).toEqual(expect.arrayContaining(['README.md', 'docs/apply.md', 'docs/review-in-ci.md', 'examples/minimal/README.md', 'constructs/tenant-namespace/README.md']));
    const counts = Object.fromEntries(['ts', 'sh', 'hcl', 'yaml', 'json', 'text'].map((l) => [l, of(l).length]));
    // Lower bounds: extraction that silently found nothing would pass every check below.
    expect(counts).toEqual({ ts: expect.any(Number), sh: expect.any(Number), hcl: expect.any(Number), yaml: expect.any(Number), json: expect.any(Number), text: expect.any(Number) });
    expect(counts.ts).toBeGreaterThanOrEqual(10);
    expect(counts.sh).toBeGreaterThanOrEqual(8);
    expect(counts.hcl).toBeGreaterThanOrEqual(2);
    expect(counts.yaml).toBeGreaterThanOrEqual(3);
    expect(counts.json).toBeGreaterThanOrEqual(1);
  });

  it('every block is fenced with a language this test checks (text for plain text)', () => {
    expect(BLOCKS.filter((b) => !LANGUAGES[b.lang]).map((b) => `${b.file}:${b.line}: \`\`\`${b.lang || '(none)'}`)).toEqual([]);
  });

  describe('TypeScript compiles against the package (sovereign-landing-zone → dist/src/index.d.ts)', () => {
    let errors: Map<CodeBlock, string[]>;
    beforeAll(() => {
      errors = compileTypeScript(of('ts'));
    });
    it.each(of('ts').map(label))('%s', (_where, block) => {
      expect(errors.get(block)).toEqual([]);
    });
    it.each(of('ts').map(label))('%s imports the library by its package name', (_where, block) => {
      expect(block.code).not.toMatch(/from '\.\.?\//);
    });
  });

  it.each(of('sh').map(label))('shell %s parses (bash -n) and calls slz only with commands and flags it has', (_where, block) => {
    expect(bashSyntax(block.code)).toBe('');
    expect(slzInvocationProblems(block.code)).toEqual([]);
  });

  it.each(of('hcl').map(label))('HCL %s parses', async (_where, block) => {
    await expect(parseHcl('snippet.hcl', block.code)).resolves.toEqual(expect.any(Object));
  });

  it.each(of('yaml').map(label))('YAML %s parses; a whole landing-zone file validates; run: steps parse', (_where, block) => {
    const { value, errors } = parseYamlStrict(block.code);
    expect(errors).toEqual([]);
    if ((value as { kind?: unknown } | null)?.kind === 'LandingZone') {
      const r = parseLandingZone(block.code, { today: '2026-06-01' });
      expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
    }
    for (const run of runScripts(value)) {
      expect(bashSyntax(run)).toBe('');
      expect(slzInvocationProblems(run)).toEqual([]);
    }
  });

  it.each(of('json').map(label))('JSON %s parses; a context file is one slz check accepts', (_where, block) => {
    const value = JSON.parse(block.code) as { kind?: unknown };
    if (value.kind === 'SynthContext') {
      const file = join(tempDir(), 'slz-context.json');
      writeFileSync(file, block.code);
      expect(resolveCheckContext(tempDir(), { context: file })?.file).toMatchObject({ apiVersion: 'slz/v1', ordinal: expect.any(Number) });
    }
  });

  it('the README’s landing-zone example is a whole file that validates', () => {
    const readme = of('yaml').filter((b) => b.file === 'README.md' && b.code.includes('kind: LandingZone'));
    expect(readme).toHaveLength(1);
    expect(parseLandingZone(readme[0]!.code, { today: '2026-06-01' }).ok).toBe(true);
  });

  it('the checks fail on broken code (each checker rejects something)', () => {
    expect(bashSyntax('for s in a b; do echo "$s"')).not.toBe('');
    expect(slzInvocationProblems('npx slz check cdktf.out --no-such-flag')).toEqual(['slz check --no-such-flag: no such option in: npx slz check cdktf.out --no-such-flag']);
    expect(slzInvocationProblems('npx slz nonsense')).toHaveLength(1);
    const bad: CodeBlock = { file: 'x.md', line: 10, lang: 'ts', code: "import { NoSuchThing } from 'sovereign-landing-zone';\nNoSuchThing();" };
    expect(compileTypeScript([bad]).get(bad)).toEqual([expect.stringMatching(/^x\.md:10: TS2305 /)]);
    expect(parseYamlStrict('a: 1\na: 2\n').errors).not.toEqual([]);
  });

  it('an HCL block with two arguments on one line is rejected (the old state-encryption snippet)', async () => {
    await expect(parseHcl('snippet.hcl', 'terraform {\n  encryption {\n    state { method = method.aes_gcm.agency  enforced = true }\n  }\n}\n')).rejects.toThrow(/Invalid single-argument block definition/);
  });
});

// ------------------------------------------------------------------------------------------------
// Facts the documentation states about the code.

describe('provider pins stated in the documentation', () => {
  it('are the ones pinProviders writes', () => {
    const stated = FILES.flatMap((f) => [...readFileSync(join(ROOT, f), 'utf8').matchAll(/`?hashicorp\/(kubernetes|vault) (~> [0-9.]+)`?/g)].map((m) => `${f}: ${m[1]} ${m[2]}`));
    expect(stated.length).toBeGreaterThan(0);
    expect(stated.filter((s) => !s.endsWith(`: kubernetes ${PROVIDER_PINS.kubernetes.version}`) && !s.endsWith(`: vault ${PROVIDER_PINS.vault.version}`))).toEqual([]);
  });
});

describe('the CI workflows shipped in examples/ci', () => {
  const workflows = readdirSync(join(ROOT, 'examples', 'ci')).filter((f) => f.endsWith('.yml'));
  it('are the three the README describes', () => {
    expect(workflows.sort()).toEqual(['e2e.yml', 'review-plan.yml', 'review.yml']);
  });
  it.each(workflows)('%s parses, and each run: step parses (bash -n) and calls slz only with commands and flags it has', (name) => {
    const { value, errors } = parseYamlStrict(readFileSync(join(ROOT, 'examples', 'ci', name), 'utf8'));
    expect(errors).toEqual([]);
    const runs = runScripts(value);
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) {
      expect(bashSyntax(run)).toBe('');
      expect(slzInvocationProblems(run)).toEqual([]);
    }
  });
});
