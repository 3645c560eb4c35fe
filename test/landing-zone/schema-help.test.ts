/**
 * Schema messages carry the same why-and-how as the cross-field ones, taken from the schema's own
 * descriptions and examples (the text `slz schema` and docs/landing-zone-file.md show).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { landingZoneSchema, validateLandingZone, type SpecProblem } from '../../src/landing-zone';
import { fieldHelp } from '../../src/landing-zone/zod-issues';

const MINIMAL = parseYaml(readFileSync(join(__dirname, '..', '..', 'examples', 'minimal', 'landing-zone.yaml'), 'utf8')) as Record<string, unknown>;

interface JsonSchema {
  readonly type?: string;
  readonly description?: string;
  readonly properties?: Record<string, JsonSchema>;
  readonly items?: JsonSchema;
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
}

/** Every field of every mapping in the schema, with its description. */
function fields(s: JsonSchema, path = ''): { path: string; description: string }[] {
  const out: { path: string; description: string }[] = [];
  for (const v of s.oneOf ?? s.anyOf ?? []) out.push(...fields(v, path));
  if (s.type === 'array' && s.items) out.push(...fields(s.items, `${path}[]`));
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    out.push({ path: `${path}.${k}`, description: (v.description ?? '').replace(/@default[\s\S]*$/, '').trim() });
    out.push(...fields(v, `${path}.${k}`));
  }
  return out;
}

function problemAt(doc: unknown, path: string): SpecProblem {
  const r = validateLandingZone(doc, { today: '2026-06-01' });
  expect(r.ok).toBe(false);
  const p = r.ok ? undefined : r.problems.find((x) => x.path === path);
  expect(p).toBeDefined();
  return p!;
}

describe('hints from the schema', () => {
  it('every field of the file says why it exists (so no schema message goes without a hint)', () => {
    const schema = z.toJSONSchema(landingZoneSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    const all = fields(schema);
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((f) => f.description.length === 0).map((f) => f.path)).toEqual([]);
  });

  it('a missing required field is told why it exists and given an example', () => {
    const doc = structuredClone(MINIMAL) as { regions: { kubernetes: Record<string, unknown> }[] };
    delete doc.regions[0]!.kubernetes.imageRegistry;
    const p = problemAt(doc, 'regions[0].kubernetes.imageRegistry');
    expect(p.message).toBe('is required');
    expect(p.hint).toContain('the admission policy refuses images from anywhere else');
    expect(p.hint).toContain('e.g. imageRegistry: registry.');
  });

  it('a value out of bounds is told what the bound protects', () => {
    const doc = structuredClone(MINIMAL) as { tenants: { keys: Record<string, unknown>[] }[] };
    doc.tenants[0]!.keys.push({ name: 'mac', purpose: 'mac', algorithm: 'hmac', rotateDays: 90, keySize: 1024 });
    const p = problemAt(doc, 'tenants[0].keys[1].keySize');
    expect(p.message).toBe('must be at most 512');
    expect(p.hint).toMatch(/Vault refuses anything else/);
  });

  it('an element of a list is explained by its list', () => {
    const doc = structuredClone(MINIMAL) as { network: Record<string, unknown> };
    doc.network.egress = [{ name: 'his', cidr: '10.20.0.0/16', ports: [443, 70000] }];
    const p = problemAt(doc, 'network.egress[0].ports[1]');
    expect(p.message).toBe('must be a port from 1 to 65535');
    expect(p.hint).toBe('Destination ports: only these are opened');
  });

  it('a field of a state backend is explained by the backend the file names', () => {
    expect(fieldHelp(landingZoneSchema, ['state', 'host'], { state: { backend: 'pg' } }).description).toMatch(/^PostgreSQL host/);
    expect(fieldHelp(landingZoneSchema, ['state', 'host'], { state: { backend: 'kubernetes' } }).description).toMatch(/^API server holding the state/);
    expect(fieldHelp(landingZoneSchema, ['state', 'host'], { state: { backend: 'nope' } })).toEqual({});
  });

  it('an issue the schema already explains keeps its own hint', () => {
    const doc = structuredClone(MINIMAL) as { network: Record<string, unknown> };
    doc.network.egress = [{ name: 'his', cidr: '10.20.0.1/16', ports: [443] }];
    expect(problemAt(doc, 'network.egress[0].cidr').hint).toBe('did you mean 10.20.0.0/16?');
  });
});
