/**
 * `slz check [DIR]` (runCheck): reports written, exit 0 / 1 / 2, and hand-made violations in a
 * synthesized minimal example each named by the right rule. The KT-* cases depend on the
 * k8s-tenancy pack.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCheck } from '../../src/cli/commands/check';
import { CliError } from '../../src/cli/errors';
import type { Output } from '../../src/cli/output';
import { tempDir } from '../helpers/synth';
import { MINIMAL, synthesize, TODAY, type Tree } from './helpers';

let minimal: Tree;

beforeAll(() => {
  minimal = synthesize(MINIMAL);
});

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function check(dir: string | undefined, opts: { today?: string; json?: boolean } = { today: TODAY }): Run {
  let stdout = '';
  let stderr = '';
  const io: Output = { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`), debug: false };
  try {
    return { code: runCheck(dir, opts, io), stdout, stderr };
  } catch (e) {
    if (e instanceof CliError) return { code: e.exitCode, stdout, stderr: stderr + e.lines.join('\n') };
    throw e;
  }
}

type Json = Record<string, unknown>;

/** A fresh copy of the synthesized minimal tree, with one stack file edited by `edit`. */
function mutated(stack: 'platform' | 'tenant', edit: (json: Json) => void): string {
  const dir = join(tempDir(), 'out');
  cpSync(minimal.dir, dir, { recursive: true });
  rmSync(join(dir, 'reports'), { recursive: true, force: true });
  const name = minimal.stacks.find((s) => s.name.includes(stack))!.name;
  const file = join(dir, 'stacks', name, 'cdk.tf.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as Json;
  edit(json);
  writeFileSync(file, JSON.stringify(json, null, 2));
  return dir;
}

const resources = (json: Json, type: string): Record<string, Json> => ((json['resource'] as Record<string, Record<string, Json>>)[type] ??= {});

function firstOf(json: Json, type: string): Json {
  return Object.values(resources(json, type))[0]!;
}

describe('slz check on a synthesized tree', () => {
  it('writes the three reports and prints a short summary', () => {
    const dir = mutated('tenant', () => undefined);
    const r = check(dir);
    for (const f of ['compliance.json', 'compliance.md', 'compliance.sarif']) expect(existsSync(join(dir, 'reports', f))).toBe(true);
    expect(r.stdout).toMatch(/: 3 stacks, \d+ resources, \d+ rules \(MY SULIT, level 3, strict\) — (PASS|FAIL): \d+ errors?, \d+ warnings?, \d+ info/);
    expect(r.stdout).toContain(join(dir, 'reports', 'compliance.md'));
    const report = JSON.parse(readFileSync(join(dir, 'reports', 'compliance.json'), 'utf8')) as { summary: { exitCode: number } };
    expect(r.code).toBe(report.summary.exitCode);
  });

  it('exits 0 on the unmodified minimal example', () => {
    const r = check(mutated('tenant', () => undefined));
    expect(r.stdout).not.toMatch(/^\s+ERROR/m);
    expect(r.code).toBe(0);
  });

  it('prints the report with --json', () => {
    const r = check(mutated('tenant', () => undefined), { today: TODAY, json: true });
    expect((JSON.parse(r.stdout) as { schemaVersion: string }).schemaVersion).toBe('1.0.0');
  });
});

describe('hand-made violations make slz check exit 1, naming the rule', () => {
  const cases: [string, string, 'platform' | 'tenant', (json: Json) => void, string][] = [
    [
      'a transit key made exportable',
      'VC-TR1',
      'tenant',
      (json) => {
        firstOf(json, 'vault_transit_secret_backend_key')['exportable'] = true;
      },
      'minimal-tenant-records-cyberjaya/keys/key-records',
    ],
    [
      'the Vault provider pointed outside the country',
      'SB-EP1',
      'platform',
      (json) => {
        ((json['provider'] as Record<string, Json[]>)['vault']![0]!)['address'] = 'https://vault.example.com:8200';
      },
      'minimal-platform-cyberjaya/provider/vault',
    ],
    [
      'the default-deny policy removed (k8s-tenancy pack)',
      'KT-NS1',
      'tenant',
      (json) => {
        const policies = resources(json, 'kubernetes_network_policy_v1');
        for (const name of Object.keys(policies)) if (name.includes('DefaultDeny')) delete policies[name];
      },
      'minimal-tenant-records-cyberjaya',
    ],
    [
      'egress opened to 0.0.0.0/0 (k8s-tenancy pack)',
      'KT-NP1',
      'tenant',
      (json) => {
        const policies = resources(json, 'kubernetes_network_policy_v1');
        const same = Object.entries(policies).find(([n]) => n.includes('AllowSameNamespace'))![1];
        ((same['spec'] as Json)['egress'] as Json[]).push({ to: [{ ip_block: { cidr: '0.0.0.0/0' } }] });
      },
      'minimal-tenant-records-cyberjaya/firewall/AllowSameNamespace',
    ],
    [
      'a wildcard RBAC verb (k8s-tenancy pack)',
      'KT-RB1',
      'platform',
      (json) => {
        const role = firstOf(json, 'kubernetes_cluster_role_v1');
        ((role['rule'] as Json[])[0]!['verbs'] as string[]).push('*');
      },
      'minimal-platform-cyberjaya/log-forwarder/ClusterRole',
    ],
  ];

  it.each(cases)('%s → %s', (_what, ruleId, stack, edit, path) => {
    const before = check(mutated(stack, () => undefined));
    expect(before.stdout).not.toMatch(new RegExp(`ERROR ${ruleId}\\b`));
    const r = check(mutated(stack, edit));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^\\s+ERROR ${ruleId} ${path.replace(/[/.]/g, '\\$&')}`, 'm'));
  });
});

describe('bad trees exit 2 with a one-line reason', () => {
  it('a missing directory', () => {
    const r = check(join(tempDir(), 'nope'));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^check: .*nope does not exist/);
  });

  it('a directory without stacks, and a malformed stack file', () => {
    expect(check(tempDir()).stderr).toMatch(/has no stacks\/ folder/);
    const dir = mutated('tenant', () => undefined);
    writeFileSync(join(dir, 'stacks', minimal.stacks[0]!.name, 'cdk.tf.json'), '{ not json');
    const r = check(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not valid JSON/);
  });

  it('a malformed slz-context.json, and a malformed --today', () => {
    const dir = mutated('tenant', () => undefined);
    writeFileSync(join(dir, 'slz-context.json'), '{"apiVersion":"slz/v1"}');
    expect(check(dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/slz-context\.json is malformed/) });
    expect(check(mutated('tenant', () => undefined), { today: '2026-13-01' })).toMatchObject({ code: 2, stderr: expect.stringMatching(/--today/) });
  });

  it('a tree without slz-context.json is checked, with residency unknown', () => {
    const dir = mutated('tenant', () => undefined);
    rmSync(join(dir, 'slz-context.json'));
    const r = check(dir);
    expect(r.stderr).toMatch(/slz-context\.json not found/);
    expect(r.stdout).toMatch(/ERROR SB-EP1 \[unknown\]/);
    expect(r.code).toBe(1);
  });
});
