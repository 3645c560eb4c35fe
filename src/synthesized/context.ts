/**
 * `DIR/slz-context.json`: what `slz synth` knew about the landing zone, kept beside the stacks so
 * `slz check`, `slz cbom` and `slz review` judge a tree the same way later, without the file.
 * Holds no secret: the landing-zone file cannot contain one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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

/** Reads DIR/slz-context.json, or undefined when the tree came from another app. Throws on a malformed file. */
export function readContextFile(dir: string): SynthContextFile | undefined {
  const path = join(dir, CONTEXT_FILE);
  if (!existsSync(path)) return undefined;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<SynthContextFile>;
  if (parsed.apiVersion !== 'slz/v1' || parsed.kind !== 'SynthContext' || typeof parsed.jurisdiction !== 'string' || typeof parsed.ordinal !== 'number') {
    throw new Error(`${CONTEXT_FILE} is not an slz synth context`);
  }
  return parsed as SynthContextFile;
}
