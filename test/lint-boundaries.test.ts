/**
 * The folder boundaries of docs/architecture.md are enforced by ESLint (eslint.config.mjs): each
 * forbidden import is reported, each allowed one is not. Linted in a child process, as `npm run
 * lint` does (the flat config is an ES module).
 */
import { execFileSync } from 'node:child_process';

const CASES: readonly (readonly [file: string, source: string, allowed: boolean])[] = [
  ['src/synthesized/kubernetes/x.ts', '../../compliance/engine', false],
  ['src/synthesized/x.ts', '../review', false],
  ['src/synthesized/x.ts', 'cdktf', false],
  ['src/synthesized/vault/x.ts', '../../jurisdictions/algorithms', true],
  ['src/jurisdictions/x.ts', '../landing-zone/net', false],
  ['src/landing-zone/x.ts', '../jurisdictions', true],
  ['src/compliance/rules/k8s-tenancy/x.ts', '../../../review/model', false],
  ['src/compliance/x.ts', '../synthesized/values', true],
  ['src/crypto/x.ts', '../compliance', false],
  ['src/review/x.ts', '../compliance', true],
  ['src/review/rules/x.ts', '../../crypto', true],
  ['src/review/rules/x.ts', '../stacks', true],
  ['src/review/rules/x.ts', '../../cli/errors', false],
  ['src/review/rules/x.ts', '../../../stacks/names', false],
  ['constructs/common/x.ts', '../../src/synthesized/kubernetes/namespace', true],
  ['constructs/common/x.ts', '../../src/compliance', false],
  ['constructs/common/x.ts', '../../stacks/names', false],
  ['stacks/x.ts', '../src/compliance', true],
  ['stacks/x.ts', '../src/cli/errors', false],
];

const SCRIPT = `
const { ESLint } = require('eslint');
(async () => {
  const eslint = new ESLint();
  const out = [];
  for (const [file, source] of JSON.parse(process.argv[1])) {
    const [result] = await eslint.lintText("import '" + source + "';\\n", { filePath: file });
    out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').length > 0);
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

describe('folder boundaries (eslint no-restricted-imports)', () => {
  it('reports every forbidden import and none of the allowed ones', () => {
    const restricted = JSON.parse(execFileSync(process.execPath, ['-e', SCRIPT, JSON.stringify(CASES.map(([f, s]) => [f, s]))], { encoding: 'utf8' })) as boolean[];
    expect(CASES.map(([file, source], i) => ({ file, source, allowed: !restricted[i] }))).toEqual(CASES.map(([file, source, allowed]) => ({ file, source, allowed })));
  });
});
