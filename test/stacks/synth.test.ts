import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { ProblemList } from '../../src/landing-zone/problems';
import { findSecrets } from '../../src/landing-zone/secrets';
import { slz, STACK_TRACE } from '../helpers/cli';
import { nonEmpty } from '../helpers/non-empty';
import { readTree, resourcesOf, synthTree, tempDir, type SynthTree } from '../helpers/synth';

const MINIMAL = 'examples/minimal/landing-zone.yaml';
const FULL = 'test/fixtures/landing-zones/full.yaml';

let minimal: SynthTree;
let full: SynthTree;

beforeAll(() => {
  minimal = synthTree(MINIMAL);
  full = synthTree(FULL);
});

describe('slz synth of the minimal example', () => {
  it('writes one platform, one tenancy and one admission stack', () => {
    expect(Object.keys(minimal.stacks)).toEqual(['minimal-admission-cyberjaya', 'minimal-platform-cyberjaya', 'minimal-tenant-records-cyberjaya']);
    expect(minimal.run.stdout).toMatch(/3 stacks, \d+ resources/);
  });

  it('is byte-identical when synthesized twice', () => {
    const again = synthTree(MINIMAL);
    const a = readTree(minimal.dir);
    const b = readTree(again.dir);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [file, content] of a) expect(b.get(file)?.equals(content)).toBe(true);
  });

  it('matches the reviewed snapshot', () => {
    // The cdktf version stamp differs under the cdktn alias (CI runs both); everything else must not.
    const stacks = JSON.parse(JSON.stringify(minimal.stacks).replace(/"version":"0\.(21|2[2-9])\.\d+"/g, '"version":"<cdktf>"')) as unknown;
    expect(stacks).toMatchSnapshot();
  });
});

