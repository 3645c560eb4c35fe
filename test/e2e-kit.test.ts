/**
 * The e2e kit's cache key is computed twice, by build.sh (which stores the binaries) and by the
 * harness (which looks for them); if they ever disagreed every built server would read as missing.
 * No Go and no servers needed.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { KIT_DIR, KIT_TOOLS, kitKey, type KitTool } from './e2e/harness/kit';

describe('e2e server kit cache key', () => {
  it.each(Object.keys(KIT_TOOLS) as KitTool[])('build.sh and the harness agree for %s', (tool) => {
    const fromScript = execFileSync('bash', [join(KIT_DIR, 'build.sh'), '--key', tool], { encoding: 'utf8' }).trim();
    expect(fromScript).toMatch(/^[0-9a-f]{16}$/);
    expect(kitKey(tool)).toBe(fromScript);
  });

  it('differs between tools (each folder pins its own tool)', () => {
    const keys = (Object.keys(KIT_TOOLS) as KitTool[]).map(kitKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
