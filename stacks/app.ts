/**
 * The app `cdktf synth` runs (cdktf.json): the same stacks and the same pipeline as `slz synth`,
 * for users of the cdktf CLI. Reads SLZ_FILE, else ./landing-zone.yaml; with neither it exits 2.
 */
import { UserError } from '../src/errors';
import { formatProblem, loadLandingZone } from '../src/landing-zone';
import { locateLandingZoneFile } from '../src/pipeline/landing-zone-file';
import { buildLandingZone } from './landing-zone';
import { SovereignApp } from './sovereign-app';

try {
  const file = locateLandingZoneFile(process.env.SLZ_FILE, 'synth');
  const result = loadLandingZone(file);
  if (!result.ok) {
    for (const p of result.problems) process.stderr.write(`${formatProblem(p)}\n`);
    process.exit(2);
  }
  const app = new SovereignApp({ landingZone: result.value, stackTraces: false });
  buildLandingZone(result.value, { app });
  app.synth();
} catch (e) {
  if (!(e instanceof UserError)) throw e;
  process.stderr.write(`${e.lines.join('\n')}\n`);
  process.exit(2);
}
