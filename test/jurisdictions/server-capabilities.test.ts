/**
 * The capability table (which server accepts which key type from which release) and what is
 * built on it: the conservative defaults, the PKI gate, recommendations across several servers,
 * and reading servers from slz-context.json.
 */
import fc from 'fast-check';
import {
  ASSUMED_VERSION,
  compareVersions,
  describePkiKey,
  describeTransitKey,
  parseVersion,
  pkiKeySupport,
  PQ_AVAILABILITY,
  recommendedPqTarget,
  recommendedPqTargetOn,
  regionOfStack,
  SERVER_CAPABILITIES,
  serverForStack,
  serverLabel,
  transitKeySupport,
  vaultServer,
  type VaultServerInput,
} from '../../src/jurisdictions';
import { vaultServersOf, type SynthContextFile } from '../../src/synthesized/context';

describe('the capability table', () => {
  it('gives every row a source and a confidence for both server families', () => {
    for (const fact of SERVER_CAPABILITIES) {
      for (const side of [fact.vault, fact.openbao]) {
        expect(side.sources.length).toBeGreaterThan(0);
        for (const s of side.sources) expect(s.trim().length).toBeGreaterThan(10);
        expect(['stated', 'inferred', 'uncertain']).toContain(side.confidence);
        // A release without an edition (or an edition without a release) would be a half-stated fact.
        expect(side.since === null).toBe(side.editions.length === 0);
      }
    }
    expect(new Set(SERVER_CAPABILITIES.map((f) => f.id)).size).toBe(SERVER_CAPABILITIES.length);
  });

  it('states the facts the issues name (Vault 1.19/1.20 Enterprise, OpenBao 2.7)', () => {
    const row = (id: string) => SERVER_CAPABILITIES.find((f) => f.id === id)!;
    expect(row('transit:ml-dsa').vault).toMatchObject({ editions: ['enterprise'], since: '1.19', experimental: true });
    expect(row('transit:ml-dsa').openbao).toMatchObject({ editions: ['community'], since: '2.7', experimental: false });
    expect(row('transit:ml-dsa').openbao.sources.join(' ')).toContain('openbao/openbao/pull/3909');
    expect(row('transit:hybrid').vault.since).toBe('1.19');
    expect(row('transit:slh-dsa').vault.since).toBe('1.20');
    expect(row('transit:hybrid').openbao.since).toBeNull();
    expect(row('transit:slh-dsa').openbao.since).toBeNull();
    expect(row('pki:mldsa').openbao).toMatchObject({ since: '2.7' });
    expect(row('pki:mldsa').openbao.sources.join(' ')).toMatch(/pull\/3859.*issues\/3756/);
    expect(row('pki:mldsa').vault).toMatchObject({ since: null, confidence: 'uncertain' });
  });

  it('renders every row in the report table with the Community refusal and the OpenBao release', () => {
    const mlDsa = PQ_AVAILABILITY.find((r) => r.capability.startsWith('Transit ML-DSA'))!;
    expect(mlDsa).toMatchObject({
      vaultCommunity: 'no — Enterprise-only (ErrPQCEntOnly)',
      vaultEnterprise: 'yes from 1.19, experimental ("should not be used in production")',
      openbao: 'yes from 2.7: mldsa-44, mldsa-65, mldsa-87, no parameter_set; earlier releases refuse it',
    });
    const kem = PQ_AVAILABILITY.find((r) => r.capability.startsWith('ML-KEM'))!;
    expect(kem.openbao).toContain('tls_key_exchange_preferences (openbao/openbao#3769; the TLS item #3755 is closed)');
    for (const r of PQ_AVAILABILITY) expect(r.sources.length).toBeGreaterThan(0);
  });
});

