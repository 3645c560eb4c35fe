/**
 * The app `cdktf synth` runs (cdktf.json): the same stacks as `slz synth`, for users of the cdktf
 * CLI. Reads SLZ_FILE (default ./landing-zone.yaml, else the bundled minimal example).
 */
import { formatProblem, loadLandingZone } from '../src/landing-zone';
import { resolveLandingZoneFile } from '../src/cli/landing-zone-file';
import { buildLandingZone } from './landing-zone';

const file = resolveLandingZoneFile(process.env.SLZ_FILE);
const result = loadLandingZone(file);
if (!result.ok) {
  for (const p of result.problems) process.stderr.write(`${formatProblem(p)}\n`);
  process.exit(2);
}
buildLandingZone(result.value).app.synth();
