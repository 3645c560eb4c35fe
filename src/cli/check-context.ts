/**
 * The landing-zone context `slz check` judges a tree with. A tree `slz synth` (or SovereignApp)
 * wrote carries it (`DIR/slz-context.json`); a tree of another cdktf app does not, and the
 * residency and crypto-policy rules then report unknown. The user gives it with `--context FILE`
 * (an slz-context.json, or the landing-zone file itself) and/or flags, which override the file's
 * fields: `--jurisdiction`, `--classification`, `--in-country-cidrs`, `--endpoint-domains`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { COMMON_LEVELS, getJurisdiction, jurisdictionCodes, resolveClassification } from '../jurisdictions';
import { formatProblem, loadLandingZone, STRICT_FROM_ORDINAL } from '../landing-zone';
import { parseCidr } from '../landing-zone/net';
import { CONTEXT_FILE, parseSynthContext, readContextFile, type SynthContextFile, type SynthContextInput } from '../synthesized/context';
import { synthContext } from '../synthesized/from-landing-zone';
import { CliError } from './errors';

export interface ContextFlags {
  /** An slz-context.json, or a landing-zone file. */
  readonly context?: string;
  readonly jurisdiction?: string;
  readonly classification?: string;
  /** Comma-separated CIDRs. */
  readonly inCountryCidrs?: string;
  /** Comma-separated DNS domains. */
  readonly endpointDomains?: string;
}

export interface CheckContext {
  readonly file: SynthContextFile;
  /** Where it came from, for the summary. */
  readonly source: string;
}

/** The flags that give a context, as they are spelt on the command line. */
export const CONTEXT_FLAGS = ['--context', '--jurisdiction', '--classification', '--in-country-cidrs', '--endpoint-domains'] as const;

/** The context for `root`: the flags over `--context FILE` (else over `root/slz-context.json`), or undefined when there is none. */
export function resolveCheckContext(root: string, flags: ContextFlags): CheckContext | undefined {
  const base = flags.context ? { file: loadContextArgument(flags.context), source: flags.context } : fromTree(root);
  const overrides = flags.jurisdiction !== undefined || flags.classification !== undefined || flags.inCountryCidrs !== undefined || flags.endpointDomains !== undefined;
  if (!overrides) return base;

  const code = (flags.jurisdiction ?? base?.file.jurisdiction)?.trim().toUpperCase();
  if (!code) throw new CliError([`check: --classification, --in-country-cidrs and --endpoint-domains need --jurisdiction (${root} holds no ${CONTEXT_FILE})`, `  e.g. slz check ${root} --jurisdiction MY --classification SULIT --in-country-cidrs 10.0.0.0/8 --endpoint-domains agency.example.gov.my`]);
  const sameJurisdiction = base !== undefined && base.file.jurisdiction.toUpperCase() === code;
  const classification = flags.classification ?? (sameJurisdiction ? base.file.classification : undefined);
  if (classification === undefined) throw new CliError([`check: --jurisdiction ${code} needs --classification (a label of one of its schemes, or ${COMMON_LEVELS.join(', ')})`]);
  const levelChanged = flags.jurisdiction !== undefined || flags.classification !== undefined;
  const file = withLevel(
    {
      ...(base?.file ?? { apiVersion: 'slz/v1' as const, kind: 'SynthContext' as const, name: '', agency: '', vaultDialects: {}, exemptions: [], inCountryCidrs: [], endpointDomains: [] }),
      jurisdiction: code,
      classification,
      ...(levelChanged ? { ordinal: undefined, strict: undefined } : {}),
      ...(flags.inCountryCidrs !== undefined ? { inCountryCidrs: cidrsOf(flags.inCountryCidrs) } : {}),
      ...(flags.endpointDomains !== undefined ? { endpointDomains: domainsOf(flags.endpointDomains) } : {}),
    },
    'the flags',
  );
  return { file, source: base ? `${base.source}, with the flags` : 'the flags' };
}

/** How to give the context, for a tree that has none. */
export function howToGiveContext(root: string): string[] {
  return [
    `  give it: slz check ${root} --jurisdiction MY --classification SULIT --in-country-cidrs 10.0.0.0/8 --endpoint-domains agency.example.gov.my`,
    `  or:      slz check ${root} --context landing-zone.yaml   (the landing-zone file, or an ${CONTEXT_FILE}; README: "Checking another cdktf app")`,
  ];
}

