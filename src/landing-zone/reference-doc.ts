/**
 * docs/landing-zone-file.md, generated from the zod schema's own descriptions (through its JSON
 * Schema), so the reference never drifts from what `slz validate` accepts.
 */
import { z } from 'zod';
import { landingZoneSchema } from './schema';

interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly default?: unknown;
  readonly properties?: Record<string, JsonSchema>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly additionalProperties?: unknown;
  readonly format?: string;
  readonly examples?: readonly unknown[];
}

interface Row {
  readonly field: string;
  readonly type: string;
  readonly required: boolean;
  readonly defaultValue?: string;
  readonly description: string;
}

function typeOf(s: JsonSchema): string {
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  const variants = s.oneOf ?? s.anyOf;
  if (variants) {
    const disc = variants.every((v) => v.type === 'object') ? Object.keys(variants[0]?.properties ?? {}).find((k) => variants.every((v) => v.properties?.[k]?.const !== undefined)) : undefined;
    return disc ? `mapping, one form per \`${disc}\`` : variants.map(typeOf).join(' \\| ');
  }
  if (s.type === 'array') return `list of ${s.items ? typeOf(s.items) : 'values'}`;
  if (s.type === 'object') return s.properties ? 'mapping' : 'map of text';
  if (s.type === 'integer') return s.minimum !== undefined && s.maximum !== undefined ? `whole number ${s.minimum}–${s.maximum}` : 'whole number';
  if (s.format === 'email') return 'e-mail address';
  return typeof s.type === 'string' ? (s.type === 'string' ? 'text' : s.type) : 'value';
}

function describe(s: JsonSchema): { text: string; defaultValue?: string } {
  const raw = (s.description ?? '').trim();
  const m = /@default\s+(.+)$/.exec(raw);
  const own = (m ? raw.slice(0, m.index) : raw).trim();
  // The example `slz validate` gives in its hint when the field is missing.
  const example = s.examples?.[0] !== undefined && !/\be\.g\./.test(own) ? ` Example: \`${typeof s.examples[0] === 'string' ? s.examples[0] : JSON.stringify(s.examples[0])}\`.` : '';
  const text = `${own}${example}`.replace(/\|/g, '\\|');
  const defaultValue = m ? m[1]!.trim() : s.default !== undefined ? JSON.stringify(s.default) : undefined;
  return defaultValue !== undefined ? { text, defaultValue: defaultValue.replace(/\|/g, '\\|') } : { text };
}

/** Sections: one table per object in the file, keyed by its path (`regions[].site`). */
function collect(schema: JsonSchema, path: string, sections: Map<string, { description: string; rows: Row[] }>): void {
  const objects = schema.oneOf ?? schema.anyOf;
  if (objects && objects.every((o) => o.type === 'object')) {
    // A discriminated union (state): one section per variant, named by its discriminator value.
    for (const o of objects) {
      const disc = Object.entries(o.properties ?? {}).find(([, p]) => p.const !== undefined);
      collect(o, disc ? `${path} (${disc[0]}: ${String(disc[1].const)})` : path, sections);
    }
    return;
  }
  if (schema.type === 'array' && schema.items) {
    collect(schema.items, `${path}[]`, sections);
    return;
  }
  if (schema.type !== 'object' || !schema.properties) return;
  const rows: Row[] = [];
  for (const [key, child] of Object.entries(schema.properties)) {
    const d = describe(child);
    rows.push({ field: key, type: typeOf(child), required: schema.required?.includes(key) === true && child.default === undefined, description: d.text, ...(d.defaultValue !== undefined ? { defaultValue: d.defaultValue } : {}) });
  }
  sections.set(path, { description: (schema.description ?? '').replace(/@default.*$/, '').trim(), rows });
  for (const [key, child] of Object.entries(schema.properties)) collect(child, path ? `${path}.${key}` : key, sections);
}

export function renderLandingZoneReference(): string {
  const schema = z.toJSONSchema(landingZoneSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const sections = new Map<string, { description: string; rows: Row[] }>();
  collect(schema, '', sections);
  const out: string[] = [
    '# The landing-zone file (slz/v1): reference',
    '',
    '<!-- Generated from src/landing-zone/schema.ts by `npm run docs`; a test fails when this file is stale. Do not edit by hand. -->',
    '',
    'YAML or JSON. Unknown keys are errors. `slz schema` prints the same schema as JSON Schema for editors.',
    'Cross-field rules (residency, foreign-law exposure, crypto policy, retention, admin access, names',
    'and references) are described in [architecture.md](architecture.md) and checked by `slz validate`.',
    '',
  ];
  for (const [path, section] of sections) {
    out.push(`## \`${path || '(top level)'}\``, '');
    if (section.description) out.push(section.description, '');
    out.push('| field | type | required | default | description |', '|---|---|---|---|---|');
    for (const r of section.rows) out.push(`| \`${r.field}\` | ${r.type} | ${r.required ? 'yes' : ''} | ${r.defaultValue !== undefined ? `\`${r.defaultValue}\`` : ''} | ${r.description} |`);
    out.push('');
  }
  return out.join('\n');
}
