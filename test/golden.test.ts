/**
 * Byte-identity guard. Every file `slz synth` writes (stacks, manifest.json, slz-context.json and
 * every report) for every bundled example and test landing zone, and what `slz review` prints for
 * two synthesized trees and for each rule's plans, is hashed and compared with the sha256 digests
 * committed in test/fixtures/golden/. A refactor must leave them all unchanged; a change to
 * synthesized output or a report fails here, naming each file that changed. When the change is
 * intended, run `npm run golden:update` and commit the digests with it.
 *
 * The day is pinned (SOURCE_DATE_EPOCH for the CLI, a fake Date for the TypeScript example), so
 * crypto deadlines and exemption expiry judge every run the same way.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { slz } from './helpers/cli';
import { readTree, tempDir } from './helpers/synth';
import { cases } from './review/cases';
import { review, writePlan } from './review/helpers';

/**
 * The digests hold for one synthesis engine: cdktf (what users install) in test/fixtures/golden/,
 * the community fork cdktn (CI's alias run, README "Compatibility") in test/fixtures/golden/cdktn/:
 * cdktn writes its own version into every stack and formats manifest.json differently, and SARIF
 * line numbers follow the stack files. Regenerate the cdktn set with the alias installed.
 */
const ENGINE = (JSON.parse(readFileSync(require.resolve('cdktf/package.json'), 'utf8')) as { name: string }).name;
const GOLDEN = ENGINE === 'cdktf' ? join(__dirname, 'fixtures', 'golden') : join(__dirname, 'fixtures', 'golden', ENGINE);
const UPDATE = process.env.SLZ_GOLDEN_UPDATE === '1';
/** 2026-11-21, the day the compliance tests judge on. */
const DAY = new Date('2026-11-21T00:00:00Z');

type Digests = Record<string, string>;

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

function digestsOf(files: ReadonlyMap<string, Buffer | string>): Digests {
  const out: Digests = {};
  for (const name of [...files.keys()].sort()) out[name.split('\\').join('/')] = sha256(files.get(name)!);
  return out;
}

/** Compares with (or, under `npm run golden:update`, rewrites) test/fixtures/golden/<group>.json. */
function check(group: string, actual: Digests): void {
  const file = join(GOLDEN, `${group}.json`);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, `${JSON.stringify({ '//': 'sha256 of each output file; regenerate with `npm run golden:update`', ...actual }, null, 2)}\n`);
    return;
  }
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run golden:update\``);
  const { '//': _note, ...expected } = JSON.parse(readFileSync(file, 'utf8')) as Digests;
  const changed = Object.keys(actual).filter((k) => k in expected && expected[k] !== actual[k]);
  const added = Object.keys(actual).filter((k) => !(k in expected));
  const removed = Object.keys(expected).filter((k) => !(k in actual));
  const lines = [...changed.map((k) => `  changed: ${group}/${k}`), ...added.map((k) => `  new:     ${group}/${k}`), ...removed.map((k) => `  gone:    ${group}/${k}`)];
  if (lines.length > 0) {
    throw new Error(`${group}: output differs from test/fixtures/golden/${group}.json\n${lines.join('\n')}\nIf the change is intended, run \`npm run golden:update\` and commit the digests.`);
  }
}

/** Synthesizes a landing-zone file with the CLI (exit 1, compliance errors, still writes everything). */
function synth(file: string, out = join(tempDir('slz-golden-'), 'out')): string {
  const r = slz('synth', file, '--out', out);
  if (r.code !== 0 && r.code !== 1) throw new Error(`synth ${file} failed (${r.code}):\n${r.stderr}`);
  return out;
}

/**
 * Synth output without the marker file (its content is fixed; its presence is output-dir's
 * concern). An app built without `stackTraces: false` (the TypeScript example's SovereignApp)
 * records the stack trace of each annotation in manifest.json: absolute paths and line numbers of
 * this checkout, left out so the digests hold on any machine and across unrelated edits.
 */
