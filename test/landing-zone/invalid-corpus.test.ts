/**
 * The invalid-file corpus (test/fixtures/invalid): every file is a landing zone with a deliberate
 * defect. Each must exit 2, print no stack trace, print nothing on stdout, and name the path and
 * words its header promises:
 *
 *   # expect-path: regions[0].site        (exact path as printed; `line N:M` or `(file)` before parsing)
 *   # expect-words: data must reside in MY (whitespace-separated words, all on that one stderr line)
 *   # expect-absent: s3cr3t               (a secret that must appear nowhere in stdout or stderr)
 *   # expect-count: 1                     (optional: exactly this many errors, i.e. no cascade)
 *
 * JSON cannot hold comments, so a `.json` fixture keeps its header in `<name>.json.expect`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLandingZone, MAX_FILE_BYTES } from '../../src/landing-zone';
import { slz, STACK_TRACE, type CliRun } from '../helpers/cli';

// The very module object the loader's `import { readFileSync } from 'node:fs'` reads from: a
// namespace import would get an interop copy that a spy on it could not observe.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFs = require('node:fs') as typeof import('node:fs');

const DIR = join(__dirname, '..', 'fixtures', 'invalid');
const MINIMAL = join(__dirname, '..', '..', 'examples', 'minimal', 'landing-zone.yaml');

interface Expectation {
  readonly path: string;
  readonly words: readonly string[];
}

interface Fixture {
  readonly name: string;
  readonly file: string;
  readonly expects: readonly Expectation[];
  readonly absent: readonly string[];
  readonly count: number | undefined;
}

/** Reads the leading `#` lines; a malformed header throws so a broken fixture cannot pass silently. */
function readFixture(name: string): Fixture {
  const file = join(DIR, name);
  // latin1: the header is ASCII, and one fixture is deliberately not valid UTF-8.
  const headerText = readFileSync(name.endsWith('.json') ? `${file}.expect` : file, 'latin1');
  const expects: Expectation[] = [];
  const absent: string[] = [];
  let count: number | undefined;
  let pendingPath: string | undefined;
  for (const line of headerText.split(/\r?\n/)) {
    if (!line.startsWith('#')) break;
    const m = /^# expect-(path|words|absent|count): (.+)$/.exec(line);
    if (!m) continue;
    const [, key, value] = m as unknown as [string, string, string];
    if (key === 'path') {
      if (pendingPath !== undefined) throw new Error(`${name}: expect-path "${pendingPath}" has no expect-words`);
      pendingPath = value.trim();
    } else if (key === 'words') {
      if (pendingPath === undefined) throw new Error(`${name}: expect-words without an expect-path`);
      expects.push({ path: pendingPath, words: value.trim().split(/\s+/) });
      pendingPath = undefined;
    } else if (key === 'count') count = Number(value);
    else absent.push(value.trim());
  }
  if (pendingPath !== undefined) throw new Error(`${name}: expect-path "${pendingPath}" has no expect-words`);
  if (expects.length === 0) throw new Error(`${name}: no expect-path / expect-words header`);
  if (count !== undefined && !(Number.isInteger(count) && count >= expects.length)) throw new Error(`${name}: bad expect-count`);
  return { name, file, expects, absent, count };
}

const names = readdirSync(DIR)
  .filter((n) => n.endsWith('.yaml') || n.endsWith('.json'))
  .sort();
const fixtures = names.map(readFixture);

/** The stderr lines, without the trailing newline. */
function linesOf(stderr: string): string[] {
  return stderr.replace(/\n$/, '').split('\n');
}

function missingExpectations(stderr: string, expects: readonly Expectation[]): Expectation[] {
  const lines = linesOf(stderr);
  return expects.filter((e) => !lines.some((l) => l.startsWith(`${e.path}: `) && e.words.every((w) => l.includes(w))));
}

