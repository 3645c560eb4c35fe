/**
 * The plan JSON the review suites run on: the project's own corpus in test/fixtures/plans (real
 * `tofu show -json` output from the e2e suite against the kit's servers, README there), plus every
 * folder named in SLZ_EXTRA_PLANS (`:`-separated). `.ci/run` names the workplace's shared plan
 * corpus there in a conformance step of its own; `npm test` never needs anything beside the clone.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export const PLAN_CORPUS = resolve(__dirname, '..', 'fixtures', 'plans');

export interface CorpusPlan {
  /** `group/file.json` for the project's corpus, `extra:<folder name>/file.json` for an extra folder. */
  readonly name: string;
  readonly path: string;
}

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...jsonFiles(path));
    else if (entry.endsWith('.json')) out.push(path);
  }
  return out;
}

export function planCorpus(extra = process.env.SLZ_EXTRA_PLANS): CorpusPlan[] {
  const plans = jsonFiles(PLAN_CORPUS).map((path) => ({ name: relative(PLAN_CORPUS, path).split(sep).join('/'), path }));
  for (const dir of (extra ?? '').split(':').filter(Boolean)) {
    // A folder named but absent is a broken CI step, not an empty corpus.
    if (!existsSync(dir)) throw new Error(`SLZ_EXTRA_PLANS names ${dir}, which does not exist`);
    const root = resolve(dir);
    for (const path of jsonFiles(root)) plans.push({ name: `extra:${root.split(sep).pop()}/${relative(root, path).split(sep).join('/')}`, path });
  }
  return plans;
}
