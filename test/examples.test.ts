/**
 * Every bundled example synthesizes with zero compliance errors and a CBOM that validates against
 * the official CycloneDX 1.6 schema — the promise an agency relies on when it forks one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComplianceReport } from '../src/compliance';
import { validateCbom } from '../src/crypto/validate';
import { synthesize } from '../examples/typescript-fork/main';
import { slz } from './helpers/cli';
import { tempDir } from './helpers/synth';

const yamlExamples = readdirSync('examples')
  .filter((e) => existsSync(join('examples', e, 'landing-zone.yaml')) && !existsSync(join('examples', e, 'main.ts')))
  .sort();

function reports(dir: string): { compliance: ComplianceReport; cbom: unknown } {
  return {
    compliance: JSON.parse(readFileSync(join(dir, 'reports', 'compliance.json'), 'utf8')) as ComplianceReport,
    cbom: JSON.parse(readFileSync(join(dir, 'reports', 'cbom.cdx.json'), 'utf8')) as unknown,
  };
}

describe('bundled examples', () => {
  it('are all here, each with a README', () => {
    expect(readdirSync('examples').filter((e) => e !== 'ci').sort()).toEqual(['asean-shared-service', 'minimal', 'ministry-health', 'national-registry', 'sovereign-ai-workspace', 'typescript-fork']);
    for (const e of readdirSync('examples')) expect(existsSync(join('examples', e, 'README.md'))).toBe(true);
  });

  it.each(yamlExamples)('%s synthesizes with zero compliance errors and a valid CBOM', (example) => {
    const out = join(tempDir(), 'out');
    const r = slz('synth', join('examples', example, 'landing-zone.yaml'), '--out', out);
    expect({ code: r.code, stderr: r.stderr.split('\n').filter((l) => !l.startsWith('warning:')).join('\n').trim() }).toEqual({ code: 0, stderr: '' });
    const { compliance, cbom } = reports(out);
    expect(compliance.summary.byLevel.error).toBe(0);
    expect(compliance.findings.filter((f) => f.ruleId.startsWith('SB-SUP'))).toEqual([]);
    expect(validateCbom(cbom)).toMatchObject({ valid: true });
  });

  it('ministry-health documents one accepted risk with owner and expiry', () => {
    const out = join(tempDir(), 'out');
    expect(slz('synth', 'examples/ministry-health/landing-zone.yaml', '--out', out).code).toBe(0);
    const { compliance } = reports(out);
    expect(compliance.acceptedSuppressions).toHaveLength(1);
    expect(compliance.acceptedSuppressions[0]).toMatchObject({ suppression: { rule: 'KT-WL3', owner: 'ciso@moh.example.gov.my', expires: '2027-06-30' } });
  });

  it('national-registry turns on foreign-law exposure and strict mode', () => {
    const out = join(tempDir(), 'out');
    expect(slz('synth', 'examples/national-registry/landing-zone.yaml', '--out', out).code).toBe(0);
    expect(reports(out).compliance.context).toMatchObject({ ordinal: 4, strict: true, foreignLawThreshold: 4 });
  });

  it('asean-shared-service runs under Singapore with the same constructs', () => {
    const out = join(tempDir(), 'out');
    expect(slz('synth', 'examples/asean-shared-service/landing-zone.yaml', '--out', out).code).toBe(0);
    expect(reports(out).compliance.context).toMatchObject({ jurisdiction: { code: 'SG', completeness: 'sketch' }, ordinal: 1 });
    // OpenBao refuses audit devices through the API: the operator gets the server-configuration stanzas.
    const stanzas = readFileSync(join(out, 'reports', 'openbao-audit-asean-trade-platform-sg1.hcl'), 'utf8');
    expect(stanzas).toMatch(/^audit "file" "file" \{$/m);
    expect(stanzas).toMatch(/^audit "socket" "socket" \{$/m);
  });

  it('sovereign-ai-workspace gives GPU quota and opens egress only to the in-country model registry and data platform', () => {
    const out = join(tempDir(), 'out');
    expect(slz('synth', 'examples/sovereign-ai-workspace/landing-zone.yaml', '--out', out).code).toBe(0);
    const stack = JSON.parse(readFileSync(join(out, 'stacks', 'ai-lab-tenant-fine-tuning-sov-ai-1', 'cdk.tf.json'), 'utf8')) as { resource: Record<string, Record<string, { spec?: unknown }>> };
    const quota = Object.values(stack.resource.kubernetes_resource_quota_v1!)[0]!;
    expect(JSON.stringify(quota.spec)).toContain('"requests.nvidia.com/gpu":"16"');
    const cidrs = JSON.stringify(stack.resource.kubernetes_network_policy_v1).match(/"cidr":"[^"]+"/g);
    // The two declared destinations, and the region's Vault (the workloads log in and use keys there).
    expect(cidrs?.sort()).toEqual(['"cidr":"10.120.30.0/28"', '"cidr":"10.121.0.0/24"', '"cidr":"10.122.0.0/20"']);
  });

  it('typescript-fork synthesizes a code-defined tenant, an extra NetworkPolicy and its own accepted risk', () => {
    const out = join(tempDir(), 'out');
    const app = synthesize(out);
    const report = app.lastReport!;
    expect(report.summary.byLevel.error).toBe(0);
    expect(report.acceptedSuppressions.map((a) => a.suppression.rule)).toEqual(['KT-WL3']);
    const payments = JSON.parse(readFileSync(join(out, 'stacks', 'treasury-tenant-payments-cyberjaya', 'cdk.tf.json'), 'utf8')) as { resource: Record<string, Record<string, { metadata?: { name: string }; spec?: unknown }>> };
    const extra = Object.values(payments.resource.kubernetes_network_policy_v1!).find((p) => p.metadata?.name === 'allow-egress-payment-switch');
    expect(JSON.stringify(extra?.spec)).toContain('10.77.4.0/24');
    // The code-defined tenant's logs are shipped like the file's tenants'.
    const platform = readFileSync(join(out, 'stacks', 'treasury-platform-cyberjaya', 'cdk.tf.json'), 'utf8');
    expect(platform).toContain('/var/log/containers/*_payments_*.log');
  });

  it('typescript-fork: slz check on what SovereignApp wrote gives the verdict of the synth that wrote it', () => {
    const out = join(tempDir(), 'out');
    const report = synthesize(out).lastReport!;
    for (const f of ['slz-context.json', 'stack-graph.json', '.slz-output', 'reports/cbom.cdx.json', 'reports/pqc-readiness.md', 'reports/compliance.sarif']) {
      expect(existsSync(join(out, f))).toBe(true);
    }
    const check = slz('check', out, '--json');
    expect(check.code).toBe(report.summary.exitCode);
    const again = JSON.parse(check.stdout) as typeof report;
    expect(again.summary.byLevel).toEqual(report.summary.byLevel);
    expect(again.acceptedSuppressions.map((a) => a.suppression.rule)).toEqual(['KT-WL3']);
    expect(again.findings.map((f) => `${f.ruleId} ${f.constructPath} ${f.status}`)).toEqual(report.findings.map((f) => `${f.ruleId} ${f.constructPath} ${f.status}`));
  });
});
