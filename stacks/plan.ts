/**
 * The stacks of a landing zone, in the order they are built, with the stacks each depends on —
 * without building any (no cdktf here). `buildLandingZone` builds from it; parallel synthesis
 * splits it into shards and records each stack's dependencies in manifest.json from it.
 */
import type { Tenant } from '../src/landing-zone/schema';
import type { ResolvedLandingZone } from '../src/landing-zone/validate';
import { admissionStackName, platformStackName, tenancyStackName } from './names';
import { tenantsInRegion } from './tenants';

export interface PlannedStack {
  readonly name: string;
  readonly kind: 'platform' | 'tenancy' | 'admission';
  /** Index into `landingZone.spec.regions`. */
  readonly regionIndex: number;
  /** The tenant a tenancy stack serves. */
  readonly tenant?: Tenant;
  /** Stacks applied before this one, in the order `addDependency` records them. */
  readonly dependsOn: readonly string[];
}

/** Per region: the platform stack, a tenancy stack per tenant of the region, the admission stack (after all of them). */
export function planLandingZone(landingZone: ResolvedLandingZone): PlannedStack[] {
  const lz = landingZone.spec.metadata.name;
  const plan: PlannedStack[] = [];
  landingZone.spec.regions.forEach((region, regionIndex) => {
    const platform = platformStackName(lz, region.name);
    plan.push({ name: platform, kind: 'platform', regionIndex, dependsOn: [] });
    const tenancy = tenantsInRegion(landingZone.spec, region.name).map(
      (tenant): PlannedStack => ({ name: tenancyStackName(lz, tenant.name, region.name), kind: 'tenancy', regionIndex, tenant, dependsOn: [platform] }),
    );
    plan.push(...tenancy);
    plan.push({ name: admissionStackName(lz, region.name), kind: 'admission', regionIndex, dependsOn: [platform, ...tenancy.map((t) => t.name)] });
  });
  return plan;
}
