/** The cdktf App `slz synth` synthesizes for a landing-zone file: built here, synthesized right after. */
import type { App } from 'cdktf';
import { LANDING_ZONE_ONLY } from '../../stacks/context-keys';
import type { ResolvedLandingZone } from '../landing-zone/validate';

/**
 * The cdktf App of a landing-zone file (or of the named stacks of it), built here so no other code
 * runs between building and synthesis (LANDING_ZONE_ONLY).
 */
export function landingZoneApp(landingZone: ResolvedLandingZone, outdir: string, only?: ReadonlySet<string>): App {
  /* eslint-disable @typescript-eslint/no-require-imports -- cdktf and the providers load only when synthesizing */
  const cdktf = require('cdktf') as typeof import('cdktf');
  const { buildLandingZone } = require('../../stacks/landing-zone') as typeof import('../../stacks/landing-zone');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const app = new cdktf.App({ outdir, stackTraces: false, context: { [LANDING_ZONE_ONLY]: true } });
  buildLandingZone(landingZone, { app, ...(only ? { only } : {}) });
  return app;
}
