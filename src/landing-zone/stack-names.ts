/**
 * Which stacks a landing-zone file makes, by name: stable, DNS-safe, and readable in
 * `cdktf.out/stacks/`. The stacks build from these (stacks/names.ts, stacks/plan.ts); validation
 * reads them too, so an exemption naming no stack is refused before anything is synthesized.
 */

export function platformStackName(lz: string, region: string): string {
  return `${lz}-platform-${region}`;
}

export function tenancyStackName(lz: string, tenant: string, region: string): string {
  return `${lz}-tenant-${tenant}-${region}`;
}

export function admissionStackName(lz: string, region: string): string {
  return `${lz}-admission-${region}`;
}

/** The tenants of a region: those that name it, and those that name no region (all of them). */
export function tenantsInRegion<T extends { readonly regions?: readonly string[] }>(tenants: readonly T[], region: string): T[] {
  return tenants.filter((t) => !t.regions || t.regions.includes(region));
}

/** Every stack the file makes, per region: platform, one per tenant there, admission. */
export function stackNamesOf(lz: string, regions: readonly string[], tenants: readonly { readonly name: string; readonly regions?: readonly string[] }[]): string[] {
  return regions.flatMap((region) => [platformStackName(lz, region), ...tenantsInRegion(tenants, region).map((t) => tenancyStackName(lz, t.name, region)), admissionStackName(lz, region)]);
}
