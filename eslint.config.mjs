// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const providerRoots = {
  paths: [
    {
      name: '@cdktf/provider-kubernetes',
      message: 'Import from a deep path (@cdktf/provider-kubernetes/lib/<resource>): the package root loads all 113 modules.',
    },
    {
      name: '@cdktf/provider-vault',
      message: 'Import from a deep path (@cdktf/provider-vault/lib/<resource>): the package root loads all 210 modules.',
    },
  ],
};

// Analysis code reads synthesized JSON; it must not depend on cdktf (DESIGN.md §2).
const noCdktf = [{ group: ['cdktf', 'cdktf/*', 'constructs', '@cdktf/*'], message: 'Analysis code works on synthesized JSON and must not import cdktf.' }];

// Folder boundaries (docs/architecture.md). Sources import each other by relative path; a folder
// of src/ is `../…/NAME` (or `../…/src/NAME` from constructs/ and stacks/), a top-level folder is at
// least two levels up from src/<folder>/.
const src = (name, why) => ({ regex: `^(\\.\\./)+(src/)?${name}(/|$)`, message: `${why} (docs/architecture.md)` });
const top = (name, why) => ({ regex: `^(\\.\\./){2,}${name}(/|$)`, message: `${why} (docs/architecture.md)` });

const boundaries = [
  {
    files: ['src/jurisdictions/**/*.ts'],
    patterns: [...noCdktf, ...['landing-zone', 'synthesized', 'compliance', 'crypto', 'review', 'pipeline', 'cli'].map((n) => src(n, 'src/jurisdictions is the catalogue and algorithm table: it imports nothing else')), top('constructs', 'src/jurisdictions imports nothing else'), top('stacks', 'src/jurisdictions imports nothing else')],
  },
  {
    files: ['src/landing-zone/**/*.ts'],
    patterns: [...noCdktf, ...['synthesized', 'compliance', 'crypto', 'review', 'pipeline', 'cli'].map((n) => src(n, 'src/landing-zone reads the landing-zone file and may import src/jurisdictions only')), top('constructs', 'src/landing-zone may import src/jurisdictions only'), top('stacks', 'src/landing-zone may import src/jurisdictions only')],
  },
  {
    files: ['src/synthesized/**/*.ts'],
    patterns: [...noCdktf, ...['compliance', 'crypto', 'review', 'pipeline', 'cli'].map((n) => src(n, 'src/synthesized is what resources mean, shared by the analyses: it imports none of them')), top('constructs', 'src/synthesized reads JSON, not constructs'), top('stacks', 'src/synthesized reads JSON, not stacks')],
  },
  {
    files: ['src/compliance/**/*.ts'],
    patterns: [...noCdktf, ...['crypto', 'review', 'pipeline', 'cli'].map((n) => src(n, 'src/compliance may import src/synthesized, src/jurisdictions and src/landing-zone only')), top('constructs', 'src/compliance reads synthesized JSON, not constructs'), top('stacks', 'src/compliance reads synthesized JSON, not stacks')],
  },
  {
    files: ['src/crypto/**/*.ts'],
    patterns: [...noCdktf, ...['landing-zone', 'compliance', 'review', 'pipeline', 'cli'].map((n) => src(n, 'src/crypto may import src/synthesized and src/jurisdictions only')), top('constructs', 'src/crypto reads synthesized JSON, not constructs'), top('stacks', 'src/crypto reads synthesized JSON, not stacks')],
  },
  {
    files: ['src/review/**/*.ts'],
    patterns: [...noCdktf, src('pipeline', 'src/review reads plans and trees; it never synthesizes'), src('cli', 'src/review may import the analyses (compliance, crypto), src/synthesized, src/jurisdictions and src/landing-zone, never the CLI'), top('constructs', 'src/review reads plans and synthesized JSON, not constructs'), top('stacks', 'src/review reads plans and synthesized JSON, not stacks')],
  },
  {
    files: ['constructs/**/*.ts'],
    patterns: [...['compliance', 'crypto', 'review', 'pipeline', 'cli'].map((n) => src(n, 'constructs may import src/landing-zone, src/synthesized and src/jurisdictions only')), top('stacks', 'constructs are composed by stacks, never the other way')],
  },
  {
    files: ['stacks/**/*.ts'],
    patterns: [...['crypto', 'review', 'cli'].map((n) => src(n, 'stacks may import constructs, src/landing-zone, src/synthesized, src/compliance, src/pipeline and src/jurisdictions, never the CLI'))],
  },
  {
    // The synth pipeline runs the stacks and the analyses that judge what they wrote; the CLI calls it.
    files: ['src/pipeline/**/*.ts'],
    patterns: [src('review', 'src/pipeline synthesizes; plan review is a separate command'), src('cli', 'src/pipeline is the library the CLI calls, never the other way')],
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'cdktf.out/', 'coverage/', 'bench/results/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', providerRoots],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  ...boundaries.map(({ files, patterns }) => ({ files, rules: { 'no-restricted-imports': ['error', { ...providerRoots, patterns }] } })),
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
