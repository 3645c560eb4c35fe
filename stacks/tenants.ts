/** Which tenants run where. */
import type { LandingZone, Tenant } from '../src/landing-zone/schema';
import { tenantsInRegion as inRegion } from '../src/landing-zone/stack-names';

export function tenantsInRegion(spec: LandingZone, region: string): Tenant[] {
  return inRegion(spec.tenants, region);
}
