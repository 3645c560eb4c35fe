/**
 * Reading `terraform show -json` / `tofu show -json` plans (plan-review.md §2–§7).
 *
 * Memory: the file is read once and decoded once, parsed once, and the parts a review never
 * needs (`prior_state`, `configuration`, `planned_values`, `variables`, …) are dropped right away.
 * Resource changes are then normalized one at a time and each raw entry is released as soon as
 * its masked, classified record exists, so the raw values and the model never both exist whole.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { maxLevel, type Action, type ActionReason, type Change, type OutputChange, type ReplaceOrder } from './model';
import { classify, type Hit } from './rules';
import { diffTrees, maskValue, safeReplacePath, toAttrValue } from './values';

/** One line per problem; the CLI prints them and exits 2. Never holds a value from the file. */
export class ReviewInputError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
    this.name = 'ReviewInputError';
  }
}

/** V8 cannot hold a longer string; plans this size are a mistake or need splitting per stack. */
export const MAX_PLAN_BYTES = 512 * 1024 * 1024;

export const ACTION_REASONS: Readonly<Record<string, string>> = {
  replace_because_tainted: 'Replaced because the object is tainted',
  replace_because_cannot_update: 'Replaced because a changed attribute cannot be updated in place',
  replace_by_request: 'Replaced because replacement was requested (-replace)',
  replace_by_triggers: 'Replaced because of a change in replace_triggered_by',
  delete_because_no_resource_config: 'Deleted because its configuration was removed',
  delete_because_no_module: 'Deleted because its module was removed',
  delete_because_wrong_repetition: 'Deleted because count/for_each use changed',
  delete_because_count_index: 'Deleted because its count index is out of range',
  delete_because_each_key: 'Deleted because its for_each key was removed',
  delete_because_no_move_target: 'Deleted because its moved target does not exist',
  read_because_config_unknown: 'Read during apply because its configuration is unknown until then',
  read_because_dependency_pending: 'Read during apply because a dependency has pending changes',
  read_because_check_nested: 'Read during apply because a check block needs it',
};

/** Keys a review reads; everything else at the top level is dropped after parsing. */
const KEPT_KEYS = new Set(['format_version', 'terraform_version', 'resource_changes', 'resource_drift', 'output_changes', 'applyable', 'complete', 'errored']);
const PLAN_KEYS = ['resource_changes', 'planned_values', 'prior_state', 'configuration', 'output_changes', 'resource_drift'];

export interface PlanDocument {
  readonly path: string;
  readonly formatVersion: string;
  readonly terraformVersion?: string;
  /** Raw entries; normalizePlan empties these arrays as it goes. */
  resourceChanges: unknown[];
  resourceDrift: unknown[];
  outputChanges: Record<string, unknown>;
  readonly errored?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Decoding

function decode(path: string, bytes: Buffer): string {
  const fail = (message: string): never => {
    throw new ReviewInputError([`${path}: ${message}`]);
  };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le', 2);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  // JSON starts with an ASCII character, so UTF-16 without a byte-order mark shows a NUL next to it.
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return bytes.toString('utf16le');
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) {
    const swapped = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    fail('is a binary plan file (zip), not plan JSON (convert it: terraform show -json tfplan > plan.json)');
  }
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.includes(0)) fail('is a binary file, not plan JSON (produce it with terraform show -json tfplan)');
  if (!isUtf8(body)) fail('is not valid UTF-8 text (save it as UTF-8, or UTF-16 with a byte-order mark)');
  return body.toString('utf8');
}

/**
 * The text of a plan file. UTF-8 (the usual case) is read straight into a string, so no
 * file-sized Buffer lingers beside it until the next full GC; other encodings, and files whose
 * text shows NUL or U+FFFD (binary, or invalid UTF-8), go through the byte-level checks.
 */
