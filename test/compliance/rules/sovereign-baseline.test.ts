/**
 * The sovereign-baseline rules on real synthesized JSON (the minimal example and the full
 * fixture), unmodified (compliant) and mutated in deep copies (non-compliant, unknown).
 */
import { rule as EP1 } from '../../../src/compliance/rules/sovereign-baseline/sb-ep1-provider-endpoints-in-country';
import { rule as FLX1 } from '../../../src/compliance/rules/sovereign-baseline/sb-flx1-operators-under-local-law';
import { imageRegistry, rule as IMG1 } from '../../../src/compliance/rules/sovereign-baseline/sb-img1-images-from-in-country-registry';
import { rule as PRV1 } from '../../../src/compliance/rules/sovereign-baseline/sb-prv1-providers-pinned';
import { rule as PRV2 } from '../../../src/compliance/rules/sovereign-baseline/sb-prv2-terraform-version';
import { rule as RES1 } from '../../../src/compliance/rules/sovereign-baseline/sb-res1-cloud-regions-in-country';
import { rule as RES3 } from '../../../src/compliance/rules/sovereign-baseline/sb-res3-state-backend-in-country';
import { rule as RES4 } from '../../../src/compliance/rules/sovereign-baseline/sb-res4-audit-sink-in-country';
import { fluentBitOutputHosts, rule as RES5 } from '../../../src/compliance/rules/sovereign-baseline/sb-res5-log-shipper-in-country';
import { rule as RES6 } from '../../../src/compliance/rules/sovereign-baseline/sb-res6-identity-endpoints-in-country';
import { rule as SEC1 } from '../../../src/compliance/rules/sovereign-baseline/sb-sec1-no-secrets-in-json';
import { rule as SEC2 } from '../../../src/compliance/rules/sovereign-baseline/sb-sec2-sensitive-inputs';
import { rule as SEC3 } from '../../../src/compliance/rules/sovereign-baseline/sb-sec3-write-only-secrets';
import { rule as ST1 } from '../../../src/compliance/rules/sovereign-baseline/sb-st1-state-not-local';
import { rule as ST2 } from '../../../src/compliance/rules/sovereign-baseline/sb-st2-state-encrypted';
import { rule as TLS1 } from '../../../src/compliance/rules/sovereign-baseline/sb-tls1-endpoints-use-tls';
import { SOVEREIGN_BASELINE_RULES } from '../../../src/compliance/packs/sovereign-baseline';
import type { SynthStack } from '../../../src/synthesized';
import { copy, deletePath, first, FULL, MINIMAL, resourcePath, run, setPath, stackNamed, summary, synthesize, withContext, type Tree } from '../helpers';
import { expectEvery } from '../../helpers/non-empty';

let minimal: Tree;
let full: Tree;

beforeAll(() => {
  minimal = synthesize(MINIMAL);
  full = synthesize(FULL);
});

const platform = (stacks: SynthStack[]): SynthStack => stackNamed(stacks, 'platform');
const tenant = (stacks: SynthStack[]): SynthStack => stackNamed(stacks, 'tenant');

