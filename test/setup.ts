// Keeps cdktf's temp directories (Testing.app, fullSynth) inside one per-run folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (!process.env.SLZ_TEST_TMP) {
  process.env.SLZ_TEST_TMP = mkdtempSync(join(tmpdir(), 'slz-test-'));
}
