/** `buildLandingZone`: the public entry point from a validated landing zone to a cdktf App. */
import { App } from 'cdktf';
import type { ResolvedLandingZone } from '../src/landing-zone/validate';
import { AdmissionStack } from './admission-stack';
import { admissionStackName, platformStackName, tenancyStackName } from './names';
import { PlatformStack } from './platform-stack';
import { TenancyStack } from './tenancy-stack';
import { tenantsInRegion } from './tenants';

export interface BuildOptions {
  /** Where `app.synth()` writes. @default cdktf.out (or CDKTF_OUTDIR when run by the cdktf CLI) */
  readonly outdir?: string;
  /** An existing App to add the stacks to (for TypeScript users composing their own). */
  readonly app?: App;
}

export interface LandingZoneStacks {
  readonly app: App;
  readonly platform: readonly PlatformStack[];
  readonly tenancy: readonly TenancyStack[];
  readonly admission: readonly AdmissionStack[];
}

/** Builds every stack of a landing zone: platform, tenancy (tenant × region) and admission, per region. */
export function buildLandingZone(landingZone: ResolvedLandingZone, options: BuildOptions = {}): LandingZoneStacks {
  const app = options.app ?? new App({ ...(options.outdir ? { outdir: options.outdir } : {}), stackTraces: false });
  const lz = landingZone.spec.metadata.name;
  const platform: PlatformStack[] = [];
  const tenancy: TenancyStack[] = [];
  const admission: AdmissionStack[] = [];
  landingZone.spec.regions.forEach((region, regionIndex) => {
    const p = new PlatformStack(app, platformStackName(lz, region.name), { landingZone, regionIndex });
    platform.push(p);
    const regionTenancy = tenantsInRegion(landingZone.spec, region.name).map((tenant) => {
      const t = new TenancyStack(app, tenancyStackName(lz, tenant.name, region.name), { landingZone, regionIndex, tenant });
      t.addDependency(p);
      return t;
    });
    tenancy.push(...regionTenancy);
    const a = new AdmissionStack(app, admissionStackName(lz, region.name), { landingZone, regionIndex });
    a.addDependency(p);
    for (const t of regionTenancy) a.addDependency(t);
    admission.push(a);
  });
  return { app, platform, tenancy, admission };
}
