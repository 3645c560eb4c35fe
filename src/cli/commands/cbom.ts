/** `slz cbom [DIR] [--out FILE]`: the CycloneDX 1.6 CBOM and the post-quantum readiness report of a synthesized tree. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildCryptoInventory, writeCryptoReports } from '../../crypto';
import { today } from '../../pipeline/today';
import { readSynthDir, type SynthStack } from '../../synthesized';
import { readContextFile, type SynthContextFile } from '../../synthesized/context';
import { CliError, EXIT_OK } from '../errors';
import type { Output } from '../output';

export interface CbomOptions {
  /** Write the BOM to this file instead of DIR/reports/cbom.cdx.json (the readiness report is then not written). */
  readonly out?: string;
  /**
   * CycloneDX serial number: `derived` (a UUID hashed from the content, the same for the same
   * input) or `omit` (no serial number at all). @default derived
   */
  readonly serialNumber?: 'derived' | 'omit';
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? 'error';
}

export function runCbom(dir: string | undefined, opts: CbomOptions, io: Output): number {
  const root = dir ?? 'cdktf.out';
  let stacks: SynthStack[];
  let context: SynthContextFile | undefined;
  try {
    stacks = readSynthDir(root);
    context = readContextFile(root);
  } catch (e) {
    throw new CliError([`cbom: ${firstLine(e)}`]);
  }
  const inv = buildCryptoInventory({ stacks, ...(context ? { context } : {}), today: today(), serialNumber: opts.serialNumber ?? 'derived' });
  let written: string;
  try {
    if (opts.out) {
      mkdirSync(dirname(opts.out), { recursive: true });
      writeFileSync(opts.out, inv.json);
      written = opts.out;
    } else {
      const paths = writeCryptoReports(inv, join(root, 'reports'));
      written = `${paths.cbom} and ${paths.readiness}`;
    }
  } catch (e) {
    throw new CliError([`cbom: cannot write the report (${(e as NodeJS.ErrnoException).code ?? firstLine(e)})`]);
  }
  const count = (s: string): number => inv.assets.filter((a) => a.status === s).length;
  io.out(
    `${root} → ${written}: ${inv.assets.length} algorithms (${count('quantum-vulnerable')} quantum-vulnerable, ${count('unknown')} unknown), ${inv.keys.length} keys, ${inv.certificates.length} CA certificates`,
  );
  return EXIT_OK;
}
