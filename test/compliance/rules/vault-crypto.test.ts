/**
 * The vault-crypto rules on real synthesized JSON (the minimal example and the full fixture),
 * unmodified (compliant) and mutated in deep copies (non-compliant, unknown).
 */
import { VAULT_CRYPTO_RULES } from '../../../src/compliance/packs/vault-crypto';
import { rule as AT1 } from '../../../src/compliance/rules/vault-crypto/vc-at1-kubernetes-auth-role-bounded';
import { rule as AU1 } from '../../../src/compliance/rules/vault-crypto/vc-au1-audit-device-enabled';
import { rule as AU2 } from '../../../src/compliance/rules/vault-crypto/vc-au2-audit-no-raw-logging';
import { rule as AU3 } from '../../../src/compliance/rules/vault-crypto/vc-au3-audit-devices-redundant';
import { rule as MT1 } from '../../../src/compliance/rules/vault-crypto/vc-mt1-mount-audit-hmac';
import { rule as PK1 } from '../../../src/compliance/rules/vault-crypto/vc-pk1-ca-key-strength';
import { rule as PK2 } from '../../../src/compliance/rules/vault-crypto/vc-pk2-ca-keys-internal';
import { rule as PK3 } from '../../../src/compliance/rules/vault-crypto/vc-pk3-ca-lifetimes-bounded';
import { rule as PK4 } from '../../../src/compliance/rules/vault-crypto/vc-pk4-role-least-privilege';
import { rule as PL1 } from '../../../src/compliance/rules/vault-crypto/vc-pl1-policy-least-privilege';
import { rule as TR1 } from '../../../src/compliance/rules/vault-crypto/vc-tr1-not-exportable';
import { rule as TR2 } from '../../../src/compliance/rules/vault-crypto/vc-tr2-deletion-not-allowed';
import { rule as TR3 } from '../../../src/compliance/rules/vault-crypto/vc-tr3-auto-rotation';
import { rule as TR4 } from '../../../src/compliance/rules/vault-crypto/vc-tr4-convergent-encryption';
import { rule as TR5 } from '../../../src/compliance/rules/vault-crypto/vc-tr5-hmac-key-size';
import { rule as TR6 } from '../../../src/compliance/rules/vault-crypto/vc-tr6-pqc-key-parameters';
import { rule as TR7 } from '../../../src/compliance/rules/vault-crypto/vc-tr7-key-type-classifiable';
import { vaultServer } from '../../../src/jurisdictions';
import type { SynthStack } from '../../../src/synthesized';
import { copy, deletePath, first, FULL, MINIMAL, resourcePath, run, setPath, stackNamed, summary, synthesize, type Tree } from '../helpers';

let minimal: Tree;
let full: Tree;

beforeAll(() => {
  minimal = synthesize(MINIMAL);
  full = synthesize(FULL);
});

type Json = Record<string, unknown>;

/** A copy of the minimal tree and the body of its one transit key. */
function minimalKey(): { stacks: SynthStack[]; key: Json } {
  const stacks = copy(minimal.stacks);
  return { stacks, key: first(stackNamed(stacks, 'tenant'), 'vault_transit_secret_backend_key') };
}

/** A copy of the full tree and the bodies of one tenant stack's PKI resources. */
function fullPki(): { stacks: SynthStack[]; root: Json; csr: Json; signed: Json; role: Json } {
  const stacks = copy(full.stacks);
  const t = stackNamed(stacks, 'tenant-patient-records-cyberjaya');
  return {
    stacks,
    root: first(stackNamed(stacks, 'platform-cyberjaya'), 'vault_pki_secret_backend_root_cert'),
    csr: first(t, 'vault_pki_secret_backend_intermediate_cert_request'),
    signed: first(t, 'vault_pki_secret_backend_root_sign_intermediate'),
    role: first(t, 'vault_pki_secret_backend_role'),
  };
}

const KEY = 'minimal-tenant-records-cyberjaya/keys/key-records';
const ROLE = 'moh-tenant-patient-records-cyberjaya/pki/server';

