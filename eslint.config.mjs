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
const noCdktf = {
  patterns: [
    { group: ['cdktf', 'cdktf/*', 'constructs', '@cdktf/*'], message: 'Analysis code works on synthesized JSON and must not import cdktf.' },
  ],
};

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
  {
    files: ['src/compliance/**/*.ts', 'src/crypto/**/*.ts', 'src/review/**/*.ts', 'src/landing-zone/**/*.ts', 'src/jurisdictions/**/*.ts', 'src/synthesized/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { ...providerRoots, ...noCdktf }] },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
