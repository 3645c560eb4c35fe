/**
 * `DIR/slz-context.json`: what `slz synth` knew about the landing zone, kept beside the stacks so
 * `slz check`, `slz cbom` and `slz review` judge a tree the same way later, without the file.
 * Holds no secret: the landing-zone file cannot contain one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { vaultServer, type VaultServer, type VaultServerInput } from '../jurisdictions/server-capabilities';

export const CONTEXT_FILE = 'slz-context.json';

export interface SynthContextFile {
  readonly apiVersion: 'slz/v1';
  readonly kind: 'SynthContext';
  readonly name: string;
  readonly agency: string;
  readonly jurisdiction: string;
  readonly classification: string;
  readonly ordinal: number;
  readonly strict: boolean;
  readonly inCountryCidrs: readonly string[];
  readonly endpointDomains: readonly string[];
  /** Vault dialect per region name. */
  readonly vaultDialects: Readonly<Record<string, 'vault' | 'openbao'>>;
  /**
   * The server per region name as the file declares it (dialect, edition, version when declared):
   * which key types it accepts. Absent in trees written before it existed.
   */
  readonly vaultServers?: Readonly<Record<string, VaultServerInput>>;
  /** Vault address per region name (generated pipelines log in to the stack's own region). */
  readonly vaultAddresses?: Readonly<Record<string, string>>;
  /**
   * The landing-zone file the tree came from: its path relative to DIR (with `/`) and a SHA-256 of
   * its bytes, so findings can point at its lines while it is unchanged (src/synthesized/source-map.ts).
   */
  readonly source?: { readonly file: string; readonly sha256: string };
  readonly exemptions: readonly {
    readonly rule: string;
    readonly resource: string;
    readonly reason: string;
    readonly owner: string;
    readonly expires: string;
    readonly ticket?: string;
    /** Where an accepted risk given in code came from (SovereignApp suppressions); absent for the file's exemptions. */
    readonly source?: string;
  }[];
}

const exemption = z.object({
  rule: z.string(),
  resource: z.string(),
  reason: z.string(),
  owner: z.string(),
  expires: z.string(),
  ticket: z.string().optional(),
  source: z.string().optional(),
});

/**
 * The file's shape, for the files `slz synth` writes and for the ones a user writes for
 * `slz check --context` (there `ordinal` and `strict` may be left out: they follow from the
 * classification).
 */
const SHAPE = {
  apiVersion: z.literal('slz/v1'),
  kind: z.literal('SynthContext'),
  name: z.string().default(''),
  agency: z.string().default(''),
  jurisdiction: z.string().min(1),
  classification: z.string().min(1),
  ordinal: z.number().int().min(0).max(5).optional(),
  strict: z.boolean().optional(),
  inCountryCidrs: z.array(z.string()).default([]),
  endpointDomains: z.array(z.string()).default([]),
  vaultDialects: z.record(z.string(), z.enum(['vault', 'openbao'])).default({}),
  vaultServers: z
    .record(z.string(), z.object({ dialect: z.enum(['vault', 'openbao']).optional(), edition: z.enum(['community', 'enterprise']).optional(), version: z.string().optional() }))
    .optional(),
  vaultAddresses: z.record(z.string(), z.string()).optional(),
  source: z.object({ file: z.string(), sha256: z.string() }).optional(),
  exemptions: z.array(exemption).default([]),
};
/** Trees written by another slz version may carry keys this one does not know: they are ignored. */
const WRITTEN = z.object(SHAPE);
/** A file written by hand: a misspelt key is refused, not silently ignored. */
const HAND_WRITTEN = z.strictObject({ ...SHAPE, exemptions: z.array(exemption.strict()).default([]) });

/** A context as written by hand: what the schema accepts, ordinal and strict possibly absent. */
export type SynthContextInput = z.output<typeof WRITTEN>;

/** Checks a parsed value against the schema (`strict`: unknown keys refused); throws one line naming the first problems. */
export function parseSynthContext(value: unknown, strict = false): SynthContextInput {
  const r = (strict ? HAND_WRITTEN : WRITTEN).safeParse(value);
  if (r.success) return r.data;
  throw new Error(
    r.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`)
      .join('; '),
  );
}

/** Reads DIR/slz-context.json, or undefined when the tree came from another app. Throws on a malformed file. */
export function readContextFile(dir: string): SynthContextFile | undefined {
  const path = join(dir, CONTEXT_FILE);
  if (!existsSync(path)) return undefined;
  let parsed: SynthContextInput;
  try {
    parsed = parseSynthContext(JSON.parse(readFileSync(path, 'utf8')));
  } catch (e) {
    throw new Error(`${CONTEXT_FILE} is not an slz synth context (${(e as Error).message})`, { cause: e });
  }
  if (parsed.ordinal === undefined || parsed.strict === undefined) throw new Error(`${CONTEXT_FILE} is not an slz synth context (no ordinal or strict)`);
  return { ...parsed, ordinal: parsed.ordinal, strict: parsed.strict };
}

/**
 * The server of each region the context names, defaults filled conservatively: a tree that gives
 * only `vaultDialects` is judged as Community at the assumed version. Empty without a context.
 */
export function vaultServersOf(context: SynthContextFile | undefined): Record<string, VaultServer> {
  const out: Record<string, VaultServer> = {};
  if (!context) return out;
  for (const [region, dialect] of Object.entries(context.vaultDialects ?? {})) out[region] = vaultServer({ dialect });
  for (const [region, input] of Object.entries(context.vaultServers ?? {})) {
    if (input && typeof input === 'object') out[region] = vaultServer(input);
  }
  return out;
}
