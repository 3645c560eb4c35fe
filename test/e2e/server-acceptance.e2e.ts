/**
 * What the real servers accept, checked without the Terraform providers (which the Go proxy
 * refuses, so CI cannot apply): the kit's Vault and kube-apiserver judge the parts of every
 * example that go to them verbatim, and the server-capability table is held against the server.
 *
 * - every `vault_policy` HCL of every example is written to the real Vault (which parses it) and
 *   read back unchanged;
 * - every `kubernetes_manifest` (the residency ValidatingAdmissionPolicy and its binding) is
 *   created with `dryRun=All`: the real apiserver's schema and CEL validation;
 * - every transit key type slz knows is created on the real Vault: accepted exactly where
 *   src/jurisdictions/server-capabilities.ts says a Vault Community of this version accepts it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRANSIT_KEY_TYPES } from '../../src/jurisdictions/algorithms';
import { transitKeySupport, vaultServer } from '../../src/jurisdictions/server-capabilities';
import { synthesize as synthesizeFork } from '../../examples/typescript-fork/main';
import { gate, itWithLogs, serverBinaries, stackResources, startServers, type Servers } from './harness';

const ROOT = join(__dirname, '..', '..');
const SLZ = join(ROOT, 'bin', 'slz.js');
const kit = serverBinaries();
type Json = Record<string, unknown>;

const examples = readdirSync(join(ROOT, 'examples'))
  .filter((e) => existsSync(join(ROOT, 'examples', e, 'landing-zone.yaml')))
  .sort();


/** The REST collection of a manifest: `/apis/<group>/<version>/<plural>` (cluster-scoped kinds slz writes). */
function collection(manifest: { apiVersion: string; kind: string; metadata: { namespace?: string } }): string {
  const kind = manifest.kind.toLowerCase();
  const plural = kind.endsWith('y') ? `${kind.slice(0, -1)}ies` : `${kind}s`;
  const base = manifest.apiVersion.includes('/') ? `/apis/${manifest.apiVersion}` : `/api/${manifest.apiVersion}`;
  return manifest.metadata.namespace ? `${base}/namespaces/${manifest.metadata.namespace}/${plural}` : `${base}/${plural}`;
}

describe('the real servers accept what every example sends them verbatim', () => {
  if (!gate('server acceptance of every example', kit.missing, { failInCi: true })) return;

  let servers: Servers | undefined;
  const step = itWithLogs(() => servers);
  const work = mkdtempSync(join(tmpdir(), 'slz-e2e-acceptance-'));
  const trees = new Map<string, string>();

  beforeAll(async () => {
    servers = await startServers({ binaries: kit.binaries! });
    for (const example of examples) {
      const out = join(work, example, 'cdktf.out');
      mkdirSync(join(work, example), { recursive: true });
      if (existsSync(join(ROOT, 'examples', example, 'main.ts'))) synthesizeFork(out, join(ROOT, 'examples', example, 'landing-zone.yaml'));
      else {
        const r = spawnSync(process.execPath, [SLZ, 'synth', join(ROOT, 'examples', example, 'landing-zone.yaml'), '--out', out], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`synth ${example} (${String(r.status)}):\n${r.stdout}\n${r.stderr}`);
      }
      trees.set(example, out);
    }
  }, 10 * 60_000);

  afterAll(async () => {
    await servers?.stop();
    rmSync(work, { recursive: true, force: true });
  }, 120_000);

  step('every vault_policy of every example is parsed by Vault and read back unchanged', async () => {
    const v = servers!.vault.client;
    let n = 0;
    for (const [example, out] of trees) {
      for (const p of stackResources(out, 'vault_policy')) {
        const name = `e2e-${example}-${p.stack}-${String(p.body.name)}`.slice(0, 120);
        const written = await v.request('PUT', `sys/policies/acl/${name}`, { policy: p.body.policy });
        expect({ policy: `${example}/${p.stack}/${String(p.body.name)}`, status: written.status, text: written.status === 204 ? '' : written.text }).toEqual({ policy: `${example}/${p.stack}/${String(p.body.name)}`, status: 204, text: '' });
        const read = await v.read<{ data: { policy: string } }>(`sys/policies/acl/${name}`);
        expect(read.data.policy).toBe(p.body.policy);
        await v.request('DELETE', `sys/policies/acl/${name}`);
        n++;
      }
    }
    expect(n).toBeGreaterThanOrEqual(examples.length);
  });

  step('every kubernetes_manifest of every example passes the apiserver (dry run: schema, CEL)', async () => {
    const k = servers!.kubernetes.client;
    let n = 0;
    for (const [example, out] of trees) {
      for (const m of stackResources(out, 'kubernetes_manifest')) {
        const manifest = m.body.manifest as { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } };
        const r = await k.request('POST', `${collection(manifest)}?dryRun=All&fieldValidation=Strict`, manifest);
        const message = (r.json as { message?: string } | undefined)?.message ?? '';
        expect({ manifest: `${example}/${m.stack}/${manifest.kind}/${manifest.metadata.name}`, status: r.status, message: r.status < 300 ? '' : message }).toEqual({
          manifest: `${example}/${m.stack}/${manifest.kind}/${manifest.metadata.name}`,
          status: 201,
          message: '',
        });
        n++;
      }
    }
    expect(n).toBeGreaterThanOrEqual(2 * examples.length);
  });

  step('each transit key type is accepted by this Vault exactly where the capability table says', async () => {
    const v = servers!.vault.client;
    const version = servers!.vault.version.replace(/^v/, '').replace(/[^0-9.].*$/, '');
    const server = vaultServer({ dialect: 'vault', edition: 'community', version });
    await v.request('POST', 'sys/mounts/e2e-capabilities', { type: 'transit' });
    const disagreements: string[] = [];
    for (const type of TRANSIT_KEY_TYPES) {
      const body: Json = { type, exportable: false, allow_plaintext_backup: false, ...(type === 'hmac' ? { key_size: 32 } : {}), ...(type === 'ml-dsa' || type === 'slh-dsa' ? { parameter_set: type === 'ml-dsa' ? '65' : 'sha2-128s' } : {}) };
      const r = await v.request('POST', `e2e-capabilities/keys/${type}`, body);
      const accepted = r.status >= 200 && r.status < 300;
      const predicted = transitKeySupport(server, type).ok;
      if (accepted !== predicted) disagreements.push(`${type}: Vault ${version} ${accepted ? 'accepted' : `refused (${r.status} ${r.text.trim()})`}, the table says ${predicted ? 'accepted' : 'refused'}`);
    }
    expect(disagreements).toEqual([]);
    // HMAC with key_size 0 is what the provider sent before the fix (issue 13 item 2): refused.
    const bare = await v.request('POST', 'e2e-capabilities/keys/hmac-no-size', { type: 'hmac', key_size: 0 });
    expect({ refused: bare.status >= 400, text: bare.text }).toEqual({ refused: true, text: expect.stringMatching(/invalid key size for HMAC key/) });
    await v.request('DELETE', 'sys/mounts/e2e-capabilities');
  });
});
