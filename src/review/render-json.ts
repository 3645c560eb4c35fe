/**
 * The JSON report: the normalized model (plan-review.md §9) under a versioned schema, for bots
 * and dashboards. `schemaVersion` follows semver: a new optional field bumps the minor version,
 * anything a consumer could trip on bumps the major version.
 */
import { countActions, countRisks, FAIL_ON_LEVEL, gateRisks, highestLevel, RISK_LEVELS, type Change, type FailOn, type Review } from './model';
import { RULE_BY_ID } from './rules';

export const REVIEW_SCHEMA_VERSION = '1.0.0';

export interface JsonOptions {
  readonly failOn: FailOn;
  readonly version?: string;
}

function changeJson(c: Change): Record<string, unknown> {
  return {
    id: c.id,
    source: c.source,
    address: c.address,
    ...(c.previousAddress ? { previousAddress: c.previousAddress } : {}),
    ...(c.moduleAddress ? { moduleAddress: c.moduleAddress } : {}),
    mode: c.mode,
    type: c.type,
    name: c.name,
    ...(c.index !== undefined ? { index: c.index } : {}),
    ...(c.provider ? { provider: c.provider } : {}),
    ...(c.deposed ? { deposed: c.deposed } : {}),
    ...(c.stack ? { stack: c.stack } : {}),
    ...(c.tenant ? { tenant: c.tenant } : {}),
    ...(c.constructPath ? { constructPath: c.constructPath } : {}),
    ...(c.file ? { file: c.file } : {}),
    actions: c.actions,
    action: c.action,
    ...(c.replaceOrder ? { replaceOrder: c.replaceOrder } : {}),
    destroys: c.destroys,
    predicted: c.predicted,
    ...(c.importing ? { importing: c.importing } : {}),
    moved: c.moved,
    ...(c.actionReason ? { actionReason: c.actionReason } : {}),
    replacePaths: c.replacePaths,
    level: c.level,
    risks: c.risks.map((r) => ({ ruleId: r.ruleId, level: r.level, reason: r.reason })),
    attrs: c.attrs,
    ...(c.attrsOmitted ? { attrsOmitted: c.attrsOmitted } : {}),
  };
}

export function reviewDocument(review: Review, opts: JsonOptions): Record<string, unknown> {
  const gate = gateRisks(review, opts.failOn);
  return {
    schemaVersion: REVIEW_SCHEMA_VERSION,
    kind: 'slz-review',
    generator: { name: 'slz', ...(opts.version ? { version: opts.version } : {}) },
    mode: review.mode,
    sources: review.sources,
    verdict: { failOn: opts.failOn, threshold: FAIL_ON_LEVEL[opts.failOn] ?? null, tripped: gate.length > 0, blocking: gate.length, highest: highestLevel(review) },
    counts: { actions: countActions(review.changes), risks: countRisks(review.risks), drift: review.drift.length, outputs: review.outputs.length },
    risks: review.risks.map((r) => ({
      ruleId: r.ruleId,
      level: r.level,
      title: RULE_BY_ID.get(r.ruleId)?.title ?? r.ruleId,
      reason: r.reason,
      ...(r.changeId ? { changeId: r.changeId } : {}),
      ...(r.address ? { address: r.address } : {}),
      ...(r.stack ? { stack: r.stack } : {}),
      ...(r.constructPath ? { constructPath: r.constructPath } : {}),
      ...(r.file ? { file: r.file } : {}),
    })),
    changes: review.changes.map(changeJson),
    drift: review.drift.map(changeJson),
    outputs: review.outputs,
    compliance: review.compliance ?? null,
    notes: review.notes,
  };
}

export function renderJson(review: Review, opts: JsonOptions): string {
  return `${JSON.stringify(reviewDocument(review, opts), null, 2)}\n`;
}

const attrValue = {
  oneOf: [
    { type: 'object', required: ['kind'], additionalProperties: false, properties: { kind: { const: 'absent' } } },
    { type: 'object', required: ['kind'], additionalProperties: false, properties: { kind: { const: 'sensitive' } } },
    { type: 'object', required: ['kind'], additionalProperties: false, properties: { kind: { const: 'unknown' } } },
    { type: 'object', required: ['kind', 'expr'], additionalProperties: false, properties: { kind: { const: 'ref' }, expr: { type: 'string' } } },
    { type: 'object', required: ['kind', 'value'], additionalProperties: false, properties: { kind: { const: 'value' }, value: {} } },
  ],
} as const;

const level = { enum: [...RISK_LEVELS] } as const;
const action = { enum: ['create', 'update', 'replace', 'delete', 'forget', 'read', 'noop', 'unknown'] } as const;

