/**
 * What a log collector ships: the files its Fluent Bit `tail` inputs read. Kubelet names a
 * container's log `/var/log/containers/<pod>_<namespace>_<container>-<id>.log`; a namespace is
 * covered when one of those globs matches such a name.
 */
import { isExpression } from '../values';

/** The `Path` globs of every `[INPUT]` section with `Name tail`; 'unresolved' when the text is an expression. */
export function tailedPaths(config: unknown): string[] | 'unresolved' | undefined {
  if (typeof config !== 'string') return undefined;
  if (isExpression(config)) return 'unresolved';
  const globs: string[] = [];
  // Classic configuration: sections in brackets, then "Key Value" lines.
  for (const section of config.split(/^\s*\[/m).slice(1)) {
    const [header, ...lines] = section.split('\n');
    if (header?.trim().toUpperCase() !== 'INPUT]') continue;
    const entries = lines.map((l) => /^\s*([A-Za-z_.]+)\s+(.*?)\s*$/.exec(l)).filter((m): m is RegExpExecArray => m !== null);
    if (!entries.some((m) => m[1]!.toLowerCase() === 'name' && m[2]!.toLowerCase() === 'tail')) continue;
    for (const m of entries) if (m[1]!.toLowerCase() === 'path') globs.push(...m[2]!.split(',').map((g) => g.trim()).filter(Boolean));
  }
  return globs;
}

/** Shell-style glob match as Fluent Bit's tail input uses it: `*` and `?` never cross a `/`. */
export function globMatches(glob: string, path: string): boolean {
  return globMatcher(glob)(path);
}

/** The same match compiled once, for a glob tested against many paths. */
export function globMatcher(glob: string): (path: string) => boolean {
  const source = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  const re = new RegExp(`^${source}$`);
  return (path) => re.test(path);
}

/** A representative container log file of a namespace, as kubelet names it. */
export function containerLogPath(namespace: string): string {
  return `/var/log/containers/pod_${namespace}_container-0123456789abcdef.log`;
}
