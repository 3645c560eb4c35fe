/**
 * Checks for the code in the documentation: TypeScript compiled against the package as a user
 * imports it (`sovereign-landing-zone` → the built declarations), shell parsed by bash, and every
 * `slz` invocation held against the real command line (commands and flags).
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { buildProgram } from '../../src/cli/main';
import type { CodeBlock } from './markdown';

const ROOT = resolve(__dirname, '..', '..');

/** Type errors per TypeScript block, as `file:line: TSnnnn message` (empty when it compiles). */
export function compileTypeScript(blocks: readonly CodeBlock[]): Map<CodeBlock, string[]> {
  const virtual = new Map(blocks.map((b, i) => [join(ROOT, '.doc-snippets', `snippet-${i}.ts`), b] as const));
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noUncheckedIndexedAccess: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
    // What a user's `import … from 'sovereign-landing-zone'` resolves to: the package's own declarations.
    baseUrl: ROOT,
    paths: { 'sovereign-landing-zone': ['dist/src/index.d.ts'] },
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  // Each block is a module of its own, as a file a user would paste it into.
  const text = (f: string): string | undefined => (virtual.has(f) ? `${virtual.get(f)!.code}\nexport {};\n` : undefined);
  host.fileExists = (f) => virtual.has(f) || fileExists.call(host, f);
  host.readFile = (f) => text(f) ?? readFile.call(host, f);
  host.getSourceFile = (f, lang, ...rest) => {
    const t = text(f);
    return t !== undefined ? ts.createSourceFile(f, t, lang) : getSourceFile.call(host, f, lang, ...rest);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  const out = new Map<CodeBlock, string[]>(blocks.map((b) => [b, []]));
  for (const d of [...program.getOptionsDiagnostics(), ...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics(), ...program.getGlobalDiagnostics()]) {
    const block = d.file ? virtual.get(d.file.fileName) : undefined;
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!block) {
      // A problem outside the snippets (options, the package's declarations) fails every block.
      for (const list of out.values()) list.push(`TS${d.code} ${d.file?.fileName ?? ''} ${message}`);
      continue;
    }
    const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
    out.get(block)!.push(`${block.file}:${block.line + line}: TS${d.code} ${message}`);
  }
  return out;
}

/** `bash -n`: the block's syntax errors, or '' when it parses. */
export function bashSyntax(code: string): string {
  const r = spawnSync('bash', ['-n'], { input: code, encoding: 'utf8' });
  return r.status === 0 ? '' : r.stderr.trim() || `bash -n exited ${r.status}`;
}

/** Each command of `slz` and the flags it takes (long and short), global ones included. */
function commandLine(): Map<string, Set<string>> {
  const program = buildProgram(() => undefined, () => ({ out: () => undefined, err: () => undefined, debug: false }));
  const global = program.options.flatMap((o) => [o.long, o.short]).filter((x): x is string => !!x);
  const map = new Map<string, Set<string>>();
  for (const c of program.commands) map.set(c.name(), new Set([...global, '--help', '-h', ...c.options.flatMap((o) => [o.long, o.short]).filter((x): x is string => !!x)]));
  return map;
}

/** Where a shell command ends. */
const END = /^(&&|\|\||\||;|\)|>|>>|2>|2>&1|&)$/;

/**
 * Problems with the `slz` invocations of a shell text: an unknown command, or a flag its command
 * does not take. Continued lines are joined and comments dropped first.
 */
export function slzInvocationProblems(code: string): string[] {
  const commands = commandLine();
  const problems: string[] = [];
  const text = code.replace(/\\\n/g, ' ');
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/(^|\s)#.*$/, '');
    const tokens = line.split(/\s+/).filter(Boolean);
    tokens.forEach((tok, i) => {
      if (tok !== 'slz' && !/\/slz(\.js)?$/.test(tok)) return;
      const name = tokens[i + 1];
      if (!name || name.startsWith('-')) return;
      const flags = commands.get(name);
      if (!flags) {
        problems.push(`slz ${name}: no such command (${[...commands.keys()].join(', ')}) in: ${line.trim()}`);
        return;
      }
      for (const t of tokens.slice(i + 2)) {
        if (END.test(t) || t.startsWith('>')) break;
        if (!t.startsWith('-') || t === '-') continue;
        const flag = t.split('=')[0]!;
        if (!flags.has(flag)) problems.push(`slz ${name} ${flag}: no such option in: ${line.trim()}`);
      }
    });
  }
  return problems;
}
