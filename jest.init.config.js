/** `npm run test:init`: slz init → npm install → synth → check for every example, on fresh folders (slow). */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/init'],
  testMatch: ['**/*.init.ts'],
  transform: base.transform,
  globalSetup: base.globalSetup,
  setupFilesAfterEnv: base.setupFilesAfterEnv,
  testTimeout: 10 * 60_000,
};