describe('the bundled trees are compliant with every vault-crypto rule except VC-TR6 on the ML-DSA key', () => {
  it.each(VAULT_CRYPTO_RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    expect(summary(run(rule, minimal.stacks, minimal.context))).toEqual([]);
    const onFull = summary(run(rule, full.stacks, full.context));
    // The full example's ML-DSA key is what VC-TR6 is about: it must be reported, not pass.
    if (rule.id === 'VC-TR6') expect(onFull.length).toBeGreaterThan(0);
    else expect(onFull).toEqual([]);
  });
});

describe('VC-AU1 and VC-AU3 audit devices', () => {
  it('fails once per Vault server without a device, on the first stack using it', () => {
    const stacks = copy(full.stacks);
    deletePath(stackNamed(stacks, 'platform-kulim').json, ['resource', 'vault_audit']);
    const f = run(AU1, stacks, full.context);
    expect(summary(f)).toEqual(['fail:moh-platform-kulim']);
    expect(f[0]!.message).toMatch(/vault\.kulim\.moh\.example\.gov\.my:8200/);
    expect(run(AU3, stacks, full.context)).toEqual([]); // AU1 reports a server with none
  });

  it('counts the audit devices an OpenBao region declares for its server configuration, and fails without them', () => {
    const bao = synthesize('examples/asean-shared-service/landing-zone.yaml');
    expect(bao.stacks.flatMap((st) => Object.keys(st.json.resource?.['vault_audit'] ?? {}))).toEqual([]);
    expect(run(AU1, bao.stacks, bao.context)).toEqual([]);
    expect(run(AU3, bao.stacks, bao.context)).toEqual([]);
    const stacks = copy(bao.stacks);
    deletePath(stackNamed(stacks, 'platform').json, ['output', 'openbao_audit_devices']);
    expect(summary(run(AU1, stacks, bao.context))).toEqual(['fail:asean-trade-platform-sg1']);
  });

  it('warns when only one device, or no forwarding device, is left', () => {
    const stacks = copy(minimal.stacks);
    const p = stackNamed(stacks, 'platform');
    const [, socket] = Object.keys(p.json.resource!['vault_audit']!);
    deletePath(p.json, ['resource', 'vault_audit', socket!]);
    const f = run(AU3, stacks, minimal.context);
    expect(summary(f)).toEqual(['fail:minimal-platform-cyberjaya']);
    expect(f[0]!.level).toBe('warning');
    expect(f[0]!.message).toMatch(/1 device of 1 type \(file\); none forwards off the host/);
    expect(run(AU1, stacks, minimal.context)).toEqual([]);
  });
});

describe('VC-AU2 no raw audit logging', () => {
  it('fails log_raw and un-HMAC\'d accessors, is unknown for references', () => {
    const stacks = copy(minimal.stacks);
    const p = stackNamed(stacks, 'platform');
    const [file, socket] = Object.keys(p.json.resource!['vault_audit']!);
    setPath(p.json, ['resource', 'vault_audit', file!, 'options', 'log_raw'], 'true');
    setPath(p.json, ['resource', 'vault_audit', socket!, 'options', 'hmac_accessor'], 'false');
    expect(summary(run(AU2, stacks))).toEqual(['fail:minimal-platform-cyberjaya/audit/file#options.log_raw', 'fail:minimal-platform-cyberjaya/audit/socket#options.hmac_accessor']);
    setPath(p.json, ['resource', 'vault_audit', file!, 'options', 'log_raw'], '${var.raw}');
    expect(summary(run(AU2, stacks))).toContain('unknown:minimal-platform-cyberjaya/audit/file#options.log_raw');
  });
});

describe('VC-MT1 mount audit HMAC', () => {
  it('fails sensitive non-HMAC keys, passes harmless ones, is unknown for references', () => {
    const stacks = copy(minimal.stacks);
    const t = stackNamed(stacks, 'tenant');
    const transit = resourcePath(t, 'vault_mount', 1);
    setPath(t.json, [...transit, 'audit_non_hmac_request_keys'], ['plaintext', 'key_version']);
    expect(summary(run(MT1, stacks))).toEqual(['fail:minimal-tenant-records-cyberjaya/keys/transit#audit_non_hmac_request_keys']);
    setPath(t.json, [...transit, 'audit_non_hmac_request_keys'], ['key_version']);
    expect(run(MT1, stacks)).toEqual([]);
    setPath(t.json, [...transit, 'audit_non_hmac_response_keys'], ['${var.k}']);
    expect(summary(run(MT1, stacks))).toEqual(['unknown:minimal-tenant-records-cyberjaya/keys/transit#audit_non_hmac_response_keys']);
  });
});

