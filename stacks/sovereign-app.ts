/**
 * `SovereignApp`: a cdktf `App` whose `synth()` runs the same pipeline as `slz synth`: the stacks
 * are written atomically (files you own in `outdir` are carried over), `slz-context.json` records
 * the landing zone and the suppressions given in code, and the compliance reports, CBOM and
 * stack graph are written. It throws when error-level findings remain, so a TypeScript landing
 * zone cannot be synthesized into a non-compliant tree without noticing — and `slz check` on the
 * same tree gives the same verdict.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { App, type AppConfig } from 'cdktf';
import type { ComplianceReport, PackId, Suppression } from '../src/compliance';
import { synthesizeApp, type LandingZoneSource, type PipelineResult } from '../src/pipeline/synthesize';

export interface SovereignAppConfig extends AppConfig {
  /**
   * The landing zone behind the stacks: the validated file (`loadLandingZoneOrThrow`), or for an
   * app not built from one, its bare compliance context.
   * @default none — catalogue-driven rules report unknown (and unknown error-level findings fail)
   */
  readonly landingZone?: LandingZoneSource;
  /** Accepted risks, written into `slz-context.json` beside the file's exemptions. @default none */
  readonly suppressions?: readonly Suppression[];
  /** Packs to run. @default all */
  readonly packs?: readonly PackId[];
  /** Check as of this date (YYYY-MM-DD). @default SOURCE_DATE_EPOCH, else today (UTC) */
  readonly today?: string;
  /** Throw on error-level findings. @default true */
  readonly failOnError?: boolean;
}

/** Thrown by `SovereignApp.synth()` when error-level findings remain; the tree and reports are written. */
export class ComplianceError extends Error {
  constructor(readonly report: ComplianceReport) {
    const errors = report.findings.filter((f) => !f.suppressedBy && f.level === 'error');
    const lines = errors.slice(0, 50).map((f) => `  ${f.ruleId} ${f.constructPath}${f.attribute ? ` (${f.attribute})` : ''}: ${f.message}`);
    super(
      [`compliance: ${errors.length} error-level finding${errors.length === 1 ? '' : 's'} (see reports/compliance.md)`, ...lines, ...(errors.length > 50 ? [`  … and ${errors.length - 50} more`] : [])].join(
        '\n',
      ),
    );
    this.name = 'ComplianceError';
  }
}

export class SovereignApp extends App {
  private readonly pipeline: SovereignAppConfig;
  /** The compliance report of the last `synth()`. */
  lastReport?: ComplianceReport;
  /** The crypto inventory of the last `synth()`. */
  lastInventory?: PipelineResult['inventory'];
  /** Everything the last `synth()` produced, including the files it carried over. */
  lastResult?: PipelineResult;

  constructor(config: SovereignAppConfig = {}) {
    const { landingZone: _lz, suppressions: _s, packs: _p, today: _t, failOnError: _f, ...appConfig } = config;
    // Stack traces in the manifest's annotations hold absolute paths: the tree would differ per machine.
    super({ stackTraces: false, ...appConfig });
    this.pipeline = config;
  }

  override synth(): void {
    const result = synthesizeApp(this, (dir) => this.synthInto(dir), this.pipeline.landingZone, {
      ...(this.pipeline.suppressions ? { suppressions: this.pipeline.suppressions } : {}),
      ...(this.pipeline.packs ? { packs: this.pipeline.packs } : {}),
      ...(this.pipeline.today ? { today: this.pipeline.today } : {}),
    });
    this.lastResult = result;
    this.lastReport = result.report;
    this.lastInventory = result.inventory;
    if ((this.pipeline.failOnError ?? true) && result.exitCode === 1) throw new ComplianceError(result.report);
  }

  /**
   * cdktf's own synthesis, into `dir` instead of `outdir`: the pipeline stages the tree beside
   * `outdir` and swaps it in whole. cdktf reads the directory from these two fields at synth time.
   */
  private synthInto(dir: string): void {
    const self = this as unknown as { outdir: string; manifest: { outdir: string } };
    const outdir = self.outdir;
    const manifestDir = self.manifest.outdir;
    self.outdir = dir;
    self.manifest.outdir = dir;
    // cdktf made <outdir>/stacks when the App was constructed; the staging tree needs its own.
    mkdirSync(join(dir, 'stacks'), { recursive: true });
    try {
      super.synth();
    } finally {
      self.outdir = outdir;
      self.manifest.outdir = manifestDir;
    }
  }
}
