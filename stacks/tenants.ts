/** Which tenants run where. */
import type { LandingZone, Tenant } from '../src/landing-zone/schema';

export function tenantsInRegion(spec: LandingZone, region: string): Tenant[] {
  return spec.tenants.filter((t) => !t.regions || t.regions.includes(region));
}
