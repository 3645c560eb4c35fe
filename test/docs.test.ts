import { readFileSync } from 'node:fs';
import { renderLandingZoneReference } from '../src/spec/reference-doc';

describe('generated documentation', () => {
  it('docs/landing-zone-file.md is current with the schema (run npm run docs)', () => {
    expect(readFileSync('docs/landing-zone-file.md', 'utf8')).toBe(renderLandingZoneReference());
  });

  it('documents every top-level key of the landing-zone file', () => {
    const doc = renderLandingZoneReference();
    for (const key of ['apiVersion', 'kind', 'metadata', 'jurisdiction', 'classification', 'regions', 'network', 'tenants', 'pki', 'identity', 'logging', 'state', 'compliance', 'exemptions']) {
      expect(doc).toContain(`| \`${key}\` |`);
    }
    expect(doc).toContain('## `state (backend: s3)`');
  });
});
