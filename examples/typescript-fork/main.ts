/**
 * A TypeScript landing zone for an agency that outgrew YAML. It keeps the file for what is common,
 * then uses the library directly:
 *  1. a tenant defined in code (`payments`), synthesized by the same TenancyStack as YAML tenants;
 *  2. an extra NetworkPolicy through the NetworkFirewall public API (egress to the payment switch);
 *  3. an accepted risk of its own, passed to SovereignApp, which runs the same pipeline as
 *     `slz synth` (atomic write keeping your state files, reports, CBOM, stack graph) and fails the
 *     synth on error-level findings.
 *
 * Run: npm run synth (tsc && node main.js [OUTDIR]); then npx slz check [OUTDIR] gives the same verdict.
 */
import { join } from 'node:path';
import { buildLandingZone, loadLandingZoneOrThrow, SovereignApp, TenancyStack, tenancyStackName, type Tenant } from 'sovereign-landing-zone';

/** The payment switch of the national bank, inside the country's networks. */
const PAYMENT_SWITCH = { name: 'payment-switch', cidr: '10.77.4.0/24', ports: [{ port: 8443 }] };

const payments: Tenant = {
  name: 'payments',
  quota: { cpu: '4', memory: '16Gi', pods: 20 },
  keys: [
    { name: 'settlement', purpose: 'encryption', algorithm: 'aes256-gcm96', rotateDays: 90 },
    { name: 'instruction-signing', purpose: 'signing', algorithm: 'ecdsa-p384', rotateDays: 365 },
  ],
  workloads: [{ serviceAccount: 'settlement-worker', keys: ['settlement', 'instruction-signing'], kv: true }],
  access: { admins: ['treasury-payments-admins'], developers: [], viewers: ['treasury-audit'] },
  egress: [],
  ingress: [],
};

export function synthesize(outdir = 'cdktf.out', file = join(__dirname, 'landing-zone.yaml')): SovereignApp {
  const landingZone = loadLandingZoneOrThrow(file);
  // The file's exemptions come with the landing zone; this accepted risk is added in code. Both are
  // written to slz-context.json, so `slz check cdktf.out` later gives this synth's verdict.
  const app = new SovereignApp({
    outdir,
    landingZone,
    suppressions: [
      {
        rule: 'KT-WL3',
        resource: 'treasury-platform-*/log-forwarder/DaemonSet',
        reason: 'The forwarder image tag is immutable in the in-country registry; digest pinning lands with the image pipeline.',
        owner: 'ciso@treasury.example.gov.my',
        expires: '2027-06-30',
        ticket: 'TRE-SEC-88',
      },
    ],
  });

  // Everything the YAML declares, on the SovereignApp.
  const { platform } = buildLandingZone(landingZone, { app });

  // 1. A tenant built in code, by the same stack class the YAML tenants use.
  const region = landingZone.spec.regions[0]!;
  const tenancy = new TenancyStack(app, tenancyStackName(landingZone.spec.metadata.name, payments.name, region.name), { landingZone, regionIndex: 0, tenant: payments });
  tenancy.addDependency(platform[0]!);

  // 2. An extra NetworkPolicy through the public API: validated like YAML egress (in-country only).
  tenancy.firewall.allowEgress(PAYMENT_SWITCH);

  // 3. Synthesize; the compliance engine runs on the written JSON and throws on error findings.
  app.synth();
  return app;
}

if (require.main === module) {
  const app = synthesize(process.argv[2]);
  const s = app.lastReport!.summary;
  process.stdout.write(`synthesized ${s.stacks} stacks (${s.resources} resources): ${s.byLevel.error} error, ${s.byLevel.warning} warning, ${s.acceptedSuppressions} accepted risk(s)\n`);
}
