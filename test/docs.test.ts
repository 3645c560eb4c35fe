import { readFileSync } from 'node:fs';
import { renderLandingZoneReference } from '../src/landing-zone/reference-doc';
import { renderControlMapping } from '../stacks/control-mapping';

describe('generated documentation', () => {
  it('docs/landing-zone-file.md is current with the schema (run npm run docs)', () => {
    expect(readFileSync('docs/landing-zone-file.md', 'utf8')).toBe(renderLandingZoneReference());
  });

  it('docs/control-mapping.md is current with the rules and constructs (run npm run docs)', () => {
    expect(readFileSync('docs/control-mapping.md', 'utf8')).toBe(renderControlMapping('examples/ministry-health/landing-zone.yaml'));
  });

  it('maps controls to the constructs that emit what the rules check', () => {
    const doc = renderControlMapping('examples/ministry-health/landing-zone.yaml');
    expect(doc).toMatch(/\| CRY-03 \| [^|]*VC-TR1[^|]* \| KeyManagement \|/);
    expect(doc).toMatch(/\| KeyManagement \| [^|]*`vault_transit_secret_backend_key`/);
  });

  it('documents every top-level key of the landing-zone file', () => {
    const doc = renderLandingZoneReference();
    for (const key of ['apiVersion', 'kind', 'metadata', 'jurisdiction', 'classification', 'regions', 'network', 'tenants', 'pki', 'identity', 'logging', 'state', 'compliance', 'exemptions']) {
      expect(doc).toContain(`| \`${key}\` |`);
    }
    expect(doc).toContain('## `state (backend: s3)`');
  });
});
