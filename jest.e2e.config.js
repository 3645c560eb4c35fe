/** End-to-end tests against real Vault/OpenBao, Kubernetes and terraform/tofu (npm run e2e; docs/e2e.md). */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: base.transform,
  // The typescript-fork example imports the package by name, as a fork does.
  moduleNameMapper: base.moduleNameMapper,
  testTimeout: 20 * 60_000,
};