describe('VC-TR1 not exportable', () => {
  it('fails exportable and plaintext backup, each on its attribute', () => {
    const { stacks, key } = minimalKey();
    key['exportable'] = true;
    key['allow_plaintext_backup'] = 'true';
    const f = run(TR1, stacks);
    expect(summary(f)).toEqual([`fail:${KEY}#exportable`, `fail:${KEY}#allow_plaintext_backup`]);
    expect(f.every((x) => x.level === 'error')).toBe(true);
  });
  it('is unknown for a reference and passes when unset (Vault defaults to false)', () => {
    const { stacks, key } = minimalKey();
    key['exportable'] = '${var.exportable}';
    expect(summary(run(TR1, stacks))).toEqual([`unknown:${KEY}#exportable`]);
    delete key['exportable'];
    delete key['allow_plaintext_backup'];
    expect(run(TR1, stacks)).toEqual([]);
  });
});

describe('VC-TR2 deletion not allowed', () => {
  it('fails deletion_allowed and is unknown for a reference', () => {
    const { stacks, key } = minimalKey();
    key['deletion_allowed'] = true;
    expect(summary(run(TR2, stacks))).toEqual([`fail:${KEY}#deletion_allowed`]);
    key['deletion_allowed'] = '${var.d}';
    expect(summary(run(TR2, stacks))).toEqual([`unknown:${KEY}#deletion_allowed`]);
  });
});

