/**
 * `DIR/slz-context.json`: what `slz synth` knew about the landing zone, kept beside the stacks so
 * `slz check`, `slz cbom` and `slz review` judge a tree the same way later, without the file.
 * Holds no secret: the landing-zone file cannot contain one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
