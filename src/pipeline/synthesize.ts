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
import { planLandingZone } from '../../stacks/plan';
import { UserError } from '../errors';
import { landingZoneApp } from './landing-zone-app';
import { commitOutput, discardOutput, stageOutput, type CarryOver, type StagedOutput } from './output-dir';
import { defaultJobs, shardRunnerAvailable, synthesizeInShards } from './shards';
import { today as todayUtc } from './today';
import { withoutTokenTraces } from './token-traces';

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

export interface LandingZonePipelineOptions extends PipelineOptions {
  /**
   * Shards synthesized in parallel, each by its own thread (src/pipeline/shards.ts); 1 builds one
   * cdktf App in this thread. The tree is byte-identical either way.
   * @default one per core, while each shard gets at least 200 stacks (1 below 400 stacks)
   */
  readonly jobs?: number;
}

export interface PipelineResult extends CarryOver {
  /** The directory written. */
  readonly out: string;
  readonly stacks: readonly SynthStack[];
  readonly report: ComplianceReport;
  readonly inventory: CryptoInventory;
  /** 1 when an unsuppressed error-level finding remains (everything was still written), else 0. */
  readonly exitCode: 0 | 1;
  /** Shards the stacks were synthesized in (1: one App in this thread). */
  readonly jobs: number;
  /** Milliseconds per phase: synth (cdktf), read, compliance, cbom, write (reports, stack graph, swap). */
  readonly timings: Readonly<Record<'synth' | 'read' | 'compliance' | 'cbom' | 'write', number>>;
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
function finish(staged: StagedOutput, contextFile: SynthContextFile | undefined, opts: PipelineOptions, synth: { jobs: number; ms: number }): PipelineResult {
  const day = opts.today ?? todayUtc();
  if (contextFile && opts.landingZoneFile) contextFile = { ...contextFile, source: sourceOf(opts.landingZoneFile, staged.target) };
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = now - t;
    t = now;
    return ms;
  };
  if (contextFile) writeFileSync(join(staged.staging, CONTEXT_FILE), `${JSON.stringify(contextFile, null, 2)}\n`);
  const stacks = readSynthDir(staged.staging);
  const read = lap();
  writeFileSync(join(staged.staging, STACK_GRAPH_FILE), `${JSON.stringify(buildStackGraph(staged.staging, stacks), null, 2)}\n`);
  let write = lap();
  const resolved = contextFile ? contextFromFile(contextFile) : undefined;
  const report = runCompliance({
    stacks,
    ...(resolved ? { context: resolved.context, suppressions: resolved.suppressions } : {}),
    today: day,
    ...(opts.packs ? { packs: opts.packs } : {}),
  });
  const compliance = lap();
  const reports = join(staged.staging, 'reports');
  writeComplianceReports(report, reports, staged.staging);
  write += lap();
  const inventory = buildCryptoInventory({ stacks, ...(contextFile ? { context: contextFile } : {}), today: day });
  const cbom = lap();
  writeCryptoReports(inventory, reports);
  // OpenBao takes its audit devices only from its server configuration: hand the operator the stanzas.
  for (const s of stacks) {
    const devices = declarativeAuditDevices(s);
    if (devices) writeFileSync(join(reports, `openbao-audit-${s.name}.hcl`), renderOpenBaoAuditConfig(devices));
  }
  const carry = commitOutput(staged);
  write += lap();
  return { out: staged.target, stacks, report, inventory, exitCode: complianceExitCode(report), ...carry, jobs: synth.jobs, timings: { synth: synth.ms, read, compliance, cbom, write } };
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
export function synthesizeLandingZone(landingZone: ResolvedLandingZone, out: string, opts: LandingZonePipelineOptions = {}): PipelineResult {
  if (opts.jobs !== undefined && (!Number.isInteger(opts.jobs) || opts.jobs < 1)) throw new UserError([`--jobs: expected a whole number of at least 1, got ${opts.jobs}`]);
  const stacks = planLandingZone(landingZone).length;
  const jobs = Math.min(opts.jobs ?? (shardRunnerAvailable() ? defaultJobs(stacks) : 1), Math.max(1, stacks));
  const staged = stageOutput(out);
  return guarded(staged, () => {
    const t = performance.now();
    if (jobs > 1) synthesizeInShards(landingZone, staged.staging, jobs);
    else withoutTokenTraces(() => landingZoneApp(landingZone, staged.staging).synth());
    return finish(staged, contextFileOf(landingZone, opts.suppressions), opts, { jobs, ms: performance.now() - t });
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
    const t = performance.now();
    // The app's stacks were built by the caller's code: one App, synthesized in this thread.
    synthInto(staged.staging);
    return finish(staged, contextFileOf(landingZone, opts.suppressions), opts, { jobs: 1, ms: performance.now() - t });
  });
}
