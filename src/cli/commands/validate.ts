/** `slz validate [FILE]`: parse and check the landing-zone file. */
import { formatProblem, loadLandingZone } from '../../landing-zone';
import { CliError, EXIT_OK } from '../errors';
import { locateLandingZoneFile } from '../../pipeline/landing-zone-file';
import type { Output } from '../output';

export interface ValidateOptions {
  readonly json?: boolean;
}

export function runValidate(file: string | undefined, opts: ValidateOptions, io: Output): number {
  const path = locateLandingZoneFile(file, 'validate');
  const result = loadLandingZone(path);
  if (!result.ok) {
    if (opts.json) {
      io.out(JSON.stringify({ file: path, valid: false, problems: result.problems }, null, 2));
      return 2;
    }
    const errors = result.problems.filter((p) => p.severity === 'error').length;
    throw new CliError([...result.problems.map(formatProblem), `${path}: ${errors} problem${errors === 1 ? '' : 's'}; nothing was written`]);
  }
  const v = result.value;
  if (opts.json) {
    io.out(JSON.stringify({ file: path, valid: true, jurisdiction: v.jurisdiction.countryCode, ordinal: v.ordinal, level: v.level, strict: v.strict, warnings: result.warnings }, null, 2));
    return EXIT_OK;
  }
  for (const w of result.warnings) io.err(formatProblem(w));
  const tenants = v.spec.tenants.length;
  const regions = v.spec.regions.length;
  io.out(`${path}: valid — ${v.jurisdiction.countryCode} ${v.spec.classification} (level ${v.ordinal}, ${v.level}${v.strict ? ', strict' : ''}), ${regions} region${regions === 1 ? '' : 's'}, ${tenants} tenant${tenants === 1 ? '' : 's'}${result.warnings.length ? `, ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}` : ''}`);
  return EXIT_OK;
}
