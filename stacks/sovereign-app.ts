/**
 * `SovereignApp`: a cdktf `App` whose `synth()` also runs the compliance engine on what it just
 * wrote (the final `cdk.tf.json`, overrides included), writes `outdir/reports/compliance.*` and
 * throws when error-level findings remain, so a TypeScript landing zone cannot be synthesized
 * into a non-compliant tree without noticing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { App, type AppConfig } from 'cdktf';
import { complianceExitCode, contextFromFile, runCompliance, writeComplianceReports, type ComplianceReport, type LandingZoneContext, type PackId, type Suppression } from '../src/compliance';
import { readSynthDir } from '../src/synthesized';
import { CONTEXT_FILE, readContextFile } from '../src/synthesized/context';

export interface SovereignAppConfig extends AppConfig {
  /**
   * The landing zone behind the stacks. Default: read from `outdir/slz-context.json` when present;
   * without either, catalogue-driven rules report unknown (and unknown error-level findings fail).
   */
  readonly landingZone?: LandingZoneContext;
  /** Accepted risks, added to the exemptions of `slz-context.json` when that is read. @default none */
  readonly suppressions?: readonly Suppression[];
  /** Packs to run. @default all */
  readonly packs?: readonly PackId[];
  /** Check as of this date (YYYY-MM-DD). @default today (UTC) */
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
  private readonly compliance: SovereignAppConfig;
  /** The report of the last `synth()`. */
  lastReport?: ComplianceReport;

  constructor(config: SovereignAppConfig = {}) {
    const { landingZone: _lz, suppressions: _s, packs: _p, today: _t, failOnError: _f, ...appConfig } = config;
    super(appConfig);
    this.compliance = config;
  }

  override synth(): void {
    super.synth();
    const stacks = readSynthDir(this.outdir);
    const file = existsSync(join(this.outdir, CONTEXT_FILE)) ? readContextFile(this.outdir) : undefined;
    const fromFile = file ? contextFromFile(file) : undefined;
    const context = this.compliance.landingZone ?? fromFile?.context;
    const report = runCompliance({
      stacks,
      ...(context ? { context } : {}),
      suppressions: [...(fromFile?.suppressions ?? []), ...(this.compliance.suppressions ?? []).map((s) => ({ source: 'api', ...s }))],
      ...(this.compliance.today ? { today: this.compliance.today } : {}),
      ...(this.compliance.packs ? { packs: this.compliance.packs } : {}),
    });
    writeComplianceReports(report, join(this.outdir, 'reports'), this.outdir);
    this.lastReport = report;
    if ((this.compliance.failOnError ?? true) && complianceExitCode(report) === 1) throw new ComplianceError(report);
  }
}
