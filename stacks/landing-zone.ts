/** `buildLandingZone`: the public entry point from a validated landing zone to a cdktf App. */
import { App } from 'cdktf';
import type { ResolvedLandingZone } from '../src/landing-zone/validate';
import { AdmissionStack } from './admission-stack';
import { planLandingZone } from './plan';
import { PlatformStack } from './platform-stack';
import type { SovereignStack } from './sovereign-stack';
import { shipTenantLogs, TenancyStack } from './tenancy-stack';

export interface BuildOptions {
  /** Where `app.synth()` writes. @default cdktf.out (or CDKTF_OUTDIR when run by the cdktf CLI) */
  readonly outdir?: string;
  /** An existing App to add the stacks to (for TypeScript users composing their own). */
  readonly app?: App;
  /**
   * Build only the stacks with these names (one shard of a parallel synth). A platform stack
   * built without its region's tenancy stacks still ships every tenant's logs, so each stack is
   * exactly what a full build makes; dependencies on stacks left out are not recorded.
   * @default every stack
   */
  readonly only?: ReadonlySet<string>;
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
  const built = new Map<string, SovereignStack>();
  for (const s of planLandingZone(landingZone)) {
    if (options.only && !options.only.has(s.name)) {
      // Built elsewhere: the region's forwarder (if built here) still lists the tenant, in plan order.
      if (s.tenant) shipTenantLogs(app, lz, landingZone.spec.regions[s.regionIndex]!.name, s.tenant.name);
      continue;
    }
    const props = { landingZone, regionIndex: s.regionIndex };
    let stack: SovereignStack;
    if (s.kind === 'platform') platform.push((stack = new PlatformStack(app, s.name, props)));
    else if (s.kind === 'tenancy') tenancy.push((stack = new TenancyStack(app, s.name, { ...props, tenant: s.tenant! })));
    else admission.push((stack = new AdmissionStack(app, s.name, props)));
    for (const d of s.dependsOn) {
      const dependency = built.get(d);
      if (dependency) stack.addDependency(dependency);
    }
    built.set(s.name, stack);
  }
  return { app, platform, tenancy, admission };
}
