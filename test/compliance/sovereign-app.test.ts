/** SovereignApp: synth() runs the compliance engine on what it wrote and throws on error findings. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Audit } from '@cdktf/provider-vault/lib/audit';
import { Mount } from '@cdktf/provider-vault/lib/mount';
import { VaultProvider } from '@cdktf/provider-vault/lib/provider';
import { TransitSecretBackendKey } from '@cdktf/provider-vault/lib/transit-secret-backend-key';
import { TerraformStack } from 'cdktf';
import { getJurisdiction } from '../../src/jurisdictions';
import type { LandingZoneContext } from '../../src/compliance';
import { pinProviders } from '../../stacks/provider-pinning';
import { ComplianceError, SovereignApp } from '../../stacks/sovereign-app';
import { tempDir } from '../helpers/synth';

const landingZone: LandingZoneContext = {
  name: 'app',
  jurisdiction: getJurisdiction('MY')!,
  classification: 'SULIT',
  ordinal: 3,
  strict: true,
  inCountryCidrs: ['10.0.0.0/8'],
  endpointDomains: ['agency.example.gov.my'],
};

function build(exportable: boolean): SovereignApp {
  const app = new SovereignApp({ outdir: join(tempDir(), 'out'), landingZone, today: '2026-11-21', packs: ['sovereign-baseline', 'vault-crypto'] });
  const stack = new TerraformStack(app, 'keys');
  new VaultProvider(stack, 'vault', { address: 'https://vault.agency.example.gov.my:8200' });
  pinProviders(stack, ['vault']);
  new Audit(stack, 'file', { type: 'file', path: 'file', options: { file_path: '/vault/audit/audit.log' } });
  new Audit(stack, 'socket', { type: 'socket', path: 'socket', options: { address: '127.0.0.1:9514', socket_type: 'tcp' } });
  const mount = new Mount(stack, 'transit', { path: 'tenants/a/transit', type: 'transit' });
  new TransitSecretBackendKey(stack, 'key', { backend: mount.path, name: 'k', type: 'aes256-gcm96', exportable, autoRotatePeriod: 90 * 86400 });
  return app;
}

describe('SovereignApp', () => {
  it('synthesizes, writes the reports and keeps the report when only warnings remain', () => {
    const app = build(false);
    expect(() => app.synth()).not.toThrow();
    expect(existsSync(join(app.outdir, 'reports', 'compliance.sarif'))).toBe(true);
    expect(app.lastReport?.summary.exitCode).toBe(0);
    expect(app.lastReport?.findings.map((f) => f.ruleId)).toEqual(['SB-ST1']); // no backend: state stays local
  });

  it('throws an error listing the error-level findings, after writing tree and reports', () => {
    const app = build(true);
    let error: unknown;
    try {
      app.synth();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ComplianceError);
    expect((error as Error).message).toMatch(/^compliance: 1 error-level finding/);
    expect((error as Error).message).toMatch(/VC-TR1 keys\/key \(exportable\): exportable is true/);
    expect(existsSync(join(app.outdir, 'stacks', 'keys', 'cdk.tf.json'))).toBe(true);
    expect(existsSync(join(app.outdir, 'reports', 'compliance.md'))).toBe(true);
  });
});