const change = {
  type: 'object',
  required: ['id', 'source', 'address', 'mode', 'type', 'name', 'actions', 'action', 'destroys', 'predicted', 'moved', 'replacePaths', 'level', 'risks', 'attrs'],
  properties: {
    id: { type: 'string' },
    source: { enum: ['plan', 'drift', 'config'] },
    address: { type: 'string' },
    previousAddress: { type: 'string' },
    moduleAddress: { type: 'string' },
    mode: { enum: ['managed', 'data'] },
    type: { type: 'string' },
    name: { type: 'string' },
    index: { type: ['string', 'number'] },
    provider: { type: 'string' },
    deposed: { type: 'string' },
    stack: { type: 'string' },
    tenant: { type: 'string' },
    constructPath: { type: 'string' },
    file: { type: 'string' },
    actions: { type: 'array', items: { type: 'string' } },
    action,
    replaceOrder: { enum: ['delete-before-create', 'create-before-destroy', 'create-then-forget', 'forget-then-create'] },
    destroys: { type: 'boolean' },
    predicted: { type: 'boolean' },
    importing: { type: 'object', properties: { id: { type: 'string' } } },
    moved: { type: 'boolean' },
    actionReason: { type: 'object', required: ['code', 'text'], properties: { code: { type: 'string' }, text: { type: 'string' } } },
    replacePaths: { type: 'array', items: { type: 'string' } },
    level,
    risks: { type: 'array', items: { type: 'object', required: ['ruleId', 'level', 'reason'], properties: { ruleId: { type: 'string' }, level, reason: { type: 'string' } } } },
    attrs: {
      type: 'array',
      items: { type: 'object', required: ['path', 'before', 'after'], properties: { path: { type: 'string' }, before: attrValue, after: attrValue, forcesReplacement: { type: 'boolean' } } },
    },
    attrsOmitted: { type: 'integer', minimum: 1 },
  },
} as const;

const finding = { type: 'object', required: ['ruleId', 'level', 'constructPath'], properties: { ruleId: { type: 'string' }, level: { type: 'string' }, constructPath: { type: 'string' }, attribute: { type: 'string' }, message: { type: 'string' }, suppressed: { type: 'string' } } } as const;

/** JSON Schema (draft-07) of the report, version REVIEW_SCHEMA_VERSION. */
export const REVIEW_JSON_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:slz:review:1',
  title: 'slz review report',
  type: 'object',
  required: ['schemaVersion', 'kind', 'generator', 'mode', 'sources', 'verdict', 'counts', 'risks', 'changes', 'drift', 'outputs', 'compliance', 'notes'],
  properties: {
    schemaVersion: { type: 'string', pattern: '^1\\.\\d+\\.\\d+$' },
    kind: { const: 'slz-review' },
    generator: { type: 'object', required: ['name'], properties: { name: { const: 'slz' }, version: { type: 'string' } } },
    mode: { enum: ['plan', 'config'] },
    sources: {
      type: 'array',
      items: { type: 'object', required: ['kind', 'path'], properties: { kind: { enum: ['plan', 'base', 'head', 'synth'] }, path: { type: 'string' }, tool: { type: 'string' }, formatVersion: { type: 'string' }, stack: { type: 'string' } } },
    },
    verdict: {
      type: 'object',
      required: ['failOn', 'threshold', 'tripped', 'blocking', 'highest'],
      properties: { failOn: { enum: ['critical', 'high', 'medium', 'never'] }, threshold: { oneOf: [level, { type: 'null' }] }, tripped: { type: 'boolean' }, blocking: { type: 'integer', minimum: 0 }, highest: level },
    },
    counts: {
      type: 'object',
      required: ['actions', 'risks', 'drift', 'outputs'],
      properties: {
        actions: {
          type: 'object',
          required: ['create', 'update', 'replace', 'delete', 'forget', 'read', 'noop', 'unknown', 'import', 'move'],
          additionalProperties: { type: 'integer', minimum: 0 },
        },
        risks: { type: 'object', required: [...RISK_LEVELS], additionalProperties: { type: 'integer', minimum: 0 } },
        drift: { type: 'integer', minimum: 0 },
        outputs: { type: 'integer', minimum: 0 },
      },
    },
    risks: {
      type: 'array',
      items: {
        type: 'object',
        required: ['ruleId', 'level', 'title', 'reason'],
        properties: { ruleId: { type: 'string', pattern: '^RV-[A-Z0-9-]+$' }, level, title: { type: 'string' }, reason: { type: 'string' }, changeId: { type: 'string' }, address: { type: 'string' }, stack: { type: 'string' }, constructPath: { type: 'string' }, file: { type: 'string' } },
      },
    },
    changes: { type: 'array', items: change },
    drift: { type: 'array', items: change },
    outputs: {
      type: 'array',
      items: { type: 'object', required: ['name', 'actions', 'action', 'before', 'after'], properties: { name: { type: 'string' }, stack: { type: 'string' }, actions: { type: 'array', items: { type: 'string' } }, action, before: attrValue, after: attrValue } },
    },
    compliance: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['baseAvailable', 'headAvailable', 'added', 'fixed', 'newlySuppressed', 'stillSuppressed', 'unchanged', 'notes'],
          properties: {
            baseAvailable: { type: 'boolean' },
            headAvailable: { type: 'boolean' },
            added: { type: 'array', items: finding },
            fixed: { type: 'array', items: finding },
            newlySuppressed: { type: 'array', items: finding },
            stillSuppressed: { type: 'array', items: finding },
            unchanged: { type: 'integer', minimum: 0 },
            notes: { type: 'array', items: { type: 'string' } },
          },
        },
      ],
    },
    notes: { type: 'array', items: { type: 'string' } },
  },
} as const;
