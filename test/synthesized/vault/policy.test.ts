/** The Vault policy reader: the HCL this tool writes, the JSON form, legacy `policy =`, and refusals. */
import fc from 'fast-check';
import { renderVaultPolicy, type VaultCapability } from '../../../constructs/common/vault-policy';
import { policyGrants, policyPathCovers, readVaultPolicy } from '../../../src/synthesized/vault/policy';

describe('readVaultPolicy', () => {
  it('reads path blocks with comments, trailing commas and extra attributes', () => {
    const text = [
      '# comment',
      'path "tenants/a/transit/encrypt/k" {',
      '  capabilities = ["update",]',
      '  allowed_parameters = { "plaintext" = [] }',
      '}',
      '// another',
      'path "sys/audit" { capabilities = ["read", "sudo"] }',
      '/* block */ path "old" { policy = "write" }',
    ].join('\n');
    expect(readVaultPolicy(text)).toEqual({
      ok: true,
      paths: [
        { path: 'tenants/a/transit/encrypt/k', capabilities: ['update'] },
        { path: 'sys/audit', capabilities: ['read', 'sudo'] },
        { path: 'old', capabilities: ['create', 'read', 'update', 'delete', 'list'] },
      ],
    });
  });

  it('reads the JSON form', () => {
    expect(readVaultPolicy('{"path": {"secret/*": {"capabilities": ["read"]}}}')).toEqual({ ok: true, paths: [{ path: 'secret/*', capabilities: ['read'] }] });
  });

  it('refuses what it does not understand, and flags interpolations as unresolved', () => {
    for (const text of ['name = "x"', 'path "x" { capabilities = ["fly"] }', 'path "x" {', 'path x { }', 'path "x" { capabilities = <<EOT\nread\nEOT\n}', '{"path": ', 'path "x" { capabilities = ["read"] capabilities = ["list"] }']) {
      const r = readVaultPolicy(text);
      expect({ text, ok: r.ok }).toEqual({ text, ok: false });
    }
    expect(readVaultPolicy('path "kv/${var.x}" { capabilities = ["read"] }')).toMatchObject({ ok: false, unresolved: true });
    expect(readVaultPolicy('path "kv/$${identity.entity.id}" { capabilities = ["read"] }')).toEqual({ ok: true, paths: [{ path: 'kv/${identity.entity.id}', capabilities: ['read'] }] });
  });

  it('reads back whatever renderVaultPolicy writes', () => {
    const caps: VaultCapability[] = ['create', 'read', 'update', 'patch', 'delete', 'list', 'sudo', 'deny'];
    const rule = fc.record({
      // No "$": escapeInterpolation in constructs/common/vault-policy.ts does not escape "${" today
      // (String.replace reads "$$" in the replacement as one "$"), so such text is a real
      // Terraform expression, which the reader rightly reports as unresolved.
      path: fc.stringMatching(/^[a-z0-9+*/_{}-]{1,30}$/),
      capabilities: fc.uniqueArray(fc.constantFrom(...caps), { minLength: 1, maxLength: 4 }),
      comment: fc.option(fc.string({ maxLength: 20 }).filter((c) => !c.includes('$')), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 5 }), (rules) => {
        const text = renderVaultPolicy(rules.map((r) => ({ path: r.path, capabilities: r.capabilities, ...(r.comment === undefined ? {} : { comment: r.comment }) })));
        const read = readVaultPolicy(text);
        expect(read).toEqual({ ok: true, paths: rules.map((r) => ({ path: r.path, capabilities: r.capabilities })) });
      }),
    );
  });
});

describe('policyGrants and policyPathCovers (the review compares policies with them)', () => {
  it('maps each path to the union of its capabilities, legacy policy values included', () => {
    const g = policyGrants('path "a/*" { capabilities = ["read"] }\npath "a/*" { capabilities = ["list"] }\npath "b" { policy = "deny" }');
    expect(g && Object.fromEntries([...g].map(([p, c]) => [p, [...c].sort()]))).toEqual({ 'a/*': ['list', 'read'], b: ['deny'] });
  });

  it('gives nothing for a policy it cannot read or that holds an expression', () => {
    expect(policyGrants('path "a" { capabilities = ["fly"] }')).toBeUndefined();
    expect(policyGrants('path "${var.p}" { capabilities = ["read"] }')).toBeUndefined();
  });

  it('matches paths as Vault does: + is one segment, a trailing * any suffix', () => {
    expect(policyPathCovers('secret/+/config', 'secret/app/config')).toBe(true);
    expect(policyPathCovers('secret/+/config', 'secret/a/b/config')).toBe(false);
    expect(policyPathCovers('secret/*', 'secret/a/b')).toBe(true);
    expect(policyPathCovers('secret/a', 'secret/ab')).toBe(false);
    expect(policyPathCovers('secret/a.b', 'secret/aXb')).toBe(false);
    fc.assert(fc.property(fc.stringMatching(/^[a-z0-9/_.+*-]{0,20}$/), (p) => policyPathCovers(p, p)));
  });
});