describe('VC-TR3 automatic rotation', () => {
  it('fails no rotation, below one hour, and above the cryptoperiod', () => {
    const { stacks, key } = minimalKey();
    delete key['auto_rotate_period'];
    expect(summary(run(TR3, stacks, minimal.context))).toEqual([`fail:${KEY}#auto_rotate_period`]);
    key['auto_rotate_period'] = 60;
    expect(run(TR3, stacks, minimal.context)[0]!.message).toMatch(/below Vault's minimum of one hour/);
    key['auto_rotate_period'] = 1000 * 86400;
    expect(run(TR3, stacks, minimal.context)[0]!.message).toMatch(/exceeds Malaysia's maximum cryptoperiod of 730 days/);
  });
  it('uses the signing cryptoperiod for signature keys, reads durations, and is unknown without context', () => {
    const { stacks, key } = minimalKey();
    key['type'] = 'ecdsa-p384';
    key['auto_rotate_period'] = 1000 * 86400;
    expect(run(TR3, stacks, minimal.context)).toEqual([]); // ≤ 1095 days for signing keys
    key['auto_rotate_period'] = '720h';
    expect(run(TR3, stacks, minimal.context)).toEqual([]);
    expect(summary(run(TR3, stacks))).toEqual([`unknown:${KEY}#auto_rotate_period`]);
    key['auto_rotate_period'] = '${var.p}';
    expect(summary(run(TR3, stacks, minimal.context))).toEqual([`unknown:${KEY}#auto_rotate_period`]);
  });
});

describe('VC-TR4 convergent encryption', () => {
  it('flags convergent encryption and a missing derived flag', () => {
    const { stacks, key } = minimalKey();
    key['convergent_encryption'] = true;
    const f = run(TR4, stacks);
    expect(summary(f)).toEqual([`fail:${KEY}#convergent_encryption`]);
    expect(f[0]!.message).toMatch(/derived is not true/);
    key['convergent_encryption'] = '${var.c}';
    expect(summary(run(TR4, stacks))).toEqual([`unknown:${KEY}#convergent_encryption`]);
  });
});

describe('VC-TR5 HMAC key size', () => {
  it('passes non-HMAC keys and HMAC keys of 32–512 bytes', () => {
    const { stacks, key } = minimalKey();
    expect(run(TR5, stacks)).toEqual([]);
    Object.assign(key, { type: 'hmac', key_size: 32 });
    expect(run(TR5, stacks)).toEqual([]);
    key['key_size'] = 512;
    expect(run(TR5, stacks)).toEqual([]);
  });
  it('fails an HMAC key without key_size (the provider sends 0) or outside 32–512, and is unknown for a reference', () => {
    const { stacks, key } = minimalKey();
    key['type'] = 'hmac';
    const f = run(TR5, stacks);
    expect(summary(f)).toEqual([`fail:${KEY}#key_size`]);
    expect(f[0]!.message).toMatch(/provider sends 0 and Vault refuses the key/);
    for (const size of [0, 16, 513]) {
      key['key_size'] = size;
      expect(summary(run(TR5, stacks))).toEqual([`fail:${KEY}#key_size`]);
    }
    key['key_size'] = '${var.size}';
    expect(summary(run(TR5, stacks))).toEqual([`unknown:${KEY}#key_size`]);
  });
});

describe('VC-TR6 post-quantum keys', () => {
  it('flags the full fixture\'s ML-DSA-87 key as experimental on its Vault Enterprise, nothing else', () => {
    const f = run(TR6, full.stacks, full.context);
    expect(f.map((x) => x.constructPath)).toEqual(['moh-tenant-patient-records-cyberjaya/keys/key-audit-sign', 'moh-tenant-patient-records-kulim/keys/key-audit-sign']);
    expect(f[0]!.message).toBe('ml-dsa keys are experimental on Vault Enterprise 1.19 (assumed: no version declared) (not for production)');
  });

  it("judges the key by the region's server: refused on Vault Community (the default without slz-context.json) and OpenBao 2.6, accepted on OpenBao 2.7", () => {
    const stacks = copy(full.stacks);
    const [f] = run(TR6, stacks);
    expect(f!.message).toMatch(/^transit type ml-dsa needs Vault Enterprise: Vault Community 1\.19 \(assumed: no version declared\) refuses it \(ErrPQCEntOnly\)/);
    for (const s of stacks) for (const key of Object.values((s.json.resource?.['vault_transit_secret_backend_key'] ?? {}) as Record<string, Json>)) if (key.type === 'ml-dsa') Object.assign(key, { type: 'mldsa-87', parameter_set: undefined });
    const servers = (version: string) => ({ cyberjaya: vaultServer({ dialect: 'openbao', version }), kulim: vaultServer({ dialect: 'openbao', version }) });
    const old = run(TR6, stacks, { ...full.context, vaultServers: servers('2.6.2') });
    expect(old).toHaveLength(2);
    expect(old[0]!.message).toBe('transit type ml-dsa needs OpenBao 2.7 or newer, and the server is OpenBao 2.6.2 (accepted by Vault Enterprise 1.19 or newer (experimental); OpenBao 2.7 or newer (mldsa-44, mldsa-65, mldsa-87, no parameter_set))');
    expect(run(TR6, stacks, { ...full.context, vaultServers: servers('2.7') })).toEqual([]);
  });
  it('names missing or weak parameters', () => {
    const { stacks, key } = minimalKey();
    Object.assign(key, { type: 'ml-dsa', parameter_set: '44' });
    expect(run(TR6, stacks)[0]!.message).toMatch(/ML-DSA-44 is below NIST category 3/);
    Object.assign(key, { type: 'hybrid', parameter_set: '65' });
    expect(run(TR6, stacks)[0]!.message).toMatch(/hybrid_key_type_pqc must be "ml-dsa"; hybrid_key_type_ec must be one of/);
    Object.assign(key, { type: 'slh-dsa' });
    delete key['parameter_set'];
    expect(run(TR6, stacks)[0]!.message).toMatch(/parameter_set is missing/);
    key['type'] = '${var.type}';
    expect(summary(run(TR6, stacks))).toEqual([`unknown:${KEY}#type`]);
  });
});

describe('VC-TR7 classifiable key types', () => {
  it('is unknown for managed keys, fails unknown types, knows OpenBao names', () => {
    const { stacks, key } = minimalKey();
    key['type'] = 'managed_key';
    expect(summary(run(TR7, stacks))).toEqual([`unknown:${KEY}#type`]);
    key['type'] = 'aes512-gcm';
    expect(summary(run(TR7, stacks))).toEqual([`fail:${KEY}#type`]);
    key['type'] = 'mldsa-65';
    expect(run(TR7, stacks)).toEqual([]);
  });
});

describe('VC-PK1 CA key strength', () => {
  it('fails weak sizes against the jurisdiction policy, including Vault defaults', () => {
    const { stacks, root, role } = fullPki();
    root['key_bits'] = 256;
    role['key_type'] = 'rsa';
    role['key_bits'] = 2048;
    const f = run(PK1, stacks, full.context);
    expect(summary(f)).toEqual(['fail:moh-platform-cyberjaya/root-ca/root#key_bits', `fail:${ROLE}#key_bits`]);
    expect(f[1]!.message).toMatch(/RSA needs at least 3072/);
    delete root['key_type'];
    delete root['key_bits'];
    expect(run(PK1, stacks, full.context)[0]!.message).toMatch(/rsa 2048 \(the default\)/);
  });
  it('fails short signature hashes and uses the static floor without context', () => {
    const { stacks, csr } = fullPki();
    csr['signature_bits'] = 256;
    expect(summary(run(PK1, stacks, full.context))).toEqual(['fail:moh-tenant-patient-records-cyberjaya/pki/csr#signature_bits']);
    csr['signature_bits'] = 384;
    csr['key_bits'] = 256;
    expect(summary(run(PK1, stacks))).toEqual(['fail:moh-tenant-patient-records-cyberjaya/pki/csr#key_bits']);
    csr['key_bits'] = '${var.bits}';
    expect(summary(run(PK1, stacks, full.context))).toEqual(['unknown:moh-tenant-patient-records-cyberjaya/pki/csr#key_bits']);
  });
});

describe('VC-PK2 CA keys internal', () => {
  it('fails exported keys, is unknown when unset or a reference', () => {
    const { stacks, root, csr } = fullPki();
    root['type'] = 'exported';
    delete csr['type'];
    expect(summary(run(PK2, stacks))).toEqual(['fail:moh-platform-cyberjaya/root-ca/root#type', 'unknown:moh-tenant-patient-records-cyberjaya/pki/csr#type']);
    root['type'] = '${var.t}';
    expect(summary(run(PK2, stacks))).toContain('unknown:moh-platform-cyberjaya/root-ca/root#type');
  });
});

describe('VC-PK3 CA lifetimes', () => {
  it('fails long lifetimes, unlimited path lengths and unconstrained intermediates', () => {
    const { stacks, root, signed } = fullPki();
    root['ttl'] = '100000h';
    delete root['max_path_length'];
    delete signed['permitted_dns_domains'];
    signed['max_path_length'] = -1;
    expect(summary(run(PK3, stacks))).toEqual([
      'fail:moh-platform-cyberjaya/root-ca/root#ttl',
      'fail:moh-platform-cyberjaya/root-ca/root#max_path_length',
      'fail:moh-tenant-patient-records-cyberjaya/pki/signed#max_path_length',
      'fail:moh-tenant-patient-records-cyberjaya/pki/signed#permitted_dns_domains',
    ]);
    root['ttl'] = '${var.ttl}';
    expect(summary(run(PK3, stacks))).toContain('unknown:moh-platform-cyberjaya/root-ca/root#ttl');
  });
});

describe('VC-PK4 PKI roles', () => {
  it('fails any-name, wildcard (including the default), globs, any key type, no domains and long lifetimes', () => {
    const { stacks, role } = fullPki();
    Object.assign(role, { allow_any_name: true, allow_glob_domains: true, key_type: 'any', allowed_domains: [], max_ttl: '10000h' });
    delete role['allow_wildcard_certificates'];
    expect(summary(run(PK4, stacks))).toEqual([
      `fail:${ROLE}#allow_any_name`,
      `fail:${ROLE}#allow_wildcard_certificates`,
      `fail:${ROLE}#allow_glob_domains`,
      `fail:${ROLE}#allowed_domains`,
      `fail:${ROLE}#key_type`,
      `fail:${ROLE}#max_ttl`,
    ]);
  });
  it('is unknown for references', () => {
    const { stacks, role } = fullPki();
    role['enforce_hostnames'] = '${var.e}';
    expect(summary(run(PK4, stacks))).toEqual([`unknown:${ROLE}#enforce_hostnames`]);
  });
});

describe('VC-AT1 Kubernetes auth roles', () => {
  const roleOf = (stacks: SynthStack[]): Json => first(stackNamed(stacks, 'tenant'), 'vault_kubernetes_auth_backend_role');
  const AT = 'minimal-tenant-records-cyberjaya/workload-identity/role-api';
  it('fails wildcards, no audience, root or default-only policies and unbounded tokens', () => {
    const stacks = copy(minimal.stacks);
    const r = roleOf(stacks);
    Object.assign(r, { bound_service_account_names: ['*'], token_policies: ['root'], token_max_ttl: 0 });
    delete r['audience'];
    expect(summary(run(AT1, stacks))).toEqual([`fail:${AT}#bound_service_account_names`, `fail:${AT}#audience`, `fail:${AT}#token_policies`, `fail:${AT}#token_max_ttl`]);
    Object.assign(r, { token_policies: ['default'], token_max_ttl: 100000 });
    expect(summary(run(AT1, stacks))).toEqual([`fail:${AT}#bound_service_account_names`, `fail:${AT}#audience`, `fail:${AT}#token_policies`, `fail:${AT}#token_max_ttl`]);
  });
  it('is unknown for references', () => {
    const stacks = copy(minimal.stacks);
    roleOf(stacks)['bound_service_account_namespaces'] = '${var.ns}';
    expect(summary(run(AT1, stacks))).toEqual([`unknown:${AT}#bound_service_account_namespaces`]);
  });
});

describe('VC-PL1 policies', () => {
  const policyOf = (stacks: SynthStack[]): Json => first(stackNamed(stacks, 'tenant'), 'vault_policy');
  const PL = 'minimal-tenant-records-cyberjaya/keys/policy-api';
  it('passes the operator policy (sudo on sys/audit) and the workload policies', () => {
    expect(run(PL1, full.stacks)).toEqual([]);
  });
  it('fails catch-all paths, writes to sys/ and sudo in a workload policy', () => {
    const stacks = copy(minimal.stacks);
    policyOf(stacks)['policy'] = 'path "*" {\n  capabilities = ["read"]\n}\npath "sys/auth/*" {\n  capabilities = ["create", "update", "sudo"]\n}\npath "tenants/records/kv/*" {\n  capabilities = ["read", "sudo"]\n}\n';
    const f = run(PL1, stacks);
    expect(f.map((x) => x.message)).toEqual([
      'path "*" reaches every mount (read)',
      'path "sys/auth/*" grants create, update on sys/: Vault\'s own configuration',
      'path "sys/auth/*" grants sudo in records-api workload policy (attached to a Kubernetes auth role)',
      'path "tenants/records/kv/*" grants sudo in records-api workload policy (attached to a Kubernetes auth role)',
    ]);
    expect(summary(f)[0]).toBe(`fail:${PL}#policy`);
  });
  it('is unknown for an interpolation or syntax it cannot read; escaped $${ is literal', () => {
    const stacks = copy(minimal.stacks);
    policyOf(stacks)['policy'] = 'path "tenants/${var.t}/kv" {\n  capabilities = ["read"]\n}\n';
    expect(summary(run(PL1, stacks))).toEqual([`unknown:${PL}#policy`]);
    policyOf(stacks)['policy'] = 'path "x" {\n  capabilities = <<EOT\nread\nEOT\n}\n';
    expect(run(PL1, stacks)[0]!.message).toMatch(/heredoc/);
    policyOf(stacks)['policy'] = 'path "tenants/records/kv/data/$${identity.entity.id}/*" {\n  capabilities = ["read"]\n}\n';
    expect(run(PL1, stacks)).toEqual([]);
  });
});
