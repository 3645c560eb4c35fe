import { Testing } from 'cdktf';
import { KeyManagement, type KeyManagementProps } from '../../constructs/key-management';

type Resources = Record<string, Record<string, Record<string, unknown>>>;

function synth(props: KeyManagementProps): Resources {
  const json = Testing.synthScope((scope) => {
    new KeyManagement(scope, 'km', props);
  });
  return (JSON.parse(json) as { resource: Resources }).resource;
}

function all(res: Resources, type: string): Record<string, unknown>[] {
  return Object.values(res[type] ?? {});
}

/** Parses the generated policy text: every non-comment line must belong to a `path` block. */
function parsePolicy(text: string): Record<string, string[]> {
  const grants: Record<string, string[]> = {};
  const block = /path "([^"]+)" \{\n {2}capabilities = \[([^\]]*)\]\n\}\n/g;
  const rest = text.replace(block, (_m, path: string, caps: string) => {
    expect(grants[path]).toBeUndefined();
    grants[path] = caps.split(',').map((s) => s.trim().replace(/^"|"$/g, ''));
    return '';
  });
  expect(rest.replace(/^#.*$/gm, '').trim()).toBe('');
  return grants;
}

// Enterprise: the base set holds an ml-dsa key, which Vault Community refuses.
const base: KeyManagementProps = {
  tenant: 'patient-records',
  maxRotateDays: 90,
  edition: 'enterprise',
  keys: [
    { name: 'records', type: 'aes256-gcm96', purpose: 'encryption', rotateDays: 90 },
    { name: 'kek', type: 'aes256-gcm96', purpose: 'key-wrapping', rotateDays: 30 },
    { name: 'docs', type: 'ecdsa-p384', purpose: 'signing', rotateDays: 60 },
    { name: 'tags', type: 'hmac', purpose: 'mac', rotateDays: 90 },
    { name: 'pq', type: 'ml-dsa', purpose: 'signing', rotateDays: 90, parameterSet: '65' },
  ],
  workloads: [
    { serviceAccount: 'api', keys: ['records', 'kek'], kv: true },
    { serviceAccount: 'signer', keys: ['docs', 'tags'] },
  ],
};

describe('KeyManagement', () => {
  test('always writes key_size on HMAC keys (32 bytes unless given), never on others', () => {
    const keys = all(synth(base), 'vault_transit_secret_backend_key');
    expect(keys.find((k) => k.name === 'tags')).toMatchObject({ type: 'hmac', key_size: 32 });
    for (const k of keys.filter((x) => x.type !== 'hmac')) expect(k).not.toHaveProperty('key_size');
    const big = all(synth({ ...base, workloads: [], keys: [{ name: 'tags', type: 'hmac', purpose: 'mac', rotateDays: 90, keySize: 64 }] }), 'vault_transit_secret_backend_key');
    expect(big[0]).toMatchObject({ key_size: 64 });
  });

  test('creates per-tenant transit and KV v2 mounts at the default paths', () => {
    const res = synth(base);
    const mounts = all(res, 'vault_mount');
    expect(mounts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'tenants/patient-records/transit', type: 'transit', seal_wrap: false }),
        expect.objectContaining({ path: 'tenants/patient-records/kv', type: 'kv', options: { version: '2' }, seal_wrap: false }),
      ]),
    );
    const kv = all(res, 'vault_kv_secret_backend_v2');
    expect(kv).toHaveLength(1);
    expect(kv[0]).toMatchObject({ cas_required: true, max_versions: 10 });
    expect(String(kv[0]!.mount)).toMatch(/^\$\{vault_mount\..+\.path\}$/);
  });

  test('every key is non-exportable, without plaintext backup, not deletable, rotating in seconds', () => {
    const keys = all(synth(base), 'vault_transit_secret_backend_key');
    expect(keys).toHaveLength(5);
    for (const k of keys) {
      expect(k).toMatchObject({ exportable: false, allow_plaintext_backup: false, deletion_allowed: false });
    }
    const records = keys.find((k) => k.name === 'records');
    expect(records).toMatchObject({ type: 'aes256-gcm96', auto_rotate_period: 90 * 86400 });
    expect(records).not.toHaveProperty('parameter_set');
    expect(keys.find((k) => k.name === 'kek')).toMatchObject({ auto_rotate_period: 30 * 86400 });
    expect(keys.find((k) => k.name === 'pq')).toMatchObject({ type: 'ml-dsa', parameter_set: '65' });
  });

  test('an empty key list yields one default AES-256-GCM data key within the cryptoperiod', () => {
    const keys = all(synth({ tenant: 't1', keys: [], maxRotateDays: 90 }), 'vault_transit_secret_backend_key');
    expect(keys).toEqual([
      expect.objectContaining({ name: 'data', type: 'aes256-gcm96', auto_rotate_period: 90 * 86400, exportable: false }),
    ]);
    const long = all(synth({ tenant: 't1', keys: [], maxRotateDays: 730 }), 'vault_transit_secret_backend_key');
    expect(long[0]).toMatchObject({ auto_rotate_period: 365 * 86400 });
  });

  test('hybrid and slh-dsa keys carry their parameter fields', () => {
    const keys = all(
      synth({
        tenant: 't1',
        maxRotateDays: 365,
        edition: 'enterprise',
        version: '1.21.1',
        keys: [
          { name: 'hy', type: 'hybrid', purpose: 'signing', rotateDays: 365, parameterSet: '87', hybridKeyTypeEc: 'ecdsa-p384' },
          { name: 'slh', type: 'slh-dsa', purpose: 'signing', rotateDays: 365, parameterSet: 'slh-dsa-shake-256s' },
        ],
      }),
      'vault_transit_secret_backend_key',
    );
    expect(keys.find((k) => k.name === 'hy')).toMatchObject({
      type: 'hybrid',
      parameter_set: '87',
      hybrid_key_type_pqc: 'ml-dsa',
      hybrid_key_type_ec: 'ecdsa-p384',
    });
    expect(keys.find((k) => k.name === 'slh')).toMatchObject({ type: 'slh-dsa', parameter_set: 'slh-dsa-shake-256s' });
  });

  test('the openbao dialect writes ML-DSA as mldsa-<set> without parameter_set', () => {
    const keys = all(
      synth({ tenant: 't1', maxRotateDays: 90, dialect: 'openbao', version: '2.7', keys: [{ name: 'pq', type: 'ml-dsa', purpose: 'signing', rotateDays: 90, parameterSet: '87' }] }),
      'vault_transit_secret_backend_key',
    );
    expect(keys[0]).toMatchObject({ type: 'mldsa-87' });
    expect(keys[0]).not.toHaveProperty('parameter_set');
  });

  test('sealWrap and custom paths are honoured', () => {
    const res = synth({ ...base, transitPath: 'moh/pr/transit', kvPath: 'moh/pr/kv', sealWrap: true, kvMaxVersions: 5 });
    expect(all(res, 'vault_mount').map((m) => [m.path, m.seal_wrap])).toEqual(
      expect.arrayContaining([
        ['moh/pr/transit', true],
        ['moh/pr/kv', true],
      ]),
    );
    expect(all(res, 'vault_kv_secret_backend_v2')[0]).toMatchObject({ max_versions: 5 });
  });

  test('one policy per workload grants exactly the operations its keys need', () => {
    const policies = all(synth(base), 'vault_policy');
    expect(policies.map((p) => p.name).sort()).toEqual(['patient-records-api', 'patient-records-signer']);

    const api = parsePolicy(String(policies.find((p) => p.name === 'patient-records-api')!.policy));
    const t = 'tenants/patient-records/transit';
    const kv = 'tenants/patient-records/kv';
    expect(api).toEqual({
      [`${t}/encrypt/records`]: ['update'],
      [`${t}/decrypt/records`]: ['update'],
      [`${t}/encrypt/kek`]: ['update'],
      [`${t}/decrypt/kek`]: ['update'],
      [`${t}/datakey/plaintext/kek`]: ['update'],
      [`${t}/datakey/wrapped/kek`]: ['update'],
      [`${kv}/data/api/*`]: ['read'],
      [`${kv}/metadata/api/*`]: ['list'],
    });

    const signer = parsePolicy(String(policies.find((p) => p.name === 'patient-records-signer')!.policy));
    expect(signer).toEqual({
      [`${t}/sign/docs`]: ['update'],
      [`${t}/verify/docs`]: ['update'],
      [`${t}/hmac/tags`]: ['update'],
      [`${t}/verify/tags`]: ['update'],
    });
  });

  test('policies never use sudo, write keys or glob outside the workload KV folder', () => {
    for (const p of all(synth(base), 'vault_policy')) {
      const grants = parsePolicy(String(p.policy));
      for (const [path, caps] of Object.entries(grants)) {
        expect(caps).not.toContain('sudo');
        expect(path).not.toMatch(/\/keys\//);
        if (path.includes('*')) expect(path).toMatch(/^tenants\/patient-records\/kv\/(data|metadata)\/[a-z0-9-]+\/\*$/);
      }
    }
  });

  test('CMAC keys are granted the cmac endpoint, not hmac', () => {
    const policies = all(
      synth({
        tenant: 't1',
        maxRotateDays: 90,
        edition: 'enterprise',
        keys: [{ name: 'cm', type: 'aes256-cmac', purpose: 'mac', rotateDays: 90 }],
        workloads: [{ serviceAccount: 'w', keys: ['cm'] }],
      }),
      'vault_policy',
    );
    expect(parsePolicy(String(policies[0]!.policy))).toEqual({
      'tenants/t1/transit/cmac/cm': ['update'],
      'tenants/t1/transit/verify/cm': ['update'],
    });
  });

  test('exposes paths, key names and policy names', () => {
    Testing.synthScope((scope) => {
      const km = new KeyManagement(scope, 'km', base);
      expect(km.transitPath).toBe('tenants/patient-records/transit');
      expect(km.kvPath).toBe('tenants/patient-records/kv');
      expect(km.keyNames).toEqual(['records', 'kek', 'docs', 'tags', 'pq']);
      expect(km.policyNameFor('api')).toBe('patient-records-api');
      expect(() => km.policyNameFor('nobody')).toThrow(/no workload "nobody"/);
    });
  });

  describe('refuses invalid props', () => {
    const build = (props: KeyManagementProps) => () => synth(props);
    const key = base.keys[0]!;

    test('rotation above the cryptoperiod', () => {
      expect(build({ ...base, keys: [{ ...key, rotateDays: 91 }] })).toThrow(/rotateDays must be a whole number from 1 to 90/);
      expect(build({ ...base, keys: [{ ...key, rotateDays: 0 }] })).toThrow(/rotateDays/);
    });

    test('bad parameter sets', () => {
      expect(build({ ...base, workloads: [], keys: [{ name: 'pq', type: 'ml-dsa', purpose: 'signing', rotateDays: 30, parameterSet: '99' }] })).toThrow(
        /parameterSet must be one of 44, 65, 87/,
      );
      expect(build({ ...base, workloads: [], keys: [{ name: 'pq', type: 'ml-dsa', purpose: 'signing', rotateDays: 30 }] })).toThrow(/parameterSet/);
      expect(build({ ...base, workloads: [], keys: [{ name: 's', type: 'slh-dsa', purpose: 'signing', rotateDays: 30, parameterSet: 'slh-dsa-shake-128' }] })).toThrow(
        /parameterSet must be one of slh-dsa-sha2-128s/,
      );
      expect(build({ ...base, workloads: [], keys: [{ ...key, parameterSet: '65' }] })).toThrow(/parameterSet applies only to/);
      expect(build({ ...base, workloads: [], keys: [{ name: 'h', type: 'hybrid', purpose: 'signing', rotateDays: 30, parameterSet: '65' }] })).toThrow(
        /hybridKeyTypeEc must be one of/,
      );
    });

    test('purpose and type that do not fit', () => {
      expect(build({ ...base, workloads: [], keys: [{ name: 'x', type: 'aes256-gcm96', purpose: 'signing', rotateDays: 30 }] })).toThrow(
        /type aes256-gcm96 does not suit purpose signing/,
      );
      expect(build({ ...base, workloads: [], keys: [{ name: 'x', type: 'ed25519', purpose: 'encryption', rotateDays: 30 }] })).toThrow(
        /type ed25519 does not suit purpose encryption/,
      );
      expect(build({ ...base, workloads: [], keys: [{ name: 'x', type: 'hmac', purpose: 'key-wrapping', rotateDays: 30 }] })).toThrow(/type hmac does not suit purpose key-wrapping/);
      expect(build({ ...base, workloads: [], keys: [{ name: 'x', type: 'ecdsa-p256', purpose: 'mac', rotateDays: 30 }] })).toThrow(/type ecdsa-p256 does not suit purpose mac/);
    });

    test('HMAC key sizes Vault refuses, and keySize on other types', () => {
      const hmac = { name: 'm', type: 'hmac' as const, purpose: 'mac' as const, rotateDays: 30 };
      for (const keySize of [0, 16, 31, 513, 32.5]) {
        expect(build({ ...base, workloads: [], keys: [{ ...hmac, keySize }] })).toThrow(/keySize must be a whole number of bytes from 32 to 512/);
      }
      expect(build({ ...base, workloads: [], keys: [{ name: 'x', type: 'aes256-gcm96', purpose: 'encryption', rotateDays: 30, keySize: 32 }] })).toThrow(/keySize applies only to hmac keys/);
    });

    test('unknown key in a workload', () => {
      expect(build({ ...base, workloads: [{ serviceAccount: 'api', keys: ['records', 'nope'] }] })).toThrow(/unknown key "nope"/);
    });

    test('types OpenBao does not offer under the openbao dialect', () => {
      expect(
        build({ ...base, dialect: 'openbao', version: '2.7', workloads: [], keys: [{ name: 's', type: 'slh-dsa', purpose: 'signing', rotateDays: 30, parameterSet: 'slh-dsa-sha2-128s' }] }),
      ).toThrow(/transit type slh-dsa is not offered by OpenBao in any release slz knows of/);
    });

    test("key types the server refuses by edition or version (capability table)", () => {
      const mlDsa = { name: 'pq', type: 'ml-dsa' as const, purpose: 'signing' as const, rotateDays: 30, parameterSet: '87' };
      const slh = { name: 's', type: 'slh-dsa' as const, purpose: 'signing' as const, rotateDays: 30, parameterSet: 'slh-dsa-sha2-192s' };
      // Vault Community (the default edition) refuses every post-quantum and CMAC type.
      expect(build({ ...base, edition: undefined, workloads: [], keys: [mlDsa] })).toThrow(/transit type ml-dsa needs Vault Enterprise: Vault Community 1\.19 .*refuses it \(ErrPQCEntOnly\)/);
      expect(build({ ...base, edition: 'community', workloads: [], keys: [{ name: 'c', type: 'aes256-cmac', purpose: 'mac', rotateDays: 30 }] })).toThrow(/ErrCmacEntOnly/);
      // slh-dsa arrived in Vault Enterprise 1.20: refused at the assumed 1.19, accepted once 1.20 is declared.
      expect(build({ ...base, workloads: [], keys: [slh] })).toThrow(/transit type slh-dsa needs Vault Enterprise 1\.20 or newer, and the server is Vault Enterprise 1\.19 \(assumed/);
      expect(build({ ...base, version: '1.20', workloads: [], keys: [slh] })).not.toThrow();
      // OpenBao before 2.7 has no ML-DSA transit type.
      expect(build({ ...base, dialect: 'openbao', workloads: [], keys: [mlDsa] })).toThrow(/transit type ml-dsa needs OpenBao 2\.7 or newer, and the server is OpenBao 2\.6/);
      expect(build({ ...base, dialect: 'openbao', version: '2.6.2', workloads: [], keys: [mlDsa] })).toThrow(/needs OpenBao 2\.7 or newer/);
      expect(build({ ...base, dialect: 'openbao', version: '2.7.0', workloads: [], keys: [mlDsa] })).not.toThrow();
      // A version of the other dialect is refused, not silently read.
      expect(build({ ...base, dialect: 'openbao', version: '1.21.1', workloads: [], keys: [] })).toThrow(/version "1\.21\.1" must be an OpenBao 2\.x release/);
    });

    test('bad names, paths and duplicates, all reported at once', () => {
      let message = '';
      try {
        synth({
          tenant: 'Bad_Tenant',
          transitPath: '/transit/*',
          kvPath: 'kv',
          maxRotateDays: 90,
          keys: [key, key],
          workloads: [{ serviceAccount: 'idle', keys: [] }],
        });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/tenant "Bad_Tenant" is not a DNS-1123 label/);
      expect(message).toMatch(/transitPath "\/transit\/\*"/);
      expect(message).toMatch(/keys\[\]\.name has "records" more than once/);
      expect(message).toMatch(/idle\) is granted nothing/);
    });

    test('a cryptoperiod that is not a positive whole number', () => {
      expect(build({ ...base, maxRotateDays: 0 })).toThrow(/maxRotateDays must be a whole number/);
    });
  });
});