describe('servers and versions', () => {
  it('fills the conservative defaults: Vault, Community, the oldest release slz models', () => {
    expect(vaultServer()).toEqual({ dialect: 'vault', edition: 'community', version: '1.19', versionDeclared: false });
    expect(vaultServer({ dialect: 'openbao' })).toEqual({ dialect: 'openbao', edition: 'community', version: ASSUMED_VERSION.openbao, versionDeclared: false });
    // Anything unreadable falls back to the defaults, never to a more capable server.
    expect(vaultServer({ dialect: 'x' as 'vault', edition: 'gold' as 'enterprise', version: 'latest' })).toEqual(vaultServer());
    expect(serverLabel(vaultServer({ edition: 'enterprise', version: '1.21.1' }))).toBe('Vault Enterprise 1.21.1');
    expect(serverLabel(vaultServer({ dialect: 'openbao' }))).toBe('OpenBao 2.6 (assumed: no version declared)');
  });

  it('compares versions numerically, with a missing patch as 0', () => {
    expect(compareVersions('1.9', '1.19')).toBe(-1);
    expect(compareVersions('1.20', '1.19.5')).toBe(1);
    expect(compareVersions('2.7', '2.7.0')).toBe(0);
    expect(parseVersion('2.7.1')).toEqual([2, 7, 1]);
    expect(parseVersion('v2.7')).toBeUndefined();
    fc.assert(
      fc.property(fc.tuple(fc.nat(5), fc.nat(40), fc.nat(20)), fc.tuple(fc.nat(5), fc.nat(40), fc.nat(20)), (a, b) => {
        const sa = a.join('.');
        const sb = b.join('.');
        expect(compareVersions(sa, sb)).toBe(-compareVersions(sb, sa));
        expect(compareVersions(sa, sb) === 0).toBe(a.every((x, i) => x === b[i]));
      }),
    );
  });

  it('refuses PKI key_type mldsa except on OpenBao 2.7 or newer; rsa, ec and ed25519 everywhere', () => {
    expect(pkiKeySupport(vaultServer({ dialect: 'openbao', version: '2.7' }), 'mldsa').ok).toBe(true);
    const old = pkiKeySupport(vaultServer({ dialect: 'openbao', version: '2.6.2' }), 'mldsa');
    expect(old).toMatchObject({ ok: false, versionBound: true, reason: 'PKI key_type mldsa needs OpenBao 2.7 or newer, and the server is OpenBao 2.6.2' });
    expect(pkiKeySupport(vaultServer({ edition: 'enterprise', version: '1.21.1' }), 'mldsa')).toMatchObject({ ok: false, versionBound: false });
    for (const t of ['rsa', 'ec', 'ed25519'] as const) expect(pkiKeySupport(vaultServer(), t).ok).toBe(true);
  });

  it('finds the region of a stack by its longest suffix, and the default server where none matches', () => {
    expect(regionOfStack('moh-tenant-records-kulim', ['kulim', 'cyberjaya'])).toBe('kulim');
    expect(regionOfStack('lz-platform-sac-1', ['1', 'sac-1'])).toBe('sac-1');
    expect(regionOfStack('lz-platform-penang', ['kulim'])).toBeUndefined();
    const bao = vaultServer({ dialect: 'openbao', version: '2.7' });
    expect(serverForStack('lz-tenant-a-kulim', { kulim: bao })).toBe(bao);
    expect(serverForStack('lz-tenant-a-penang', { kulim: bao })).toEqual(vaultServer());
    expect(serverForStack('lz-tenant-a-kulim', undefined)).toEqual(vaultServer());
  });
});

describe('slz-context.json servers', () => {
  const base: SynthContextFile = {
    apiVersion: 'slz/v1',
    kind: 'SynthContext',
    name: 'lz',
    agency: 'A',
    jurisdiction: 'MY',
    classification: 'SULIT',
    ordinal: 3,
    strict: true,
    inCountryCidrs: [],
    endpointDomains: [],
    vaultDialects: { cyberjaya: 'openbao', kulim: 'vault' },
    exemptions: [],
  };

  it('reads each region as declared', () => {
    const servers = vaultServersOf({ ...base, vaultServers: { cyberjaya: { dialect: 'openbao', version: '2.7' }, kulim: { dialect: 'vault', edition: 'enterprise', version: '1.21.1' } } });
    expect(servers.cyberjaya).toEqual({ dialect: 'openbao', edition: 'community', version: '2.7', versionDeclared: true });
    expect(servers.kulim).toEqual({ dialect: 'vault', edition: 'enterprise', version: '1.21.1', versionDeclared: true });
  });

  it('judges a tree written before servers were recorded as Community at the assumed version', () => {
    expect(vaultServersOf(base)).toEqual({ cyberjaya: vaultServer({ dialect: 'openbao' }), kulim: vaultServer() });
    expect(vaultServersOf(undefined)).toEqual({});
  });
});

