/**
 * The demonstration issue 16 asks for: a review whose SARIF annotation lands on the line of the
 * landing-zone file the pull request edited, so GitHub code scanning annotates the diff. The
 * head widens the `mykad-verify` egress rule; RV-EGRESS-WIDEN must point at that rule's line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { slz } from '../helpers/cli';
import { synthTree, tempDir } from '../helpers/synth';

type Physical = { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } };

it('slz review --format sarif: RV-EGRESS-WIDEN annotates the edited egress line of the landing-zone file, the stack JSON is the related location', () => {
  const base = synthTree('test/fixtures/review/base.yaml');
  const head = synthTree('test/fixtures/review/head.yaml');
  const out = join(tempDir(), 'review.sarif');
  expect(slz('review', '--base', base.dir, '--head', head.dir, '--format', 'sarif', '--fail-on', 'never', '--out', out).code).toBe(0);
  const sarif = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results: { ruleId: string; locations: { physicalLocation: Physical }[]; relatedLocations?: { physicalLocation: Physical }[] }[] }[] };
  const results = sarif.runs[0]!.results;
  for (const r of results) expect(r.locations[0]!.physicalLocation).toBeDefined();

  const widen = results.find((r) => r.ruleId === 'RV-EGRESS-WIDEN')!;
  const at = widen.locations[0]!.physicalLocation;
  expect(at.artifactLocation).toEqual({ uri: 'test/fixtures/review/head.yaml', uriBaseId: '%SRCROOT%' });
  const headLines = readFileSync('test/fixtures/review/head.yaml', 'utf8').split('\n');
  const edited = headLines.findIndex((l) => l.includes('name: mykad-verify')) + 1;
  expect(at.region.startLine).toBe(edited);
  expect(headLines[edited - 1]).not.toBe(readFileSync('test/fixtures/review/base.yaml', 'utf8').split('\n')[edited - 1]); // the line the pull request changed
  expect(headLines[at.region.startLine - 1]!.slice(at.region.startColumn - 1)).toMatch(/^\{ name: mykad-verify, cidr: 10\.30\.0\.0\/16/);
  process.stderr.write(`RV-EGRESS-WIDEN → ${at.artifactLocation.uri}:${at.region.startLine}:${at.region.startColumn}: ${headLines[at.region.startLine - 1]!.trim()}\n`);

  const json = widen.relatedLocations![0]!.physicalLocation;
  expect(json.artifactLocation.uri).toMatch(/stacks\/moh-tenant-patient-records-cyberjaya\/cdk\.tf\.json$/);
  const text = readFileSync(join(head.dir, 'stacks/moh-tenant-patient-records-cyberjaya/cdk.tf.json'), 'utf8').split('\n');
  expect(text[json.region.startLine - 1]).toMatch(/"firewall_AllowEgress-mykad-verify_/);
});