function fromTree(root: string): CheckContext | undefined {
  let file: SynthContextFile | undefined;
  try {
    file = readContextFile(root);
  } catch (e) {
    throw new CliError([`check: ${join(root, CONTEXT_FILE)} is malformed: ${oneLine(e)}`]);
  }
  return file ? { file, source: join(root, CONTEXT_FILE) } : undefined;
}

/** `--context FILE`: a landing-zone file (validated exactly as slz validate does) or an slz-context.json. */
function loadContextArgument(path: string): SynthContextFile {
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CliError([`check: --context ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : oneLine(e)}`]);
  }
  const kind = parsed && typeof parsed === 'object' ? (parsed as { kind?: unknown }).kind : undefined;
  if (kind === 'LandingZone') {
    const r = loadLandingZone(path);
    if (!r.ok) throw new CliError([...r.problems.map(formatProblem), `check: --context ${path} is not a valid landing-zone file (slz validate ${path})`]);
    return synthContext(r.value);
  }
  if (kind !== 'SynthContext') throw new CliError([`check: --context ${path} is neither a landing-zone file (kind: LandingZone) nor an ${CONTEXT_FILE} (kind: SynthContext)`]);
  let input: SynthContextInput;
  try {
    input = parseSynthContext(parsed, true);
  } catch (e) {
    throw new CliError([`check: --context ${path}: ${oneLine(e)}`]);
  }
  return withLevel(input, `--context ${path}`);
}

/** A context before its level is resolved: ordinal and strict may be absent. */
type ContextDraft = Omit<SynthContextFile, 'ordinal' | 'strict'> & { readonly ordinal?: number | undefined; readonly strict?: boolean | undefined };

/** Resolves the classification through the catalogue; fills ordinal and strict, or refuses a mismatch. */
function withLevel(input: ContextDraft, where: string): SynthContextFile {
  const j = getJurisdiction(input.jurisdiction.toUpperCase());
  if (!j) throw new CliError([`check: ${where}: jurisdiction ${JSON.stringify(input.jurisdiction)} is not in the catalogue (catalogued: ${jurisdictionCodes().join(', ')}; slz jurisdictions)`]);
  const cls = resolveClassification(j, input.classification);
  if (!cls.ok) throw new CliError([`check: ${where}: ${cls.reason} (${cls.hint})`]);
  if (input.ordinal !== undefined && input.ordinal !== cls.ordinal) {
    throw new CliError([`check: ${where}: ordinal ${input.ordinal} does not match classification ${input.classification} (level ${cls.ordinal} in ${j.countryCode}); leave ordinal out`]);
  }
  if (cls.ordinal > j.support.maxOrdinal) {
    throw new CliError([`check: ${where}: ${input.classification} (level ${cls.ordinal}, ${COMMON_LEVELS[cls.ordinal]}) is not supported for ${j.name}: ${j.support.reason}`]);
  }
  return { ...input, jurisdiction: j.countryCode, ordinal: cls.ordinal, strict: input.strict ?? cls.ordinal >= STRICT_FROM_ORDINAL };
}

function listOf(text: string): string[] {
  return text
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

function cidrsOf(text: string): string[] {
  const cidrs = listOf(text);
  const problems = cidrs.map(parseCidr).flatMap((c) => ('error' in c ? [`check: --in-country-cidrs: ${c.error} (${c.hint})`] : []));
  if (problems.length || cidrs.length === 0) throw new CliError(problems.length ? problems : ['check: --in-country-cidrs is empty (e.g. 10.0.0.0/8,fd00::/8)']);
  return cidrs;
}

/** A DNS name of labels (letters, digits, hyphens) — no scheme, port or path: the domain endpoints must be under. */
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

function domainsOf(text: string): string[] {
  const domains = listOf(text).map((d) => d.toLowerCase());
  const bad = domains.filter((d) => !DOMAIN.test(d));
  if (domains.length === 0) throw new CliError(['check: --endpoint-domains is empty (e.g. agency.example.gov.my)']);
  if (bad.length) throw new CliError([`check: --endpoint-domains: ${bad.map((b) => JSON.stringify(b)).join(', ')} ${bad.length === 1 ? 'is not a domain' : 'are not domains'} (e.g. agency.example.gov.my, without scheme or port)`]);
  return domains;
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
}