describe('recommendations', () => {
  const p384 = describeTransitKey({ type: 'ecdsa-p384' })[0]!;

  it('proposes a hybrid key on Vault Enterprise, mldsa-87 on OpenBao 2.7, and no key type where the server has none', () => {
    expect(recommendedPqTarget(p384, { server: vaultServer({ edition: 'enterprise' }) })).toMatchObject({
      kind: 'hybrid',
      algorithm: 'ML-DSA-87+ECDSA-P-384',
      transitKey: { type: 'hybrid', parameterSet: '87', hybridKeyTypeEc: 'ecdsa-p384', spelled: 'hybrid (parameter_set 87, hybrid_key_type_ec ecdsa-p384)' },
    });
    expect(recommendedPqTarget(p384, { server: vaultServer({ dialect: 'openbao', version: '2.7' }) })).toMatchObject({ kind: 'ML-DSA', transitKey: { spelled: 'mldsa-87' } });
    for (const server of [vaultServer(), vaultServer({ dialect: 'openbao', version: '2.6.2' }), vaultServer({ edition: 'enterprise', version: '1.18.3' })]) {
      const t = recommendedPqTarget(p384, { server })!;
      expect(t).toMatchObject({ kind: 'ML-DSA', algorithm: 'ML-DSA-87', transitKey: null, server: serverLabel(server) });
      expect(t.summary).toContain('offers no post-quantum transit key type');
    }
    // No server given: the conservative default, never a type an unknown server might refuse.
    expect(recommendedPqTarget(p384)).toMatchObject({ transitKey: null, server: 'Vault Community 1.19 (assumed: no version declared)' });
  });

  it('says where an ML-DSA CA is possible, and that Terraform cannot declare it yet', () => {
    const ca = describePkiKey('ec', 384);
    expect(recommendedPqTarget(ca, { usage: 'pki', server: vaultServer({ dialect: 'openbao', version: '2.7' }) })!.summary).toContain(
      'OpenBao 2.7 PKI issues ML-DSA certificates (key_type mldsa, key_bits 87), but the Terraform Vault provider accepts only rsa/ec/ed25519 key types',
    );
    expect(recommendedPqTarget(ca, { usage: 'pki', server: vaultServer({ edition: 'enterprise' }) })!.summary).toContain('OpenBao 2.7 or newer (key_type mldsa, key_bits 44, 65 or 87) does');
  });

  it('recommends AES-256-CMAC only where the server has it, else a 256-bit HMAC key', () => {
    const cmac128 = describeTransitKey({ type: 'aes128-cmac' })[0]!;
    expect(recommendedPqTarget(cmac128, { server: vaultServer({ edition: 'enterprise' }) })!.transitKey).toMatchObject({ type: 'aes256-cmac' });
    expect(recommendedPqTarget(cmac128, { server: vaultServer({ dialect: 'openbao' }) })!.transitKey).toMatchObject({ type: 'hmac', keySize: 32, spelled: 'hmac (key_size 32)' });
  });

  const serverArb = fc
    .record({ dialect: fc.constantFrom('vault' as const, 'openbao' as const), edition: fc.constantFrom('community' as const, 'enterprise' as const), minor: fc.integer({ min: 0, max: 25 }) })
    .map(({ dialect, edition, minor }): VaultServerInput => ({ dialect, edition, version: `${dialect === 'vault' ? 1 : 2}.${minor}` }));

  it('property: across several servers, a proposed transit key is one every one of them accepts', () => {
    const algos = [p384, describeTransitKey({ type: 'ed25519' })[0]!, describeTransitKey({ type: 'aes128-cmac' })[0]!, describeTransitKey({ type: 'aes128-gcm96' })[0]!, describeTransitKey({ type: 'rsa-2048' })[1]!];
    fc.assert(
      fc.property(fc.array(serverArb, { minLength: 1, maxLength: 4 }), fc.constantFrom(...algos), (inputs, algo) => {
        const servers = inputs.map((i) => vaultServer(i));
        const t = recommendedPqTargetOn(algo, { servers });
        if (!t?.transitKey) return;
        for (const s of servers) expect(transitKeySupport(s, t.transitKey.type).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
