/**
 * The snippets of docs/pipelines.md and of the README's section on applying at scale: YAML blocks
 * parse, shell blocks pass `bash -n`, and every `npx slz pipeline` command in them runs as written
 * (with this checkout's CLI, in a repository synthesized from examples/minimal).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { pipelineRepo, slzIn } from './helpers/pipeline-repo';

function blocks(file: string, lang: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

describe.each(['docs/pipelines.md', 'README.md'])('%s', (file) => {
  it.each(blocks(file, 'yaml').map((b, i) => [i, b] as const))('YAML block %i parses', (_i, block) => {
    expect(() => parse(block)).not.toThrow();
  });
  it.each(blocks(file, 'sh').map((b, i) => [i, b] as const))('shell block %i passes bash -n', (_i, block) => {
    const r = spawnSync('bash', ['-n'], { input: block, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

it('every `npx slz pipeline` command in the docs runs as written', () => {
  const repo = pipelineRepo('minimal');
  const commands = ['docs/pipelines.md', 'README.md'].flatMap((f) => blocks(f, 'sh').flatMap((b) => b.split('\n'))).filter((l) => l.startsWith('npx slz pipeline '));
  expect(commands.length).toBeGreaterThanOrEqual(5);
  for (const line of commands) {
    const args = line.replace(/\s+#.*$/, '').split(/\s+/).slice(2);
    const r = slzIn(repo.dir, ...args);
    expect({ line, code: r.code, stderr: r.stderr }).toEqual({ line, code: 0, stderr: '' });
  }
});
