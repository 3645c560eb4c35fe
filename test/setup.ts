// Keeps cdktf's temp directories (Testing.app, fullSynth) inside one per-run folder, and
// registers cdktf's jest matchers (toHaveResourceWithProperties, …).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (!process.env.SLZ_TEST_TMP) {
  process.env.SLZ_TEST_TMP = mkdtempSync(join(tmpdir(), 'slz-test-'));
}

// Loaded lazily so tests of analysis code (which never touch cdktf) stay fast.
if (process.env.SLZ_JEST_NO_CDKTF !== '1') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('cdktf/lib/testing/adapters/jest');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Testing } = require('cdktf') as typeof import('cdktf');
  Testing.setupJest();
}
