/** Stack names: stable, DNS-safe, and readable in `cdktf.out/stacks/`. */

export function platformStackName(lz: string, region: string): string {
  return `${lz}-platform-${region}`;
}

export function tenancyStackName(lz: string, tenant: string, region: string): string {
  return `${lz}-tenant-${tenant}-${region}`;
}

export function admissionStackName(lz: string, region: string): string {
  return `${lz}-admission-${region}`;
}
