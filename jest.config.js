/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/constructs', '<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
    // GitHub's workflow parser ships ES modules only (and imports its schema JSON without an
    // import attribute, which Node refuses): compiled to CommonJS for the tests that use it.
    '^.+/node_modules/@actions/(workflow-parser|expressions)/.+\\.js$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!@actions/(workflow-parser|expressions)/)'],
  globalSetup: '<rootDir>/test/global-setup.js',
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  // Examples import the package by name, as a fork does; in this checkout that is the source.
  moduleNameMapper: {
    '^sovereign-landing-zone$': '<rootDir>/src/index.ts',
    // Their package exports list only an `import` condition; jest resolves with `require`.
    '^@actions/(workflow-parser|expressions)$': '<rootDir>/node_modules/@actions/$1/dist/index.js',
    '^@actions/(workflow-parser|expressions)/(.+)$': '<rootDir>/node_modules/@actions/$1/dist/$2.js',
  },
  // Provider packages are large; one worker per core is all this machine has.
  maxWorkers: process.env.CI ? 2 : '50%',
  testTimeout: 60000,
};