describe('the bundled trees are compliant with every sovereign-baseline rule except SB-ST1 on local state', () => {
  it.each(SOVEREIGN_BASELINE_RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    expect(summary(run(rule, full.stacks, full.context))).toEqual([]);
    const onMinimal = summary(run(rule, minimal.stacks, minimal.context));
    // The minimal example keeps local state: SB-ST1 must say so on each of its stacks, not pass.
    if (rule.id === 'SB-ST1') expect(onMinimal.map((f) => f.replace(/:minimal-[a-z-]+\//, ':minimal-*/'))).toEqual(minimal.stacks.map(() => 'fail:minimal-*/backend/local#path'));
    else expect(onMinimal).toEqual([]);
  });
});

describe('SB-EP1 provider endpoints are in-country', () => {
  it('fails a Vault address outside the declared domains, on each stack that uses it', () => {
    const stacks = copy(minimal.stacks);
    for (const s of [platform(stacks), tenant(stacks)]) setPath(s.json, ['provider', 'vault', 0, 'address'], 'https://vault.example.com:8200');
    const f = run(EP1, stacks, minimal.context);
    expect(summary(f)).toEqual(['fail:minimal-platform-cyberjaya/provider/vault#address', 'fail:minimal-tenant-records-cyberjaya/provider/vault#address']);
    expect(f[0]!.message).toMatch(/vault\.example\.com is not under the declared in-country domains \(agency\.example\.gov\.my\).*MY/);
    expect(f[0]!.jsonPath).toEqual(['provider', 'vault', 0]);
  });

  it('judges IP literals against inCountryCidrs', () => {
    const stacks = copy(full.stacks);
    expect(run(EP1, stacks, full.context)).toEqual([]); // kulim's API is https://10.40.0.10:6443
    setPath(stackNamed(stacks, 'admission-kulim').json, ['provider', 'kubernetes', 0, 'host'], 'https://203.0.113.5:6443');
    expect(summary(run(EP1, stacks, full.context))).toEqual(['fail:moh-admission-kulim/provider/kubernetes#host']);
  });

  it('is unknown for a reference or a host left to the kubeconfig, never a pass', () => {
    const stacks = copy(minimal.stacks);
    setPath(platform(stacks).json, ['provider', 'vault', 0, 'address'], '${var.vault_address}');
    deletePath(platform(stacks).json, ['provider', 'kubernetes', 0, 'host']);
    expect(summary(run(EP1, stacks, minimal.context))).toEqual(['unknown:minimal-platform-cyberjaya/provider/vault#address', 'unknown:minimal-platform-cyberjaya/provider/kubernetes#host']);
  });

  it('is unknown without a landing-zone context and not applicable below the residency threshold', () => {
    expectEvery(run(EP1, minimal.stacks), (f) => f.status === 'unknown', 'SB-EP1 outcome without a context');
    const stacks = copy(minimal.stacks);
    setPath(platform(stacks).json, ['provider', 'vault', 0, 'address'], 'https://vault.example.com:8200');
    expect(run(EP1, stacks, withContext(minimal.context, { ordinal: 1 }))).toEqual([]);
  });
});

describe('SB-TLS1 endpoints use TLS', () => {
  it('fails plain http on Vault and on the identity provider', () => {
    const stacks = copy(full.stacks);
    setPath(stackNamed(stacks, 'platform-kulim').json, ['provider', 'vault', 0, 'address'], 'http://vault.kulim.moh.example.gov.my:8200');
    const jwt = stackNamed(stacks, 'platform-cyberjaya');
    setPath(jwt.json, [...resourcePath(jwt, 'vault_jwt_auth_backend'), 'oidc_discovery_url'], 'http://id.example.gov.my/realms/gov');
    expect(summary(run(TLS1, stacks))).toEqual(['fail:moh-platform-cyberjaya/human-access/backend#oidc_discovery_url', 'fail:moh-platform-kulim/provider/vault#address']);
  });

  it('is unknown for references', () => {
    const stacks = copy(minimal.stacks);
    setPath(platform(stacks).json, ['provider', 'vault', 0, 'address'], '${var.addr}');
    expect(summary(run(TLS1, stacks))).toEqual(['unknown:minimal-platform-cyberjaya/provider/vault#address']);
  });
});

describe('SB-RES1 cloud regions', () => {
  const withAws = (region: string | undefined): SynthStack[] => {
    const stacks = copy(minimal.stacks);
    setPath(platform(stacks).json, ['provider', 'aws'], [region === undefined ? {} : { region }]);
    return stacks;
  };
  it('passes a catalogued in-country region and fails one abroad', () => {
    expect(run(RES1, withAws('ap-southeast-5'), minimal.context)).toEqual([]);
    const f = run(RES1, withAws('ap-southeast-1'), minimal.context);
    expect(summary(f)).toEqual(['fail:minimal-platform-cyberjaya/provider/aws#region']);
    expect(f[0]!.message).toMatch(/Singapore\)\) is in SG/);
  });
  it('is unknown for an uncatalogued or missing region', () => {
    expect(summary(run(RES1, withAws('xx-moon-1'), minimal.context))).toEqual(['unknown:minimal-platform-cyberjaya/provider/aws#region']);
    expect(summary(run(RES1, withAws(undefined), minimal.context))).toEqual(['unknown:minimal-platform-cyberjaya/provider/aws#region']);
  });
});

