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
  },
  globalSetup: '<rootDir>/test/global-setup.js',
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  // Examples import the package by name, as a fork does; in this checkout that is the source.
  moduleNameMapper: { '^sovereign-landing-zone$': '<rootDir>/src/index.ts' },
  // Provider packages are large; one worker per core is all this machine has.
  maxWorkers: process.env.CI ? 2 : '50%',
  testTimeout: 60000,
};
