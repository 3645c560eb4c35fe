/**
 * Nothing the user owns is ever lost: every file Terraform or OpenTofu creates where a user
 * following the README works (each stack's folder, the output directory, the state folder beside
 * it) survives re-synthesis — same input, changed input, a removed stack, a killed run — or synth
 * refuses with exit 2 and says why. The built CLI runs in child processes, as users run it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tempDir } from '../helpers/synth';
import { nonEmpty } from '../helpers/non-empty';

const BIN = join(__dirname, '..', '..', 'bin', 'slz.js');
const MINIMAL = 'examples/minimal/landing-zone.yaml';

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What `terraform init/apply` and a user following docs/apply.md leave in a stack's folder. */
const STACK_FILES = [
  '.terraform/terraform.tfstate',
  '.terraform/providers/registry.opentofu.org/hashicorp/vault/5.11.0/linux_amd64/terraform-provider-vault_v5.11.0',
  '.terraform.lock.hcl',
  'terraform.tfstate',
  'terraform.tfstate.backup',
  'errored.tfstate',
  'encryption.tofu',
  'override.tofu',
  'prod.auto.tfvars',
  'secrets.tfvars',
  'tfplan',
  'crash.log',
];
/** Beside the stacks: shared settings some teams keep at the top of the output folder. */
const TOP_FILES = ['encryption.tofu', 'terraform.tfvars', 'notes/runbook.md'];

/** Plants a distinct content in each file and returns path → content. */
function plant(root: string, rels: readonly string[], tag: string): Map<string, string> {
  const planted = new Map<string, string>();
  for (const rel of rels) {
    const path = join(root, rel);
    mkdirSync(join(path, '..'), { recursive: true });
    const content = `${tag}:${rel}:${Math.random()}`;
    writeFileSync(path, content);
    planted.set(path, content);
  }
  return planted;
}

function plantEverywhere(out: string): Map<string, string> {
  const planted = new Map<string, string>();
  for (const stack of readdirSync(join(out, 'stacks'))) {
    for (const [p, c] of plant(join(out, 'stacks', stack), STACK_FILES, stack)) planted.set(p, c);
    // The default local state, where the stack's backend writes it (outside the output folder).
    for (const [p, c] of plant(join(out, '..', 'terraform-state'), [`${stack}.tfstate`, `${stack}.tfstate.backup`], 'state')) planted.set(p, c);
  }
  for (const [p, c] of plant(out, TOP_FILES, 'top')) planted.set(p, c);
  return planted;
}

function expectIntact(planted: Map<string, string>, moved: (path: string) => string = (p) => p): void {
  const lost = [...planted].filter(([path, content]) => {
    const now = moved(path);
    return !existsSync(now) || readFileSync(now, 'utf8') !== content;
  });
  expect(lost.map(([p]) => p)).toEqual([]);
}