describe('SB-RES3 state backend in-country', () => {
  const withBackend = (backend: Record<string, unknown>): SynthStack[] => {
    const stacks = copy(full.stacks);
    setPath(platform(stacks).json, ['terraform', 'backend'], backend);
    return stacks;
  };
  it('fails a pg host, an S3 endpoint or HCP Terraform outside the country', () => {
    expect(summary(run(RES3, withBackend({ pg: { conn_str: 'postgres://db.example.com:5432/tf?sslmode=verify-full' } }), full.context))).toEqual(['fail:moh-platform-cyberjaya/backend/pg#conn_str']);
    expect(summary(run(RES3, withBackend({ s3: { bucket: 'b', key: 'k', endpoints: { s3: 'https://s3.example.com' }, encrypt: true } }), full.context))).toEqual(['fail:moh-platform-cyberjaya/backend/s3#endpoints.s3']);
    expect(summary(run(RES3, withBackend({ remote: { organization: 'moh' } }), full.context))).toEqual(['fail:moh-platform-cyberjaya/backend/remote#hostname']);
  });
  it('judges AWS S3 by its catalogued region', () => {
    expect(run(RES3, withBackend({ s3: { bucket: 'b', key: 'k', region: 'ap-southeast-5', encrypt: true } }), full.context)).toEqual([]);
    expect(summary(run(RES3, withBackend({ s3: { bucket: 'b', key: 'k', region: 'ap-southeast-1', encrypt: true } }), full.context))).toEqual(['fail:moh-platform-cyberjaya/backend/s3#region']);
    // A region the catalogue does not know cannot be judged either way.
    expect(summary(run(RES3, withBackend({ s3: { bucket: 'b', key: 'k', region: 'us-east-1', encrypt: true } }), full.context))).toEqual(['unknown:moh-platform-cyberjaya/backend/s3#region']);
  });
  it('is unknown for a conn_str reference, and ignores local state (SB-ST1 covers it)', () => {
    expect(summary(run(RES3, withBackend({ pg: { conn_str: '${var.pg}' } }), full.context))).toEqual(['unknown:moh-platform-cyberjaya/backend/pg#conn_str']);
    expect(run(RES3, minimal.stacks, minimal.context)).toEqual([]);
  });
});