describe('the invalid corpus', () => {
  it('has at least 40 files', () => {
    expect(names.length).toBeGreaterThanOrEqual(40);
  });

  it('has a header for every JSON fixture and nothing stray', () => {
    const all = readdirSync(DIR);
    for (const n of all.filter((x) => x.endsWith('.json'))) expect(all).toContain(`${n}.expect`);
    for (const n of all.filter((x) => x.endsWith('.expect'))) expect(all).toContain(n.replace(/\.expect$/, ''));
    expect(all.filter((x) => !/\.(yaml|json|json\.expect)$/.test(x))).toEqual([]);
  });

  it('follows the NN-short-name convention with unique numbers', () => {
    const numbers = names.map((n) => /^(\d{2})-[a-z0-9-]+\.(yaml|json)$/.exec(n)?.[1]);
    expect(numbers).not.toContain(undefined);
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});

describe.each(fixtures)('slz validate $name', (f) => {
  let run: CliRun;
  beforeAll(() => {
    run = slz('validate', f.file);
  });

  it('exits 2 without a stack trace and prints nothing on stdout', () => {
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stderr).not.toMatch(/unexpected error/);
    expect(run.stdout).toBe('');
  });

  it('names every expected path with the expected words', () => {
    expect({ missing: missingExpectations(run.stderr, f.expects), stderr: run.stderr }).toEqual({ missing: [], stderr: run.stderr });
  });

  it('ends with a summary that counts the errors and says nothing was written', () => {
    const lines = linesOf(run.stderr);
    const last = lines[lines.length - 1]!;
    expect(last).toMatch(/nothing was written$/);
    expect(last.startsWith(`${f.file}: `)).toBe(true);
    const counted = Number(/: (\d+) problems?; nothing was written$/.exec(last)?.[1]);
    const errors = lines.slice(0, -1).filter((l) => !l.startsWith('warning: '));
    expect(counted).toBe(errors.length);
    expect(counted).toBeGreaterThanOrEqual(f.expects.length);
    if (f.count !== undefined) expect({ errors, count: errors.length }).toEqual({ errors, count: f.count });
  });

  it('gives every error a hint that says why or how', () => {
    const r = loadLandingZone(f.file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const bare = r.problems.filter((p) => p.severity === 'error' && !p.hint?.trim());
    expect(bare).toEqual([]);
  });

  it('tags every problem line with a path', () => {
    for (const line of linesOf(run.stderr).slice(0, -1)) {
      expect(line).toMatch(/^(warning: )?(\(file\)|\(root\)|line \d+(:\d+)?|([A-Za-z_$][\w$-]*|\["[^"]*"\])(\.[A-Za-z_$][\w$-]*|\[\d+\]|\["[^"]*"\])*): \S/);
    }
  });

  if (f.absent.length > 0) {
    it('never echoes the secret', () => {
      for (const secret of f.absent) {
        expect(run.stdout).not.toContain(secret);
        expect(run.stderr).not.toContain(secret);
      }
    });
  }
});

describe('file-level refusals generated at test time', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(process.env.SLZ_TEST_TMP ?? tmpdir(), 'slz-corpus-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  it('refuses a zero-byte file as empty', () => {
    const file = join(dir, 'empty.yaml');
    writeFileSync(file, '');
    const r = slz('validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\(file\): is empty \(/m);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('refuses a whitespace-only file as empty', () => {
    const file = join(dir, 'blank.yaml');
    writeFileSync(file, '\n   \n\t\n');
    const r = slz('validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\(file\): is empty \(/m);
  });

  it('refuses a missing file and a directory without a stack trace', () => {
    const missing = slz('validate', join(dir, 'nope.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^\(file\): .*nope\.yaml does not exist/m);
    const directory = slz('validate', dir);
    expect(directory.code).toBe(2);
    expect(directory.stderr).toMatch(/^\(file\): .* is a directory/m);
    expect(missing.stderr + directory.stderr).not.toMatch(STACK_TRACE);
  });

  it('refuses a 10 MB file from its size alone, without reading it', () => {
    // The loader does `import { readFileSync, statSync } from 'node:fs'`, which @swc/jest compiles to
    // property reads on the `node:fs` module object at call time, so a spy on that object sees every
    // read. The control read below proves the spy is live; the big file must then never be read.
    // (No heap measurement is needed: not reading the file is the stronger statement.)
    const readSpy = jest.spyOn(nodeFs, 'readFileSync');
    try {
      const control = slz('validate', MINIMAL);
      expect(control.code).toBe(0);
      expect(readSpy.mock.calls.some(([p]) => p === MINIMAL)).toBe(true);
      readSpy.mockClear();

      const big = join(dir, 'huge.yaml');
      const line = Buffer.from('# padding padding padding padding padding padding padding padding\n');
      writeFileSync(big, Buffer.concat(Array.from({ length: Math.ceil((10 * 1024 * 1024) / line.length) }, () => line)));
      expect(nodeFs.statSync(big).size).toBeGreaterThanOrEqual(10 * 1024 * 1024);
      expect(nodeFs.statSync(big).size).toBeGreaterThan(MAX_FILE_BYTES);

      const started = process.hrtime.bigint();
      const r = slz('validate', big);
      const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;

      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      expect(r.stderr).toMatch(/^\(file\): .*huge\.yaml is 10\.0 MiB; a landing-zone file is at most 1 MiB/m);
      expect(linesOf(r.stderr).pop()).toMatch(/nothing was written$/);
      expect(readSpy.mock.calls.filter(([p]) => p === big)).toEqual([]);
      expect(elapsedMs).toBeLessThan(1000);
    } finally {
      readSpy.mockRestore();
    }
  });

  it('refuses the alias bomb quickly', () => {
    const started = process.hrtime.bigint();
    const r = slz('validate', join(DIR, '08-alias-bomb.yaml'));
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\(file\): uses too many YAML aliases/m);
    // 9^9 ≈ 387 million nodes if expanded; refusing takes milliseconds.
    expect(elapsedMs).toBeLessThan(2000);
    expect(readFileSync(join(DIR, '08-alias-bomb.yaml')).length).toBeLessThan(1024);
  });

  // Found by the property test under the cdktn run: `&a` … `<<: *a` made a value containing
  // itself, and the secret scan overflowed the stack (exit 2 with "unexpected error").
  it.each([
    ['a YAML alias inside the node its anchor names', '&a \n<<: *a\n', /^\(file\): holds a value that contains itself/m],
    ['a sequence alias inside itself', 'tenants: &t\n  - *t\n', /^\(file\): holds a value that contains itself/m],
    ['YAML nested 100 levels deep', `a:\n${Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i + 1)}b:\n`).join('')}`, /^\(file\): nests deeper than 64 levels/m],
    ['JSON nested 5,000 levels deep', `${'['.repeat(5000)}${']'.repeat(5000)}`, /^\(file\): nests deeper than 64 levels/m],
  ])('refuses %s with a path and a hint, no crash', (_what, text, message) => {
    const file = join(mkdtempSync(join(process.env.SLZ_TEST_TMP ?? tmpdir(), 'slz-nesting-')), text.startsWith('[') ? 'deep.json' : 'cyclic.yaml');
    writeFileSync(file, text);
    const r = slz('validate', file);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 2, stderr: expect.stringMatching(message) });
    expect(r.stderr).not.toMatch(/unexpected error/);
  });

  it('lets no library warning escape to the process stderr (it could quote a secret)', () => {
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const r = slz('validate', join(DIR, '77-yaml-collection-key-with-secret.yaml'));
      expect(r.code).toBe(2);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
