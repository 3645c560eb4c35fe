/** Landing zones of any size, for benchmarks and reliability tests: realistic tenants with keys, workloads and egress. */
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

export function generateLandingZone(tenants: number, base = 'examples/minimal/landing-zone.yaml'): string {
  const doc = parse(readFileSync(base, 'utf8')) as Record<string, unknown> & { network: Record<string, unknown> };
  doc.network = {
    ...doc.network,
    egress: [
      { name: 'registry', cidr: '10.30.0.0/24', ports: [443] },
      { name: 'database', cidr: '10.31.0.0/24', ports: [5432] },
    ],
  };
  doc.tenants = Array.from({ length: tenants }, (_, i) => ({
    name: `tenant-${String(i).padStart(4, '0')}`,
    quota: { cpu: '4', memory: '16Gi', pods: 40 },
    keys: [
      { name: 'data', purpose: 'encryption', algorithm: 'aes256-gcm96', rotateDays: 180 },
      { name: 'sign', purpose: 'signing', algorithm: 'ecdsa-p384', rotateDays: 365 },
    ],
    workloads: [
      { serviceAccount: 'api', keys: ['data'], kv: true },
      { serviceAccount: 'worker', keys: ['data', 'sign'] },
    ],
    access: { admins: [`team-${i}-admins`], developers: [`team-${i}-dev`] },
    egress: ['registry', 'database'],
  }));
  return stringify(doc);
}
