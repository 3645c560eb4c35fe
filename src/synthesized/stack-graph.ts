/**
 * `DIR/stack-graph.json`: the order stacks must be applied in and what a change re-applies, as
 * data for people and for generated pipelines.
 *
 * Dependencies come from cdktf's `manifest.json` (the stacks' `addDependency` edges, which mirror
 * the names a tenancy stack uses for the platform's mounts). What each stack reads from the
 * landing-zone file comes from its `"//".slz` block, which every stack of this library writes;
 * stacks of another app have none and are listed with kind `other`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SynthStack } from './index';

export const STACK_GRAPH_FILE = 'stack-graph.json';

export type StackKind = 'platform' | 'tenancy' | 'admission' | 'other';

/** The `"//".slz` block a stack of this library carries in its `cdk.tf.json`. */
export interface StackMeta {
  readonly kind: Exclude<StackKind, 'other'>;
  readonly region: string;
  readonly tenant?: string;
  /**
   * Parts of the landing-zone file whose change changes this stack: `tenants/<name>`,
   * `regions/<name>`, or a top-level section (`logging`, `identity`, `pki`, `network`, `state`, …).
   */
  readonly reads: readonly string[];
  /**
   * Construct path below the stack (`keys/key-records`, `backend`) → JSON Pointer of the
   * landing-zone node it was built from (`/tenants/0/keys/0`); the longest matching path wins.
   */
  readonly sources?: Readonly<Record<string, string>>;
}

export interface GraphStack {
  readonly kind: StackKind;
  readonly region?: string;
  readonly tenant?: string;
  /** Stacks that must be applied before this one. */
  readonly dependsOn: readonly string[];
  /** 0-based apply wave: every stack of a wave may run in parallel once the earlier waves are applied. */
  readonly wave: number;
  /** The stack's working directory, relative to DIR. */
  readonly dir: string;
}

export interface StackGraph {
  readonly apiVersion: 'slz/v1';
  readonly kind: 'StackGraph';
  readonly stacks: Readonly<Record<string, GraphStack>>;
  /** Stack names per wave, in apply order; destroy in reverse. */
  readonly waves: readonly (readonly string[])[];
  /** For each part of the landing-zone file (`tenants/<t>`, `regions/<r>`, a section): the stacks a change to it re-applies. */
  readonly reapply: Readonly<Record<string, readonly string[]>>;
}

export class StackGraphError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StackGraphError';
  }
}

/** The `"//".slz` block of a stack, if it has a well-formed one. */
export function stackMeta(stack: SynthStack): StackMeta | undefined {
  const raw = (stack.json['//'] as { slz?: Partial<StackMeta> } | undefined)?.slz;
  if (!raw || typeof raw !== 'object') return undefined;
  if (raw.kind !== 'platform' && raw.kind !== 'tenancy' && raw.kind !== 'admission') return undefined;
  if (typeof raw.region !== 'string' || !Array.isArray(raw.reads)) return undefined;
  return {
    kind: raw.kind,
    region: raw.region,
    ...(typeof raw.tenant === 'string' ? { tenant: raw.tenant } : {}),
    reads: raw.reads.filter((r): r is string => typeof r === 'string'),
    ...(raw.sources && typeof raw.sources === 'object'
      ? { sources: Object.fromEntries(Object.entries(raw.sources).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].startsWith('/'))) }
      : {}),
  };
}

function manifestDependencies(dir: string): Map<string, string[]> {
  const deps = new Map<string, string[]>();
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return deps;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { stacks?: Record<string, { dependencies?: unknown }> };
  for (const [name, s] of Object.entries(manifest.stacks ?? {})) {
    // cdktf records construct paths; stacks at the app's root have their name as path.
    const list = Array.isArray(s.dependencies) ? s.dependencies.filter((d): d is string => typeof d === 'string').map((d) => d.split('/').pop()!) : [];
    deps.set(name, list);
  }
  return deps;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Builds the graph of the stacks in `dir` (their `manifest.json` and `"//".slz` blocks). Throws StackGraphError on a cycle. */
export function buildStackGraph(dir: string, stacks: readonly SynthStack[]): StackGraph {
  const names = new Set(stacks.map((s) => s.name));
  const deps = manifestDependencies(dir);
  const dependsOn = new Map(stacks.map((s) => [s.name, [...new Set(deps.get(s.name) ?? [])].filter((d) => names.has(d)).sort(byName)] as const));

  const wave = new Map<string, number>();
  const visiting = new Set<string>();
  const waveOf = (name: string): number => {
    const known = wave.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) throw new StackGraphError(`stack dependencies form a cycle through ${name}`);
    visiting.add(name);
    const w = Math.max(-1, ...dependsOn.get(name)!.map(waveOf)) + 1;
    visiting.delete(name);
    wave.set(name, w);
    return w;
  };

  const entries: [string, GraphStack][] = [];
  const reapply = new Map<string, Set<string>>();
  for (const s of [...stacks].sort((a, b) => byName(a.name, b.name))) {
    const meta = stackMeta(s);
    entries.push([
      s.name,
      {
        kind: meta?.kind ?? 'other',
        ...(meta ? { region: meta.region } : {}),
        ...(meta?.tenant ? { tenant: meta.tenant } : {}),
        dependsOn: dependsOn.get(s.name)!,
        wave: waveOf(s.name),
        dir: `stacks/${s.name}`,
      },
    ]);
    for (const part of meta?.reads ?? []) {
      const set = reapply.get(part) ?? new Set<string>();
      set.add(s.name);
      reapply.set(part, set);
    }
  }
  const waves: string[][] = [];
  for (const [name, s] of entries) (waves[s.wave] ??= []).push(name);
  return {
    apiVersion: 'slz/v1',
    kind: 'StackGraph',
    stacks: Object.fromEntries(entries),
    waves,
    reapply: Object.fromEntries([...reapply.entries()].sort(([a], [b]) => byName(a, b)).map(([k, v]) => [k, [...v].sort(byName)])),
  };
}