describe.each([
  ['minimal', () => minimal],
  ['full', () => full],
])('every stack of the %s landing zone', (_name, tree) => {
  it('pins fully qualified providers with ~> ranges and a Terraform version', () => {
    for (const [stack, json] of nonEmpty(Object.entries(tree().stacks), 'synthesized stack')) {
      const providers = json.terraform.required_providers ?? {};
      expect(Object.keys(providers).length).toBeGreaterThan(0);
      for (const [name, p] of Object.entries(providers)) {
        expect({ stack, name, source: p.source }).toEqual({ stack, name, source: `hashicorp/${name}` });
        expect(p.version).toMatch(/^~> \d+\.\d+$/);
      }
      expect(json.terraform.required_version).toBe('>= 1.11.0');
      expect(Object.keys(json.terraform.backend ?? {})).toHaveLength(1);
    }
  });

  it('configures providers without credentials', () => {
    const configs = Object.values(tree().stacks).flatMap((json) => Object.values(json.provider ?? {}).flat());
    for (const config of nonEmpty(configs, 'provider configuration')) {
      for (const key of Object.keys(config)) expect(key).not.toMatch(/^(token|password|client_secret|client_key|client_certificate|cluster_ca_certificate|auth_login.*)$/);
    }
  });

  it('contains no token, password, private key or kubeconfig content', () => {
    for (const [stack, json] of nonEmpty(Object.entries(tree().stacks), 'synthesized stack')) {
      const problems = new ProblemList();
      findSecrets(json, problems);
      expect({ stack, problems: problems.items }).toEqual({ stack, problems: [] });
    }
  });

  it('keeps every transit key non-exportable, non-deletable, without plaintext backup, and rotating', () => {
    const keys = resourcesOf(tree(), 'vault_transit_secret_backend_key');
    expect(keys.length).toBeGreaterThan(0);
    for (const { body } of keys) {
      expect(body).toMatchObject({ exportable: false, deletion_allowed: false, allow_plaintext_backup: false });
      expect(body.auto_rotate_period).toBeGreaterThan(0);
    }
  });

  it('gives every tenant namespace a default-deny policy for both directions', () => {
    const namespaces = resourcesOf(tree(), 'kubernetes_namespace_v1').filter(({ stack }) => stack.includes('-tenant-'));
    const policies = resourcesOf(tree(), 'kubernetes_network_policy_v1');
    for (const ns of nonEmpty(namespaces, 'tenant namespace')) {
      const deny = policies.find((p) => p.stack === ns.stack && (p.body.metadata as { name: string }).name === 'default-deny');
      expect(deny?.body.spec).toMatchObject({ policy_types: ['Ingress', 'Egress'] });
    }
  });

  it('creates every other Vault object of a platform only once both audit devices exist (nothing unaudited)', () => {
    let checked = 0;
    for (const [stack, json] of Object.entries(tree().stacks)) {
      const audit = Object.keys(json.resource?.['vault_audit'] ?? {}).map((n) => `vault_audit.${n}`);
      if (audit.length === 0) continue;
      for (const [type, byName] of Object.entries(json.resource ?? {})) {
        if (!type.startsWith('vault_') || type === 'vault_audit') continue;
        for (const [name, body] of Object.entries(byName)) {
          expect({ stack, resource: `${type}.${name}`, dependsOn: [...((body.depends_on as string[] | undefined) ?? [])].filter((d) => d.startsWith('vault_audit.')).sort() }).toEqual({ stack, resource: `${type}.${name}`, dependsOn: [...audit].sort() });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('writes no Vault duration in a form the server reports back differently (a change on every plan)', () => {
    // Vault returns TTLs and periods as seconds; the provider stores what it reads. "168h" in the
    // configuration would plan as "604800" -> "168h" forever, so every duration is written in seconds.
    const withUnits: string[] = [];
    let durations = 0;
    for (const [stack, json] of Object.entries(tree().stacks)) {
      for (const [type, byName] of Object.entries(json.resource ?? {})) {
        if (!type.startsWith('vault_')) continue;
        for (const [name, body] of Object.entries(byName)) {
          for (const [attr, value] of Object.entries(body)) {
            if (!/(^|_)(ttl|period|max_ttl)$/.test(attr)) continue;
            durations++;
            if (typeof value === 'string' && !/^\d+$/.test(value)) withUnits.push(`${stack} ${type}.${name}.${attr}=${value}`);
          }
        }
      }
    }
    expect(withUnits).toEqual([]);
    expect(durations).toBeGreaterThan(0);
  });

  it('writes Vault policies that a real HCL parser reads, granting only tenant paths', async () => {
    const policies = resourcesOf(tree(), 'vault_policy');
    expect(policies.length).toBeGreaterThan(0);
    let tenantPaths = 0;
    for (const { stack, body } of policies) {
      const text = (body.policy as string).replace(/\$\$\{/g, '${');
      const parsed = (await parseHcl(`${stack}.hcl`, text)) as { path: Record<string, { capabilities: string[] }[]> };
      const paths = Object.keys(parsed.path);
      expect(paths.length).toBeGreaterThan(0);
      for (const p of paths) {
        const caps = parsed.path[p]!.flatMap((b) => b.capabilities);
        expect(caps).not.toContain('root');
        if (stack.includes('-tenant-')) {
          tenantPaths++;
          const tenant = /-tenant-(.+)-[a-z0-9]+$/.exec(stack)![1];
          expect(p.startsWith(`tenants/${tenant}/`)).toBe(true);
          expect(caps).not.toContain('sudo');
          expect(p).not.toMatch(/\/keys\//);
        }
      }
    }
    expect(tenantPaths).toBeGreaterThan(0);
  });
});

describe('slz synth of the full landing zone', () => {
  it('emits one tenancy stack per tenant and region, honouring tenant regions', () => {
    expect(Object.keys(full.stacks).filter((s) => s.includes('-tenant-'))).toEqual(['moh-tenant-analytics-cyberjaya', 'moh-tenant-patient-records-cyberjaya', 'moh-tenant-patient-records-kulim']);
  });

  it('grants each workload exactly the transit operations of its keys', async () => {
    const policy = resourcesOf(full, 'vault_policy').find((p) => p.stack === 'moh-tenant-patient-records-cyberjaya' && p.body.name === 'patient-records-archiver')!;
    const parsed = (await parseHcl('p.hcl', policy.body.policy as string)) as { path: Record<string, unknown> };
    expect(Object.keys(parsed.path).sort()).toEqual(
      [
        'tenants/patient-records/transit/decrypt/wrap',
        'tenants/patient-records/transit/encrypt/wrap',
        'tenants/patient-records/transit/datakey/plaintext/wrap',
        'tenants/patient-records/transit/datakey/wrapped/wrap',
        'tenants/patient-records/transit/sign/audit-sign',
        'tenants/patient-records/transit/verify/audit-sign',
      ].sort(),
    );
  });

  it('opens egress only to the declared in-country destinations of each tenant', () => {
    const egress = resourcesOf(full, 'kubernetes_network_policy_v1').filter((p) => p.stack === 'moh-tenant-patient-records-cyberjaya' && /allow-egress-/.test((p.body.metadata as { name: string }).name));
    const cidrs = egress.flatMap((p) => JSON.stringify(p.body.spec).match(/"cidr":"[^"]+"/g) ?? []);
    // The declared destinations, and the region's Vault on its address's port for the tenant's workloads.
    expect(cidrs.sort()).toEqual(['"cidr":"10.10.30.0/28"', '"cidr":"10.20.0.0/16"', '"cidr":"10.30.1.0/24"']);
    const vault = egress.find((p) => (p.body.metadata as { name: string }).name === 'allow-egress-vault');
    expect(vault?.body.spec).toMatchObject({ egress: [{ to: [{ ip_block: { cidr: '10.10.30.0/28' } }], ports: [{ port: '8200', protocol: 'TCP' }] }] });
    const analytics = resourcesOf(full, 'kubernetes_network_policy_v1').filter((p) => p.stack === 'moh-tenant-analytics-cyberjaya' && /allow-egress-/.test((p.body.metadata as { name: string }).name));
    // analytics declares no egress destination: its workloads reach only Vault.
    expect(analytics.map((p) => (p.body.metadata as { name: string }).name)).toEqual(['allow-egress-vault']);
  });

  it('binds human Vault logins to the admin networks, the admin groups and an MFA claim', () => {
    const roles = resourcesOf(full, 'vault_jwt_auth_backend_role').filter((r) => r.stack === 'moh-platform-cyberjaya');
    expect(roles).toHaveLength(2);
    for (const { body } of roles) {
      expect(body.token_bound_cidrs).toEqual(['10.99.0.0/16']);
      expect(body.bound_claims).toMatchObject({ amr: 'mfa' });
    }
    expect(roles.map((r) => (r.body.bound_claims as { groups: string }).groups).sort()).toEqual(['MOH Vault Admins', 'moh-platform']);
  });

  it('declares the OIDC client secret as a sensitive variable without a value', () => {
    const platform = full.stacks['moh-platform-cyberjaya']!;
    expect(platform.variable?.oidc_client_secret).toMatchObject({ sensitive: true });
    expect(platform.variable?.oidc_client_secret).not.toHaveProperty('default');
  });

  it('uses the pg state backend without a password and one schema per stack', () => {
    const schemas = Object.entries(full.stacks).map(([, json]) => (json.terraform.backend as { pg: { conn_str: string; schema_name: string } }).pg);
    for (const pg of schemas) expect(pg.conn_str).toBe('postgres://tfstate.moh.example.gov.my:5432/terraform?sslmode=verify-full');
    expect(new Set(schemas.map((s) => s.schema_name)).size).toBe(schemas.length);
  });
});

describe('slz synth on bad input or a bad destination', () => {
  it('refuses a landing-zone file that smuggles a Vault token, without echoing it or writing anything', () => {
    const dir = tempDir();
    const token = `hvs.${'A1b2C3d4'.repeat(4)}`;
    const file = join(dir, 'lz.yaml');
    const text = readFileSync(MINIMAL, 'utf8').replace('context: pdsa-cyberjaya', `context: ${token}`);
    writeFileSync(file, text);
    const out = join(dir, 'out');
    const r = slz('synth', file, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^regions\[0\]\.kubernetes\.context: looks like a Vault token/m);
    expect(r.stdout + r.stderr).not.toContain(token);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(out)).toBe(false);
  });

  it('leaves a previous output byte-identical when the new input is invalid', () => {
    const before = readTree(minimal.dir);
    const r = slz('synth', 'test/fixtures/landing-zones/does-not-exist.yaml', '--out', minimal.dir);
    expect(r.code).toBe(2);
    const after = readTree(minimal.dir);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [f, c] of before) expect(after.get(f)?.equals(c)).toBe(true);
  });

  it('refuses to replace a non-empty directory that is not an slz output', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine', 'thesis.tex'), 'irreplaceable');
    const r = slz('synth', MINIMAL, '--out', join(dir, 'mine'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not empty and is not an output of slz/);
    expect(readdirSync(join(dir, 'mine'))).toEqual(['thesis.tex']);
  });

  it('replaces its own previous output whole', () => {
    const out = join(tempDir(), 'out');
    expect(slz('synth', FULL, '--out', out).code).toBe(0);
    expect(slz('synth', MINIMAL, '--out', out).code).toBe(0);
    expect(readdirSync(join(out, 'stacks')).sort()).toEqual(Object.keys(minimal.stacks));
  });
});