function treeDigests(dir: string): Digests {
  const files = readTree(dir);
  files.delete('.slz-output');
  const manifest = files.get('manifest.json');
  if (manifest?.includes('"stacktrace"')) files.set('manifest.json', Buffer.from(JSON.stringify(JSON.parse(manifest.toString('utf8')), (k, v: unknown) => (k === 'stacktrace' ? undefined : v), 2)));
  // `source.file` is relative to the output directory, so it names the temporary directory's
  // distance from this checkout; recorded relative to the checkout instead, so the digest holds
  // wherever the clone and the temporary directory are.
  const context = files.get('slz-context.json');
  if (context) {
    const parsed = JSON.parse(context.toString('utf8')) as { source?: { file: string } };
    if (parsed.source) parsed.source.file = relative(process.cwd(), resolve(dir, parsed.source.file)).split(sep).join('/');
    files.set('slz-context.json', Buffer.from(JSON.stringify(parsed, null, 2)));
  }
  return digestsOf(files);
}

/** Review output with the temporary directories it names replaced by placeholders. */
function reviewText(args: Parameters<typeof review>[0], paths: Readonly<Record<string, string>>): string {
  const r = review({ failOn: 'never', ...args });
  if (r.code !== 0) throw new Error(`review failed (${r.code}): ${r.stderr}`);
  let text = r.stdout;
  for (const [placeholder, path] of Object.entries(paths)) {
    text = text.split(path).join(placeholder).split(JSON.stringify(path).slice(1, -1)).join(placeholder);
  }
  return text;
}

const yamlExamples = readdirSync('examples')
  .filter((e) => existsSync(join('examples', e, 'landing-zone.yaml')) && !existsSync(join('examples', e, 'main.ts')))
  .sort();
const fixtures = readdirSync(join('test', 'fixtures', 'landing-zones'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

let savedEpoch: string | undefined;

beforeAll(() => {
  savedEpoch = process.env.SOURCE_DATE_EPOCH;
  process.env.SOURCE_DATE_EPOCH = String(DAY.getTime() / 1000);
});

afterAll(() => {
  if (savedEpoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = savedEpoch;
});

describe('byte-identity of everything slz writes (test/fixtures/golden)', () => {
  it.each(yamlExamples)('examples/%s', (example) => {
    check(`example-${example}`, treeDigests(synth(join('examples', example, 'landing-zone.yaml'))));
  });

  it('examples/typescript-fork', () => {
    jest.useFakeTimers({ now: DAY, doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { synthesize } = require('../examples/typescript-fork/main') as typeof import('../examples/typescript-fork/main');
      const out = join(tempDir('slz-golden-'), 'out');
      synthesize(out);
      check('example-typescript-fork', treeDigests(out));
    } finally {
      jest.useRealTimers();
    }
  });

  it.each(fixtures)('test/fixtures/landing-zones/%s', (fixture) => {
    check(`landing-zone-${fixture.replace(/\.yaml$/, '')}`, treeDigests(synth(join('test', 'fixtures', 'landing-zones', fixture))));
  });

  it('slz review --base/--head on two synthesized trees, both ways, in every format', () => {
    const root = tempDir('slz-golden-review-');
    const base = synth('test/fixtures/review/base.yaml', join(root, 'base'));
    const head = synth('test/fixtures/review/head.yaml', join(root, 'head'));
    const files = new Map<string, string>();
    for (const [name, dir] of [
      ['base', base],
      ['head', head],
    ] as const) {
      for (const [k, v] of Object.entries(treeDigests(dir))) files.set(`${name}-tree/${k}`, v);
    }
    const paths = { '<base>': base, '<head>': head };
    for (const format of ['md', 'json', 'sarif'] as const) {
      files.set(`base-head.${format}`, sha256(reviewText({ base, head, format }, paths)));
      files.set(`head-base.${format}`, sha256(reviewText({ base: head, head: base, format }, { '<base>': head, '<head>': base })));
    }
    check('review-trees', Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : 1))));
  });

  it('slz review --plan on every rule case, in every format', () => {
    const out = new Map<string, string>();
    cases.forEach((c, i) => {
      const file = writePlan(c.plan);
      for (const format of ['md', 'json', 'sarif'] as const) {
        out.set(`${String(i).padStart(3, '0')}-${c.rule}-${c.expect ? 'fires' : 'quiet'}.${format}`, reviewText({ plan: file, format }, { '<plan>': file }));
      }
    });
    check('review-plans', digestsOf(out));
  });
});