function readText(path: string): string {
  const head = Buffer.alloc(4);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  const b = head.subarray(0, n);
  const utf16 = (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) || (n >= 4 && (b[1] === 0 || b[0] === 0));
  const zip = n >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
  if (!utf16 && !zip) {
    const text = readFileSync(path, 'utf8');
    if (!text.includes('\0') && !text.includes('\uFFFD')) return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  return decode(path, readFileSync(path));
}

/** A JSON.parse message without the slice of input V8 quotes in it (it may hold a secret). */
function jsonError(e: unknown, text: string): string {
  let message = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
  // V8 quotes the input around the error (`Unexpected token 'x', ..."abc" is not valid JSON`).
  message = message
    .replace(/,\s*(\.\.\.)?".*$/s, '')
    .replace(/^Unexpected token '.+?'/, 'Unexpected character')
    .replace(/\s*\(line \d+ column \d+\)/, '');
  const pos = /at position (\d+)/.exec(message);
  let where = '';
  let truncated = /Unexpected end of JSON input/.test(message);
  if (pos) {
    const p = Number(pos[1]);
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < p; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    where = ` (line ${line}, column ${p - lineStart + 1})`;
    message = message.replace(/\s*in JSON at position \d+/, '').replace(/\s*at position \d+/, '');
    if (p >= text.trimEnd().length - 1) truncated = true;
  }
  return `is not valid JSON: ${message}${where}${truncated ? '; the file looks truncated' : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Reading and checking the document

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

/** Reads, decodes and parses a plan file, checks its header, and keeps only what a review reads. */
export function readPlanDocument(path: string): PlanDocument {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new ReviewInputError([`${path}: is a directory; give a plan JSON file`]);
    size = st.size;
  } catch (e) {
    if (e instanceof ReviewInputError) throw e;
    throw new ReviewInputError([`${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  if (size === 0) throw new ReviewInputError([`${path}: is empty (produce the plan JSON with terraform show -json tfplan > plan.json)`]);
  if (size > MAX_PLAN_BYTES) throw new ReviewInputError([`${path}: is ${Math.round(size / 2 ** 20)} MiB; slz review reads plans up to ${MAX_PLAN_BYTES / 2 ** 20} MiB (review one stack per plan)`]);
  const text = readText(path);
  if (!/\S/.test(text)) throw new ReviewInputError([`${path}: is empty (produce the plan JSON with terraform show -json tfplan > plan.json)`]);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ReviewInputError([`${path}: ${jsonError(e, text)}`]);
  }
  return checkPlan(path, doc);
}

/** Checks an already parsed plan (exported for tests and API callers). */
export function checkPlan(path: string, doc: unknown): PlanDocument {
  const fail = (...lines: string[]): never => {
    throw new ReviewInputError(lines.map((l) => `${path}: ${l}`));
  };
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return fail(`is not a Terraform plan: expected a JSON object, found ${typeName(doc)}`);
  const d = doc as Record<string, unknown>;
  const isPlanShaped = PLAN_KEYS.some((k) => k in d);
  const isStateShaped = 'values' in d;
  // Drop what a review never reads before anything else allocates.
  for (const k of Object.keys(d)) if (!KEPT_KEYS.has(k)) delete d[k];
  const fv = d.format_version;
  if (fv === undefined) {
    if (isStateShaped && !isPlanShaped) return fail('looks like Terraform state (terraform show -json without a plan file), not a plan');
    return fail('is not a Terraform plan JSON: it has no format_version (produce it with terraform show -json tfplan)');
  }
  if (typeof fv !== 'string') return fail(`format_version must be a string such as "1.2", found ${typeName(fv)}`);
  const m = /^(\d+)\.(\d+)(?:\.\d+)?$/.exec(fv);
  if (!m) return fail(`format_version "${fv.slice(0, 20)}" is not a version number`);
  const major = Number(m[1]);
  if (major > 1) return fail(`format_version ${fv} is not supported: slz review reads plan JSON format 0.x and 1.x (Terraform 0.12 and later, OpenTofu); update slz`);
  if (!isPlanShaped) {
    if (isStateShaped) return fail('looks like Terraform state (terraform show -json without a plan file), not a plan');
    return fail('is not a Terraform plan: it has none of resource_changes, planned_values, output_changes');
  }
  const problems: string[] = [];
  const rc = d.resource_changes ?? [];
  const rd = d.resource_drift ?? [];
  const oc = d.output_changes ?? {};
  if (!Array.isArray(rc)) problems.push(`resource_changes must be a list, found ${typeName(rc)}`);
  if (!Array.isArray(rd)) problems.push(`resource_drift must be a list, found ${typeName(rd)}`);
  if (oc === null || typeof oc !== 'object' || Array.isArray(oc)) problems.push(`output_changes must be an object, found ${typeName(oc)}`);
  if (Array.isArray(rc)) rc.forEach((e, i) => checkEntry(e, `resource_changes[${i}]`, problems));
  if (Array.isArray(rd)) rd.forEach((e, i) => checkEntry(e, `resource_drift[${i}]`, problems));
  if (oc && typeof oc === 'object' && !Array.isArray(oc)) {
    for (const [name, c] of Object.entries(oc as Record<string, unknown>)) {
      if (c === null || typeof c !== 'object' || Array.isArray(c)) problems.push(`output_changes.${name} must be an object, found ${typeName(c)}`);
      else checkActions((c as Record<string, unknown>).actions, `output_changes.${name}.actions`, problems);
    }
  }
  if (problems.length) {
    const shown = problems.slice(0, 20);
    if (problems.length > 20) shown.push(`and ${problems.length - 20} more problems`);
    fail(...shown, `${problems.length} problem${problems.length === 1 ? '' : 's'}: this does not look like terraform show -json output`);
  }
  const tv = d.terraform_version;
  return {
    path,
    formatVersion: fv,
    ...(typeof tv === 'string' ? { terraformVersion: tv } : {}),
    resourceChanges: rc as unknown[],
    resourceDrift: rd as unknown[],
    outputChanges: oc as Record<string, unknown>,
    ...(d.errored === true ? { errored: true } : {}),
  };
}

function checkActions(actions: unknown, where: string, problems: string[]): void {
  if (!Array.isArray(actions)) problems.push(`${where} must be a list of strings, found ${typeName(actions)}`);
  else if (actions.some((a) => typeof a !== 'string')) problems.push(`${where} must be a list of strings`);
}

function checkEntry(e: unknown, where: string, problems: string[]): void {
  if (e === null || typeof e !== 'object' || Array.isArray(e)) {
    problems.push(`${where} must be an object, found ${typeName(e)}`);
    return;
  }
  const r = e as Record<string, unknown>;
  for (const key of ['address', 'type']) {
    if (typeof r[key] !== 'string' || r[key] === '') problems.push(`${where}.${key} must be a non-empty string, found ${typeName(r[key])}`);
  }
  for (const key of ['name', 'mode', 'module_address', 'previous_address', 'action_reason', 'provider_name', 'deposed']) {
    if (r[key] !== undefined && r[key] !== null && typeof r[key] !== 'string') problems.push(`${where}.${key} must be a string, found ${typeName(r[key])}`);
  }
  const c = r.change;
  if (c === null || typeof c !== 'object' || Array.isArray(c)) {
    problems.push(`${where}.change must be an object, found ${typeName(c)}`);
    return;
  }
  const ch = c as Record<string, unknown>;
  checkActions(ch.actions, `${where}.change.actions`, problems);
  if (ch.replace_paths !== undefined && ch.replace_paths !== null) {
    if (!Array.isArray(ch.replace_paths) || ch.replace_paths.some((p) => !Array.isArray(p))) problems.push(`${where}.change.replace_paths must be a list of paths (lists)`);
  }
  if (ch.importing !== undefined && ch.importing !== null && (typeof ch.importing !== 'object' || Array.isArray(ch.importing))) {
    problems.push(`${where}.change.importing must be an object, found ${typeName(ch.importing)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Normalizing

export function actionOf(actions: readonly string[]): { action: Action; replaceOrder?: ReplaceOrder } {
  switch (actions.join(',')) {
    case 'no-op':
      return { action: 'noop' };
    case 'create':
      return { action: 'create' };
    case 'read':
      return { action: 'read' };
    case 'update':
      return { action: 'update' };
    case 'delete':
      return { action: 'delete' };
    case 'forget':
      return { action: 'forget' };
    case 'delete,create':
      return { action: 'replace', replaceOrder: 'delete-before-create' };
    case 'create,delete':
      return { action: 'replace', replaceOrder: 'create-before-destroy' };
    case 'create,forget':
      return { action: 'replace', replaceOrder: 'create-then-forget' };
    case 'forget,create':
      return { action: 'replace', replaceOrder: 'forget-then-create' };
    default:
      return { action: 'unknown' };
  }
}

export function actionReasonOf(code: unknown): ActionReason | undefined {
  if (typeof code !== 'string' || code === '') return undefined;
  return { code, text: ACTION_REASONS[code] ?? code.replace(/_/g, ' ') };
}

export interface NormalizedEntry {
  readonly change: Change;
  readonly before: unknown;
  readonly after: unknown;
}

/** Builds the masked, classified record of one raw `resource_changes` / `resource_drift` entry. */
export function normalizeEntry(raw: Record<string, unknown>, source: 'plan' | 'drift', idPrefix: string): NormalizedEntry {
  const ch = raw.change as Record<string, unknown>;
  const actions = (ch.actions as string[]).slice();
  const { action, replaceOrder } = actionOf(actions);
  const address = raw.address as string;
  const bs = ch.before_sensitive;
  const as = ch.after_sensitive;
  const before = ch.before === undefined || ch.before === null ? undefined : maskValue(ch.before, bs, as, undefined);
  const after = ch.after === undefined || ch.after === null ? (ch.after_unknown === true ? maskValue(undefined, bs, as, true) : undefined) : maskValue(ch.after, bs, as, ch.after_unknown);
  const replacePaths = Array.isArray(ch.replace_paths) ? [...new Set((ch.replace_paths as unknown[][]).map((p) => safeReplacePath(p, bs, as)))] : [];
  const withAttrs = action !== 'noop' && action !== 'read' && action !== 'forget';
  const diff = withAttrs ? diffTrees(before, after, replacePaths) : { attrs: [], omitted: 0 };
  const prev = typeof raw.previous_address === 'string' && raw.previous_address !== address ? raw.previous_address : undefined;
  const importing = ch.importing && typeof ch.importing === 'object' ? { ...(typeof (ch.importing as { id?: unknown }).id === 'string' ? { id: (ch.importing as { id: string }).id } : {}) } : undefined;
  const deposed = typeof raw.deposed === 'string' ? raw.deposed : undefined;
  const actionReason = actionReasonOf(raw.action_reason);
  // Optional fields are set only when present, on one object: no temporary object per field.
  const change: { -readonly [K in keyof Change]: Change[K] } = {
    id: `${idPrefix}:${address}${deposed ? `:deposed:${deposed}` : ''}`,
    source,
    address: deposed ? `${address} (deposed ${deposed})` : address,
    mode: raw.mode === 'data' ? 'data' : 'managed',
    type: raw.type as string,
    name: typeof raw.name === 'string' ? raw.name : address,
    actions,
    action,
    destroys: actions.includes('delete'),
    predicted: false,
    moved: source === 'plan' && prev !== undefined,
    replacePaths,
    attrs: diff.attrs,
    risks: [],
    level: 'INFO',
  };
  if (prev) change.previousAddress = prev;
  if (typeof raw.module_address === 'string') change.moduleAddress = raw.module_address;
  if (typeof raw.index === 'string' || typeof raw.index === 'number') change.index = raw.index;
  if (typeof raw.provider_name === 'string') change.provider = raw.provider_name;
  if (deposed) change.deposed = deposed;
  if (replaceOrder) change.replaceOrder = replaceOrder;
  if (importing && source === 'plan') change.importing = importing;
  if (actionReason) change.actionReason = actionReason;
  if (diff.omitted) change.attrsOmitted = diff.omitted;
  return { change, before, after };
}

/** Attaches rule hits to a change (its level is the highest). */
export function attachHits(change: Change, hits: readonly Hit[], levelOf: (id: string) => Change['level']): void {
  change.risks = hits.map((h) => ({ ruleId: h.ruleId, level: levelOf(h.ruleId), reason: h.reason, changeId: change.id, address: change.address }));
  change.level = maxLevel(change.risks.map((r) => r.level));
}

export interface NormalizedPlan {
  readonly changes: Change[];
  readonly drift: Change[];
  readonly outputs: OutputChange[];
  /** Output names that stopped being sensitive. */
  readonly unmaskedOutputs: string[];
}

/**
 * Normalizes and classifies every entry, releasing each raw entry once done. `onEntry` sees the
 * masked trees (for address mapping) before they are dropped.
 */
export function normalizePlan(doc: PlanDocument, idPrefix: string, levelOf: (id: string) => Change['level'], onEntry?: (e: NormalizedEntry) => void): NormalizedPlan {
  const run = (raws: unknown[], source: 'plan' | 'drift'): Change[] => {
    const out: Change[] = [];
    for (let i = 0; i < raws.length; i++) {
      const e = normalizeEntry(raws[i] as Record<string, unknown>, source, `${source === 'plan' ? idPrefix : `${idPrefix}/drift`}`);
      raws[i] = undefined;
      attachHits(e.change, classify(e), levelOf);
      onEntry?.(e);
      out.push(e.change);
    }
    raws.length = 0;
    return out;
  };
  const changes = run(doc.resourceChanges, 'plan');
  const drift = run(doc.resourceDrift, 'drift');
  const outputs: OutputChange[] = [];
  const unmaskedOutputs: string[] = [];
  for (const [name, raw] of Object.entries(doc.outputChanges)) {
    const c = raw as Record<string, unknown>;
    const actions = (c.actions as string[]).slice();
    const before = c.before === undefined || c.before === null ? undefined : maskValue(c.before, c.before_sensitive, c.after_sensitive, undefined);
    const after = c.after === undefined || c.after === null ? (c.after_unknown === true ? maskValue(undefined, c.before_sensitive, c.after_sensitive, true) : undefined) : maskValue(c.after, c.before_sensitive, c.after_sensitive, c.after_unknown);
    outputs.push({ name, actions, action: actionOf(actions).action, before: toAttrValue(before), after: toAttrValue(after) });
    if (c.before_sensitive === true && c.after_sensitive === false && actions[0] !== 'delete') unmaskedOutputs.push(name);
  }
  doc.outputChanges = {};
  return { changes, drift, outputs, unmaskedOutputs };
}
