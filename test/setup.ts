// Keeps cdktf's temp directories (Testing.app, fullSynth) inside one per-run folder. cdktf's jest
// matchers are registered only by the test files that use them (Testing.setupJest()), so suites
// of analysis code never load cdktf.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (!process.env.SLZ_TEST_TMP) {
  process.env.SLZ_TEST_TMP = mkdtempSync(join(tmpdir(), 'slz-test-'));
}