describe('SB-FLX1 operators under local law', () => {
  const rahsia = (): Tree['context'] => withContext(full.context, { ordinal: 4, classification: 'RAHSIA' });
  it('fails state kept by a foreign cloud operator at the foreign-law threshold', () => {
    const stacks = copy(full.stacks);
    setPath(platform(stacks).json, ['terraform', 'backend'], { s3: { bucket: 'b', key: 'k', region: 'ap-southeast-5', encrypt: true } });
    const f = run(FLX1, stacks, rahsia());
    expect(summary(f)).toEqual(['fail:moh-platform-cyberjaya/backend/s3']);
    expect(f[0]!.message).toMatch(/under US law \(.*CLOUD Act/);
    expect(run(FLX1, stacks, full.context)).toEqual([]); // SULIT is below the threshold
  });
  it('fails a foreign cloud provider block and passes in-country pg state', () => {
    const stacks = copy(full.stacks);
    setPath(platform(stacks).json, ['provider', 'google'], [{ region: 'asia-southeast1' }]);
    expect(summary(run(FLX1, stacks, rahsia()))).toEqual(['fail:moh-platform-cyberjaya/provider/google']);
    expect(run(FLX1, full.stacks, rahsia())).toEqual([]);
  });
  it('is unknown for HCP Terraform, whose operator is not catalogued', () => {
    const stacks = copy(full.stacks);
    setPath(platform(stacks).json, ['terraform', 'backend'], { cloud: { organization: 'moh' } });
    expect(summary(run(FLX1, stacks, rahsia()))).toEqual(['unknown:moh-platform-cyberjaya/backend/cloud#hostname']);
  });
});

describe('SB-ST1 state not on local disk', () => {
  it('warns for the local backend at SULIT, not for pg, not below the threshold', () => {
    const f = run(ST1, minimal.stacks, minimal.context);
    expect(f.map((x) => x.level)).toEqual(['warning', 'warning', 'warning']);
    expect(summary(f)).toContain('fail:minimal-platform-cyberjaya/backend/local#path');
    expect(run(ST1, full.stacks, full.context)).toEqual([]);
    expect(run(ST1, minimal.stacks, withContext(minimal.context, { ordinal: 2 }))).toEqual([]);
  });
});

describe('SB-ST2 state encrypted', () => {
  const withBackend = (backend: Record<string, unknown>): SynthStack[] => {
    const stacks = copy(full.stacks);
    setPath(platform(stacks).json, ['terraform', 'backend'], backend);
    return stacks;
  };
  const only = (backend: Record<string, unknown>): string[] => summary(run(ST2, withBackend(backend)));
  it('passes verified TLS and encryption', () => {
    expect(run(ST2, full.stacks)).toEqual([]);
    expect(only({ s3: { bucket: 'b', key: 'k', endpoints: { s3: 'https://s3.moh.example.gov.my' }, encrypt: true } })).toEqual([]);
    expect(only({ kubernetes: { secret_suffix: 'x', host: 'https://k8s.moh.example.gov.my:6443' } })).toEqual([]);
  });
  it('fails unverified or clear connections and unencrypted buckets', () => {
    expect(only({ pg: { conn_str: 'postgres://tfstate.moh.example.gov.my/tf?sslmode=require' } })).toEqual(['fail:moh-platform-cyberjaya/backend/pg#conn_str']);
    expect(only({ pg: { conn_str: 'postgres://tfstate.moh.example.gov.my/tf' } })).toEqual(['fail:moh-platform-cyberjaya/backend/pg#conn_str']);
    expect(only({ s3: { bucket: 'b', key: 'k', endpoints: { s3: 'http://s3.moh.example.gov.my' } } })).toEqual(['fail:moh-platform-cyberjaya/backend/s3#encrypt', 'fail:moh-platform-cyberjaya/backend/s3#endpoints.s3']);
    expect(only({ kubernetes: { secret_suffix: 'x', insecure: true } })).toEqual(['fail:moh-platform-cyberjaya/backend/kubernetes#insecure']);
    expect(only({ consul: { address: 'consul.moh.example.gov.my:8500', path: 'tf' } })).toEqual(['fail:moh-platform-cyberjaya/backend/consul#scheme']);
  });
  it('is unknown when the connection string is a reference', () => {
    expect(only({ pg: { conn_str: '${var.pg}' } })).toEqual(['unknown:moh-platform-cyberjaya/backend/pg#conn_str']);
  });
});

describe('SB-RES4 audit sinks', () => {
  it('passes the local relay, fails a sink abroad, is unknown for a reference, ignores file devices', () => {
    const stacks = copy(minimal.stacks);
    const audits = Object.keys(platform(stacks).json.resource!['vault_audit']!);
    expect(audits).toHaveLength(2);
    setPath(platform(stacks).json, ['resource', 'vault_audit', audits[1]!, 'options', 'address'], 'siem.example.com:6514');
    const f = run(RES4, stacks, minimal.context);
    expect(summary(f)).toEqual(['fail:minimal-platform-cyberjaya/audit/socket#options.address']);
    setPath(platform(stacks).json, ['resource', 'vault_audit', audits[1]!, 'options', 'address'], '${var.sink}');
    expect(summary(run(RES4, stacks, minimal.context))).toEqual(['unknown:minimal-platform-cyberjaya/audit/socket#options.address']);
  });
});

describe('SB-RES5 log forwarder outputs', () => {
  it('reads Fluent Bit OUTPUT hosts', () => {
    expect(fluentBitOutputHosts('[INPUT]\n  Name tail\n[OUTPUT]\n  Name  syslog\n  Host  logs.example\n[OUTPUT]\n  Name stdout\n')).toEqual([
      { name: 'syslog', host: 'logs.example' },
      { name: 'stdout', host: undefined },
    ]);
  });
  it('fails an output host abroad and is unknown for an expression', () => {
    const stacks = copy(minimal.stacks);
    const cm = first(platform(stacks), 'kubernetes_config_map_v1');
    const data = cm['data'] as Record<string, string>;
    const conf = data['fluent-bit.conf']!;
    data['fluent-bit.conf'] = conf.replace(/Host\s+logs\.cyberjaya\.agency\.example\.gov\.my/, 'Host                 logs.example.net');
    expect(summary(run(RES5, stacks, minimal.context))).toEqual(['fail:minimal-platform-cyberjaya/log-forwarder/Config#data["fluent-bit.conf"]']);
    data['fluent-bit.conf'] = conf.replace(/Host\s+logs\.cyberjaya\.agency\.example\.gov\.my/, 'Host ${var.sink}');
    expect(summary(run(RES5, stacks, minimal.context))).toEqual(['unknown:minimal-platform-cyberjaya/log-forwarder/Config#data["fluent-bit.conf"]']);
  });
});

describe('SB-RES6 identity endpoints', () => {
  it('fails a foreign identity provider; cluster-local API names pass; references are unknown', () => {
    const stacks = copy(full.stacks);
    const p = stackNamed(stacks, 'platform-cyberjaya');
    const jwt = resourcePath(p, 'vault_jwt_auth_backend');
    setPath(p.json, [...jwt, 'oidc_discovery_url'], 'https://login.example.com/tenant');
    setPath(p.json, [...jwt, 'bound_issuer'], 'https://login.example.com/tenant');
    setPath(p.json, [...resourcePath(p, 'vault_kubernetes_auth_backend_config'), 'kubernetes_host'], 'https://kubernetes.default.svc');
    expect(summary(run(RES6, stacks, full.context))).toEqual(['fail:moh-platform-cyberjaya/human-access/backend#oidc_discovery_url', 'fail:moh-platform-cyberjaya/human-access/backend#bound_issuer']);
    setPath(p.json, [...jwt, 'oidc_discovery_url'], '${var.issuer}');
    expect(summary(run(RES6, stacks, full.context))).toContain('unknown:moh-platform-cyberjaya/human-access/backend#oidc_discovery_url');
  });
});

describe('SB-IMG1 images from an in-country registry', () => {
  it('reads the registry of an image reference', () => {
    expect(imageRegistry('registry.x.gov.my/fluent/fluent-bit:3.2')).toBe('registry.x.gov.my');
    expect(imageRegistry('fluent/fluent-bit:3.2')).toBe('docker.io');
    expect(imageRegistry('nginx')).toBe('docker.io');
    expect(imageRegistry('localhost:5000/app')).toBe('localhost:5000');
  });
  it('fails Docker Hub and foreign registries, is unknown for a reference', () => {
    const stacks = copy(minimal.stacks);
    const ds = first(platform(stacks), 'kubernetes_daemon_set_v1');
    const container = (((ds['spec'] as Record<string, unknown>)['template'] as Record<string, unknown>)['spec'] as Record<string, unknown>)['container'] as Record<string, unknown>[];
    container[0]!['image'] = 'fluent/fluent-bit:3.2';
    const f = run(IMG1, stacks, minimal.context);
    expect(summary(f)).toEqual(['fail:minimal-platform-cyberjaya/log-forwarder/DaemonSet#spec.template.spec.container[0].image']);
    expect(f[0]!.message).toMatch(/docker\.io/);
    container[0]!['image'] = '${var.image}';
    expect(summary(run(IMG1, stacks, minimal.context))).toEqual(['unknown:minimal-platform-cyberjaya/log-forwarder/DaemonSet#spec.template.spec.container[0].image']);
  });
});

describe('SB-PRV1 providers pinned', () => {
  it('fails unqualified sources, exact pins, open ranges and undeclared providers', () => {
    const stacks = copy(minimal.stacks);
    const p = platform(stacks);
    setPath(p.json, ['terraform', 'required_providers', 'kubernetes'], { source: 'kubernetes', version: '2.38.0' });
    setPath(p.json, ['terraform', 'required_providers', 'vault'], { source: 'hashicorp/vault', version: '>= 5.0' });
    setPath(p.json, ['resource', 'null_resource'], { wait: { '//': { metadata: { path: `${p.name}/wait` } } } });
    expect(summary(run(PRV1, stacks))).toEqual([
      'fail:minimal-platform-cyberjaya/terraform/required_providers/kubernetes#source',
      'fail:minimal-platform-cyberjaya/terraform/required_providers/kubernetes#version',
      'fail:minimal-platform-cyberjaya/terraform/required_providers/vault#version',
      'fail:minimal-platform-cyberjaya/terraform/required_providers/null',
    ]);
  });
  it('accepts a host-qualified in-country mirror', () => {
    const stacks = copy(minimal.stacks);
    setPath(platform(stacks).json, ['terraform', 'required_providers', 'vault'], { source: 'registry.agency.example.gov.my/hashicorp/vault', version: '~> 5.6' });
    expect(run(PRV1, stacks)).toEqual([]);
  });
});

describe('SB-PRV2 required Terraform version', () => {
  it('warns when it is missing or has no lower bound', () => {
    const stacks = copy(minimal.stacks);
    deletePath(platform(stacks).json, ['terraform', 'required_version']);
    setPath(tenant(stacks).json, ['terraform', 'required_version'], '< 2.0');
    const f = run(PRV2, stacks);
    expect(summary(f)).toEqual(['fail:minimal-platform-cyberjaya/terraform/required_version', 'fail:minimal-tenant-records-cyberjaya/terraform/required_version']);
    expect(f.every((x) => x.level === 'warning')).toBe(true);
  });
});

describe('SB-SEC1 no secrets in the JSON', () => {
  it('fails a token in a provider block and a private key in a config map, without quoting them', () => {
    const stacks = copy(minimal.stacks);
    setPath(platform(stacks).json, ['provider', 'vault', 0, 'token'], 'hvs.CAESIJlWZ0l3d0NwQ2RuZ3ZSa0tEVXhKbnZS');
    const cm = first(platform(stacks), 'kubernetes_config_map_v1');
    (cm['data'] as Record<string, string>)['key.pem'] = '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----';
    const f = run(SEC1, stacks);
    expect(summary(f)).toEqual(['fail:minimal-platform-cyberjaya/log-forwarder/Config#data["key.pem"]', 'fail:minimal-platform-cyberjaya/provider/vault#token']);
    expect(f.map((x) => x.message).join(' ')).not.toMatch(/hvs\.|BEGIN RSA/);
  });
  it('accepts a secret-named field that holds only a variable reference', () => {
    expect(run(SEC1, full.stacks)).toEqual([]); // oidc_client_secret = ${var.oidc_client_secret}
  });
});

describe('SB-SEC2 sensitive inputs', () => {
  it('fails a default on a sensitive variable, an unmarked secret variable and an unmarked secret output', () => {
    const stacks = copy(full.stacks);
    const p = stackNamed(stacks, 'platform-cyberjaya');
    setPath(p.json, ['variable', 'oidc_client_secret', 'default'], 'changeme');
    setPath(p.json, ['variable', 'api_token'], { type: 'string' });
    setPath(p.json, ['output'], { admin_token: { value: '${var.api_token}' } });
    expect(summary(run(SEC2, stacks))).toEqual([
      'fail:moh-platform-cyberjaya/variable/oidc_client_secret#default',
      'fail:moh-platform-cyberjaya/variable/api_token#sensitive',
      'fail:moh-platform-cyberjaya/output/admin_token#sensitive',
    ]);
  });
});

describe('SB-SEC3 write-only secrets', () => {
  it('passes the OIDC backend as synthesized: the client secret goes write-only', () => {
    expect(run(SEC3, full.stacks)).toEqual([]);
    const backend = first(stackNamed(full.stacks, 'platform-cyberjaya'), 'vault_jwt_auth_backend');
    expect(backend['oidc_client_secret_wo']).toBe('${var.oidc_client_secret}');
    expect(backend).not.toHaveProperty('oidc_client_secret');
  });
  it('fails a secret sent through the stored argument, on that attribute', () => {
    const stacks = copy(full.stacks);
    const backend = first(stackNamed(stacks, 'platform-cyberjaya'), 'vault_jwt_auth_backend');
    delete backend['oidc_client_secret_wo'];
    backend['oidc_client_secret'] = '${var.oidc_client_secret}';
    const f = run(SEC3, stacks);
    expect(summary(f)).toEqual(['fail:moh-platform-cyberjaya/human-access/backend#oidc_client_secret']);
    expect(f[0]!.message).toMatch(/send it as oidc_client_secret_wo \(write-only\)/);
  });
});
