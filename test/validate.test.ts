/**
 * `tofu validate` and `terraform validate` on every synthesized stack of every example, against the
 * real provider schemas (hashicorp/vault, hashicorp/kubernetes) from a filesystem mirror. No servers:
 * `init -backend=false` installs the providers from the mirror only, then `validate` type-checks
 * every resource body. Without the provider binaries or a tofu/terraform binary, the test named
 * "… DID NOT RUN (missing: …)" says what is missing (test/e2e/servers/README.md).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesize } from '../examples/typescript-fork/main';
import { gate } from './e2e/harness/gate';
import { iacTools, providerMirror, writeCliConfig, type IacTool } from './e2e/harness/kit';
import { slz } from './helpers/cli';
import { tempDir } from './helpers/synth';

const examples = readdirSync('examples')
  .filter((e) => existsSync(join('examples', e, 'landing-zone.yaml')))
  .sort();
const mirror = providerMirror();
const { tools } = iacTools();
const missing = [...(mirror.mirror ? [] : [mirror.summary.replace(/^missing: /, '')]), ...(tools.length ? [] : ['tofu or terraform (npm run e2e:servers builds tofu)'])];

/** Synthesizes one example into a fresh dir and returns its stacks' directories. */
function synthExample(example: string): string[] {
  const out = join(tempDir('slz-validate-'), 'out');
  if (existsSync(join('examples', example, 'main.ts'))) {
    synthesize(out, join('examples', example, 'landing-zone.yaml'));
  } else {
    const r = slz('synth', join('examples', example, 'landing-zone.yaml'), '--out', out);
    if (r.code !== 0) throw new Error(`synth ${example} failed (${r.code}):\n${r.stderr}`);
  }
  return readdirSync(join(out, 'stacks'))
    .sort()
    .map((s) => join(out, 'stacks', s));
}

interface Failure {
  stack: string;
  step: 'init' | 'validate';
  output: string;
}

function run(tool: IacTool, env: NodeJS.ProcessEnv, dir: string, args: string[]): { ok: boolean; output: string } {
  const r = spawnSync(tool.path, [`-chdir=${dir}`, ...args], { env, encoding: 'utf8', timeout: 5 * 60_000 });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}

/** Diagnostics from `validate -json`, one line each, or the raw output when it is not JSON. */
function diagnostics(output: string): string {
  try {
    const v = JSON.parse(output) as { diagnostics: { severity: string; summary: string; detail?: string; address?: string; range?: { filename: string } }[] };
    return v.diagnostics.map((d) => `${d.severity}: ${d.summary}${d.address ? ` [${d.address}]` : ''}${d.detail ? ` — ${d.detail.replace(/\s+/g, ' ')}` : ''}`).join('\n');
  } catch {
    return output;
  }
}

describe('validate: every synthesized stack against the real provider schemas', () => {
  if (!gate('tofu/terraform validate of every stack of every example', missing, { failInCi: false })) return;

  const work = tempDir('slz-validate-tools-');
  const cliConfig = writeCliConfig(join(work, 'cli.tfrc'), mirror.mirror!);
  const stacks = new Map<string, string[]>();

  beforeAll(() => {
    for (const e of examples) stacks.set(e, synthExample(e));
  }, 10 * 60_000);

  describe.each(tools.map((t) => [`${t.name} ${t.version}`, t] as const))('%s', (_label, tool) => {
    const cache = join(work, `${tool.name}-plugin-cache`);
    mkdirSync(cache, { recursive: true });
    const env: NodeJS.ProcessEnv = { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, TF_PLUGIN_CACHE_DIR: cache, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_INPUT: '0' };

    it.each(examples)('validates every stack of %s', (example) => {
      const failures: Failure[] = [];
      for (const dir of stacks.get(example)!) {
        const stack = dir.split('/').pop()!;
        const init = run(tool, env, dir, ['init', '-backend=false', '-input=false', '-no-color']);
        if (!init.ok) {
          failures.push({ stack, step: 'init', output: init.output.split('\n').slice(-15).join('\n') });
          continue;
        }
        const v = run(tool, env, dir, ['validate', '-json', '-no-color']);
        if (!v.ok) failures.push({ stack, step: 'validate', output: diagnostics(v.output) });
      }
      expect(failures).toEqual([]);
    }, 15 * 60_000);

    it('fails a stack whose resource has an attribute the provider schema does not know (control)', () => {
      const source = stacks.get('minimal')!.find((d) => d.includes('-tenant-'))!;
      const dir = join(work, `${tool.name}-control`);
      cpSync(source, dir, { recursive: true });
      const file = join(dir, 'cdk.tf.json');
      const json = JSON.parse(readFileSync(file, 'utf8')) as { resource: Record<string, Record<string, Record<string, unknown>>> };
      Object.values(json.resource.vault_mount!)[0]!.not_in_the_schema = true;
      writeFileSync(file, JSON.stringify(json));
      expect(run(tool, env, dir, ['init', '-backend=false', '-input=false', '-no-color']).ok).toBe(true);
      const v = run(tool, env, dir, ['validate', '-json', '-no-color']);
      expect(v.ok).toBe(false);
      expect(diagnostics(v.output)).toMatch(/not_in_the_schema/);
    }, 5 * 60_000);
  });
});
