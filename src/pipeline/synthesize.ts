/**
 * The synth pipeline, once: stacks → Terraform JSON written atomically, `slz-context.json`,
 * compliance reports, the CBOM and post-quantum readiness, the stack graph — with every file the
 * user owns carried over. `slz synth` and `SovereignApp.synth()` both run it, so `slz check` on
 * any tree either wrote gives the verdict of the synth that wrote it.
 *
 * cdktf loads only through the app handed in (or, for a landing-zone file, when the stacks are
 * built here): analysis never needs it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { App } from 'cdktf';
import { complianceExitCode, contextFromFile, runCompliance, writeComplianceReports, type ComplianceReport, type LandingZoneContext, type PackId, type Suppression } from '../compliance';
import { buildCryptoInventory, writeCryptoReports, type CryptoInventory } from '../crypto';
import type { ResolvedLandingZone } from '../landing-zone/validate';
import { readSynthDir, type SynthStack } from '../synthesized';
import { CONTEXT_FILE, type SynthContextFile } from '../synthesized/context';
import { declarativeAuditDevices, renderOpenBaoAuditConfig } from '../synthesized/openbao-audit';
import { synthContext } from '../synthesized/from-landing-zone';
import { buildStackGraph, STACK_GRAPH_FILE } from '../synthesized/stack-graph';
import { commitOutput, discardOutput, stageOutput, type CarryOver, type StagedOutput } from './output-dir';
import { today as todayUtc } from './today';

export interface PipelineOptions {
  /** Accepted risks given in code, written into `slz-context.json` beside the file's exemptions. @default none */
  readonly suppressions?: readonly Suppression[];
  /** Compliance packs to run. @default all */
  readonly packs?: readonly PackId[];
  /** The day deadlines and expiry are judged on (YYYY-MM-DD). @default SOURCE_DATE_EPOCH, else today (UTC) */
  readonly today?: string;
  /** The landing-zone file read: recorded in `slz-context.json` so findings can point at its lines. @default not recorded */
  readonly landingZoneFile?: string;
}

export interface PipelineResult extends CarryOver {
  /** The directory written. */
  readonly out: string;
  readonly stacks: readonly SynthStack[];
  readonly report: ComplianceReport;
  readonly inventory: CryptoInventory;
  /** 1 when an unsuppressed error-level finding remains (everything was still written), else 0. */
  readonly exitCode: 0 | 1;
}

/** What the pipeline knows of the landing zone: the validated file, a bare context (another app), or nothing. */
export type LandingZoneSource = ResolvedLandingZone | LandingZoneContext | undefined;

function isResolved(lz: LandingZoneSource): lz is ResolvedLandingZone {
  return !!lz && 'spec' in lz;
}

/** The `slz-context.json` of a run: the file's own context, or one made from a bare context; API suppressions added. */
export function contextFileOf(lz: LandingZoneSource, suppressions: readonly Suppression[] = []): SynthContextFile | undefined {
  const api = suppressions.map((s, i) => ({
    rule: s.rule,
    resource: s.resource,
    reason: s.reason,
    owner: s.owner,
    expires: s.expires,
    ...(s.ticket ? { ticket: s.ticket } : {}),
    source: s.source ?? `code suppressions[${i}]`,
  }));
  if (isResolved(lz)) {
    const file = synthContext(lz);
    return { ...file, exemptions: [...file.exemptions, ...api] };
  }
  if (!lz) return undefined;
  return {
    apiVersion: 'slz/v1',
    kind: 'SynthContext',
    name: lz.name,
    agency: '',
    jurisdiction: lz.jurisdiction.countryCode,
    classification: lz.classification,
    ordinal: lz.ordinal,
    strict: lz.strict,
    inCountryCidrs: [...lz.inCountryCidrs],
    endpointDomains: [...lz.endpointDomains],
    vaultDialects: {},
    exemptions: api,
  };
}

/**
 * Runs everything after cdktf wrote the stacks into `staged.staging`, then swaps the tree in.
 * On any failure the staging tree is discarded and the previous output stays as it was.
 */
function finish(staged: StagedOutput, contextFile: SynthContextFile | undefined, opts: PipelineOptions): PipelineResult {
  const day = opts.today ?? todayUtc();
  if (contextFile && opts.landingZoneFile) contextFile = { ...contextFile, source: sourceOf(opts.landingZoneFile, staged.target) };
  if (contextFile) writeFileSync(join(staged.staging, CONTEXT_FILE), `${JSON.stringify(contextFile, null, 2)}\n`);
  const stacks = readSynthDir(staged.staging);
  writeFileSync(join(staged.staging, STACK_GRAPH_FILE), `${JSON.stringify(buildStackGraph(staged.staging, stacks), null, 2)}\n`);
  const resolved = contextFile ? contextFromFile(contextFile) : undefined;
  const report = runCompliance({
    stacks,
    ...(resolved ? { context: resolved.context, suppressions: resolved.suppressions } : {}),
    today: day,
    ...(opts.packs ? { packs: opts.packs } : {}),
  });
  const reports = join(staged.staging, 'reports');
  writeComplianceReports(report, reports, staged.staging);
  const inventory = buildCryptoInventory({ stacks, ...(contextFile ? { context: contextFile } : {}), today: day });
  writeCryptoReports(inventory, reports);
  // OpenBao takes its audit devices only from its server configuration: hand the operator the stanzas.
  for (const s of stacks) {
    const devices = declarativeAuditDevices(s);
    if (devices) writeFileSync(join(reports, `openbao-audit-${s.name}.hcl`), renderOpenBaoAuditConfig(devices));
  }
  const carry = commitOutput(staged);
  return { out: staged.target, stacks, report, inventory, exitCode: complianceExitCode(report), ...carry };
}

/** The landing-zone file as `slz-context.json` records it: relative to the output directory, and its hash. */
function sourceOf(file: string, out: string): { file: string; sha256: string } {
  return { file: relative(resolve(out), resolve(file)).split(sep).join('/'), sha256: createHash('sha256').update(readFileSync(file)).digest('hex') };
}

function guarded<T>(staged: StagedOutput, run: () => T): T {
  try {
    return run();
  } catch (e) {
    discardOutput(staged);
    throw e;
  }
}

/** `slz synth`: the stacks of a validated landing zone, written to `out` with every report. */
export function synthesizeLandingZone(landingZone: ResolvedLandingZone, out: string, opts: PipelineOptions = {}): PipelineResult {
  const staged = stageOutput(out);
  return guarded(staged, () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- cdktf and the providers load only when synthesizing
    const { buildLandingZone } = require('../../stacks/landing-zone') as typeof import('../../stacks/landing-zone');
    buildLandingZone(landingZone, { outdir: staged.staging }).app.synth();
    return finish(staged, contextFileOf(landingZone, opts.suppressions), opts);
  });
}

/**
 * `SovereignApp.synth()`: an app built in code, synthesized into a staging sibling of its
 * `outdir` and swapped in like `slz synth` does. `synthInto(dir)` performs cdktf's own synthesis
 * into `dir`.
 */
export function synthesizeApp(app: App, synthInto: (dir: string) => void, landingZone: LandingZoneSource, opts: PipelineOptions = {}): PipelineResult {
  const staged = stageOutput(app.outdir);
  return guarded(staged, () => {
    synthInto(staged.staging);
    return finish(staged, contextFileOf(landingZone, opts.suppressions), opts);
  });
}