describe('re-synthesis keeps every file slz did not write', () => {
  it('writes local state outside the output folder by default', () => {
    const out = join(tempDir(), 'cdktf.out');
    expect(run('synth', MINIMAL, '--out', out).code).toBe(0);
    for (const stack of nonEmpty(readdirSync(join(out, 'stacks')), 'synthesized stack')) {
      const json = JSON.parse(readFileSync(join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as { terraform: { backend: { local: { path: string } } } };
      const resolved = join(out, 'stacks', stack, json.terraform.backend.local.path);
      expect(relative(join(out, '..'), resolved)).toBe(join('terraform-state', `${stack}.tfstate`));
    }
  });

  it('carries state, lock files, .terraform/, *.tofu and *.tfvars over a re-synth of the same input', () => {
    const out = join(tempDir(), 'cdktf.out');
    expect(run('synth', MINIMAL, '--out', out).code).toBe(0);
    const planted = plantEverywhere(out);
    const r = run('synth', MINIMAL, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Kept \d+ files slz did not write/);
    expectIntact(planted);
    // The new stacks were still written: the planted files did not block the update.
    expect(existsSync(join(out, 'stacks', 'minimal-platform-cyberjaya', 'cdk.tf.json'))).toBe(true);
  });

  it('keeps them over changed input, and moves a removed stack with its files and last configuration to orphaned/', () => {
    const dir = tempDir();
    const out = join(dir, 'cdktf.out');
    const two = join(dir, 'two.yaml');
    const text = readFileSync(MINIMAL, 'utf8');
    writeFileSync(two, text.replace('tenants:\n', 'tenants:\n  - name: billing\n    quota: { cpu: "1", memory: 1Gi, pods: 5 }\n'));
    expect(run('synth', two, '--out', out).code).toBe(0);
    const lastConfig = readFileSync(join(out, 'stacks', 'minimal-tenant-billing-cyberjaya', 'cdk.tf.json'), 'utf8');
    const planted = plantEverywhere(out);
    const r = run('synth', MINIMAL, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/stack minimal-tenant-billing-cyberjaya is no longer synthesized.*orphaned\/minimal-tenant-billing-cyberjaya\//);
    const billing = join(out, 'stacks', 'minimal-tenant-billing-cyberjaya');
    expectIntact(planted, (p) => (p.startsWith(`${billing}/`) ? join(out, 'orphaned', 'minimal-tenant-billing-cyberjaya', p.slice(billing.length + 1)) : p));
    expect(existsSync(billing)).toBe(false);
    expect(readFileSync(join(out, 'orphaned', 'minimal-tenant-billing-cyberjaya', 'cdk.tf.json'), 'utf8')).toBe(lastConfig);
    // Orphans stay until the user deletes them, and analysis reads only stacks/.
    expect(run('synth', MINIMAL, '--out', out).code).toBe(0);
    expectIntact(planted, (p) => (p.startsWith(`${billing}/`) ? join(out, 'orphaned', 'minimal-tenant-billing-cyberjaya', p.slice(billing.length + 1)) : p));
    expect(run('check', out).code).toBe(0);
  });

  it('carries symbolic links as links, never following them', () => {
    const out = join(tempDir(), 'cdktf.out');
    expect(run('synth', MINIMAL, '--out', out).code).toBe(0);
    const cache = join(tempDir(), 'plugin-cache');
    mkdirSync(cache);
    writeFileSync(join(cache, 'provider'), 'binary');
    const link = join(out, 'stacks', 'minimal-platform-cyberjaya', '.terraform', 'plugins');
    mkdirSync(join(link, '..'), { recursive: true });
    symlinkSync(cache, link);
    expect(run('synth', MINIMAL, '--out', out).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(cache);
    expect(readFileSync(join(cache, 'provider'), 'utf8')).toBe('binary');
  });

  it('refuses (exit 2, nothing changed) while Terraform holds a state lock in the output', () => {
    const out = join(tempDir(), 'cdktf.out');
    expect(run('synth', MINIMAL, '--out', out).code).toBe(0);
    const planted = plantEverywhere(out);
    const lock = join(out, 'stacks', 'minimal-tenant-records-cyberjaya', '.terraform.tfstate.lock.info');
    writeFileSync(lock, '{"ID":"x","Operation":"OperationTypeApply"}');
    const config = readFileSync(join(out, 'stacks', 'minimal-platform-cyberjaya', 'cdk.tf.json'), 'utf8');
    const r = run('synth', MINIMAL, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.terraform\.tfstate\.lock\.info: Terraform or OpenTofu is working on that state/);
    expectIntact(planted);
    expect(readFileSync(join(out, 'stacks', 'minimal-platform-cyberjaya', 'cdk.tf.json'), 'utf8')).toBe(config);
  });

  it('refuses when a file of the user sits where slz now writes one', () => {
    const dir = tempDir();
    const out = join(dir, 'cdktf.out');
    expect(run('synth', MINIMAL, '--out', out).code).toBe(0);
    // Unmark the stack file (an older marker did not list it) and plant the user's own copy there.
    const marker = join(out, '.slz-output');
    writeFileSync(marker, readFileSync(marker, 'utf8').replace('stacks/minimal-admission-cyberjaya/cdk.tf.json\n', ''));
    const r = run('synth', MINIMAL, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a file slz wrote, but slz now writes a file at stacks\/minimal-admission-cyberjaya\/cdk\.tf\.json/);
  });

  it.each(['carrying', 'before-swap', 'between-renames', 'after-swap'])('keeps every planted file when a re-synth of changed input is killed %s, and the next run completes', (point) => {
    const dir = tempDir();
    const out = join(dir, 'cdktf.out');
    const two = join(dir, 'two.yaml');
    writeFileSync(two, readFileSync(MINIMAL, 'utf8').replace('tenants:\n', 'tenants:\n  - name: billing\n    quota: { cpu: "1", memory: 1Gi, pods: 5 }\n'));
    expect(run('synth', MINIMAL, '--out', out).code).toBe(0);
    const planted = plantEverywhere(out);
    const killed = spawnSync(process.execPath, [BIN, 'synth', two, '--out', out], { encoding: 'utf8', env: { ...process.env, SLZ_CRASH_AT: point } });
    expect(killed.signal).toBe('SIGKILL');
    // Whatever the moment, the user's files are in DIR or, between the renames, in the old tree beside it.
    const next = run('synth', MINIMAL, '--out', out);
    expect(next.code).toBe(0);
    expectIntact(planted);
    expect(existsSync(join(out, 'stacks', 'minimal-platform-cyberjaya', 'cdk.tf.json'))).toBe(true);
    expect(readdirSync(join(out, '..')).filter((n) => n.includes('.slz-'))).toEqual([]);
  });
});
