/**
 * `slz review --plan FILE|DIR [--synth DIR]` or `slz review --base DIR --head DIR`: plan review
 * for pull requests. Exit 0 passed, 1 the gate tripped (the report is still written), 2 bad input
 * (a one-line reason per problem on stderr, never a stack trace unless --debug).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gateRisks, highestLevel, reviewPlans, reviewTrees, ReviewInputError, renderJson, renderMarkdown, renderSarif, REVIEW_MARKER, type FailOn, type Review } from '../../review';
import { renderCodeQualityReview } from '../../review/render-codequality';
import { GitlabNoteError, gitlabTargetFromEnv, upsertGitlabNote } from '../../forge/gitlab-note';
import { CliError, EXIT_FINDINGS, EXIT_INPUT, EXIT_OK } from '../errors';
import { packageRoot } from '../../pipeline/package-root';
import type { Output } from '../output';

export interface ReviewOptions {
  readonly plan?: string;
  readonly base?: string;
  readonly head?: string;
  readonly synth?: string;
  readonly format?: 'md' | 'json' | 'sarif' | 'codequality';
  /** Post the Markdown as the merge request's one slz note. */
  readonly post?: 'gitlab';
  readonly out?: string;
  readonly failOn?: 'critical' | 'high' | 'medium' | 'never';
}

const FORMATS = ['md', 'json', 'sarif', 'codequality'] as const;
const FAIL_ON = ['critical', 'high', 'medium', 'never'] as const;

function version(): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(join(packageRoot(), 'package.json')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** Checks the flags; every conflict is one line. */
function checkOptions(opts: ReviewOptions): { format: (typeof FORMATS)[number]; failOn: FailOn } {
  const problems: string[] = [];
  const format = opts.format ?? 'md';
  const failOn = opts.failOn ?? 'high';
  if (!(FORMATS as readonly string[]).includes(format)) problems.push(`review: --format must be one of ${FORMATS.join(', ')} (got "${String(format)}")`);
  if (opts.post !== undefined && opts.post !== 'gitlab') problems.push(`review: --post must be gitlab (got "${String(opts.post)}")`);
  if (opts.post !== undefined && format !== 'md') problems.push('review: --post posts the Markdown report: use it with --format md');
  if (!(FAIL_ON as readonly string[]).includes(failOn)) problems.push(`review: --fail-on must be one of ${FAIL_ON.join(', ')} (got "${String(failOn)}")`);
  const empty = (v: string | undefined) => v !== undefined && v.trim() === '';
  for (const [flag, v] of [['--plan', opts.plan], ['--base', opts.base], ['--head', opts.head], ['--synth', opts.synth], ['--out', opts.out]] as const) {
    if (empty(v)) problems.push(`review: ${flag} needs a path`);
  }
  if (opts.plan !== undefined && (opts.base !== undefined || opts.head !== undefined)) {
    problems.push('review: give either --plan FILE or --base DIR --head DIR, not both');
  } else if (opts.plan === undefined) {
    if (opts.base === undefined && opts.head === undefined) problems.push('review: give --plan FILE (terraform show -json output) or --base DIR --head DIR (two synthesized trees)');
    else if (opts.head === undefined) problems.push('review: --base needs --head DIR (the synthesized tree of the pull request)');
    else if (opts.base === undefined) problems.push('review: --head needs --base DIR (the synthesized tree of the target branch)');
    if (opts.synth !== undefined) problems.push('review: --synth only applies to --plan (with --base/--head the trees are the synth output)');
  }
  if (problems.length) throw new CliError(problems);
  return { format: format as (typeof FORMATS)[number], failOn: failOn as FailOn };
}

function render(review: Review, format: (typeof FORMATS)[number], failOn: FailOn): string {
  const v = version();
  switch (format) {
    case 'md':
      return `${renderMarkdown(review, { failOn })}\n`;
    case 'json':
      return renderJson(review, { failOn, ...(v ? { version: v } : {}) });
    case 'sarif':
      return renderSarif(review, { failOn, ...(v ? { version: v } : {}) });
    case 'codequality':
      return renderCodeQualityReview(review);
  }
}

/** `--post gitlab`: the one merge-request note, created or updated; the exit code the review earned otherwise. */
async function post(text: string, code: number, io: Output): Promise<number> {
  try {
    const target = gitlabTargetFromEnv(process.env);
    const r = await upsertGitlabNote(target, text.replace(/\n+$/, '\n'), REVIEW_MARKER);
    io.out(`review: ${r.action} merge-request note ${r.id} (!${target.mergeRequestIid})`);
    return code;
  } catch (e) {
    if (e instanceof GitlabNoteError) {
      for (const line of e.lines) io.err(line);
      return EXIT_INPUT;
    }
    throw e;
  }
}

/** `slz review` without `--post` (synchronous); with it, use runReviewAndPost. */
export function runReview(opts: ReviewOptions, io: Output): number {
  const r = reviewOnce(opts, io);
  if (typeof r === 'number') return r;
  if (opts.post) throw new Error('runReview: --post needs runReviewAndPost');
  return r.code;
}

/** `slz review --post gitlab`: the review, then the merge-request note. */
export async function runReviewAndPost(opts: ReviewOptions, io: Output): Promise<number> {
  const r = reviewOnce(opts, io);
  return typeof r === 'number' ? r : post(r.text, r.code, io);
}

/** The review and its exit code, or the exit code of a failure already reported. */
function reviewOnce(opts: ReviewOptions, io: Output): number | { text: string; code: number } {
  try {
    const { format, failOn } = checkOptions(opts);
    const review = opts.plan !== undefined ? reviewPlans(opts.plan, opts.synth) : reviewTrees(opts.base as string, opts.head as string);
    const text = render(review, format, failOn);
    const gate = gateRisks(review, failOn);
    if (opts.out) {
      try {
        mkdirSync(dirname(opts.out), { recursive: true });
        writeFileSync(opts.out, text);
      } catch (e) {
        throw new CliError([`review: cannot write --out ${opts.out} (${(e as NodeJS.ErrnoException).code ?? 'error'})`]);
      }
      io.out(`review: ${highestLevel(review)} · ${review.changes.length} change${review.changes.length === 1 ? '' : 's'} · ${review.risks.length} risk${review.risks.length === 1 ? '' : 's'} → ${opts.out}`);
    } else if (!opts.post) {
      io.out(text);
    }
    let code: number = EXIT_OK;
    if (gate.length) {
      const ids = [...new Set(gate.map((r) => r.ruleId))];
      io.err(`review: gate tripped (--fail-on ${failOn}): ${gate.length} risk${gate.length === 1 ? '' : 's'} (${ids.slice(0, 6).join(', ')}${ids.length > 6 ? ', …' : ''})`);
      code = EXIT_FINDINGS;
    }
    return { text, code };
  } catch (e) {
    if (e instanceof CliError || e instanceof ReviewInputError) {
      for (const line of e.lines) io.err(line);
      if (io.debug && e.stack) io.err(e.stack);
      return e instanceof CliError ? e.exitCode : EXIT_INPUT;
    }
    const message = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
    io.err(`review: unexpected error: ${message}${io.debug ? '' : ' (run again with --debug for details)'}`);
    if (io.debug && e instanceof Error && e.stack) io.err(e.stack);
    return EXIT_INPUT;
  }
}
