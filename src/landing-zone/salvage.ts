/**
 * After a shape failure, keeps whatever parsed, field by field: an object keeps every field that
 * parses on its own (a region with a missing `imageRegistry` keeps its site, so residency is still
 * checked), a list keeps every element at its original index (an element that is not even an
 * object becomes a hole that forEach/map/filter skip). Defaults apply to the fields that parsed.
 * `parsed(path)` says whether a field is as written, so checks that depend on a field that did not
 * parse stay quiet instead of misleading.
 */
import type { z } from 'zod';
import { defOf, type AnySchema } from './zod-def';

/** What a field-by-field salvage kept: values as the schema outputs them, with any field possibly missing. */
export type Salvaged<T> = T extends readonly (infer E)[] ? Salvaged<E>[] : T extends Record<string, unknown> ? { [K in keyof T]?: Salvaged<T[K]> } : T;

export interface SalvageResult {
  readonly value: unknown;
  /**
   * Whether the value at a dotted path (`regions.0.kubernetes.imageRegistry`) is as written:
   * nothing at or below it failed, and no ancestor was dropped whole. A field left out (and
   * defaulted) counts as parsed; a field written wrong does not.
   */
  readonly parsed: (path: string) => boolean;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function salvage(schema: AnySchema, value: unknown): SalvageResult {
  const marks: Marks = { invalid: new Set(), lost: new Set() };
  const out = visit(schema, value, [], marks);
  const parsed = (path: string): boolean => {
    if (marks.invalid.has(path)) return false;
    const parts = path.split('.');
    for (let n = 1; n < parts.length; n++) if (marks.lost.has(parts.slice(0, n).join('.'))) return false;
    return true;
  };
  return { value: out, parsed };
}

interface Marks {
  /** Paths where something failed, with all their ancestors. */
  readonly invalid: Set<string>;
  /** Paths whose value was dropped whole. */
  readonly lost: Set<string>;
}

function visit(schema: AnySchema, value: unknown, path: readonly (string | number)[], marks: Marks): unknown {
  const r = (schema as z.ZodType).safeParse(value);
  if (r.success) return r.data;
  for (let n = 0; n <= path.length; n++) marks.invalid.add(path.slice(0, n).join('.'));
  const out = salvageInside(schema, value, path, marks);
  if (out === undefined) marks.lost.add(path.join('.'));
  return out;
}

function salvageInside(schema: AnySchema, value: unknown, path: readonly (string | number)[], marks: Marks): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
    case 'readonly':
      return value === undefined || !def.innerType ? undefined : visit(def.innerType, value, path, marks);
    case 'object': {
      if (!isRecord(value)) return undefined;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        const v = visit(field, value[key], [...path, key], marks);
        if (v !== undefined) out[key] = v;
      }
      return out;
    }
    case 'array': {
      if (!Array.isArray(value) || !def.element) return undefined;
      const out: unknown[] = [];
      value.forEach((item, i) => {
        const v = visit(def.element!, item, [...path, i], marks);
        if (v !== undefined) out[i] = v;
      });
      out.length = value.length;
      return out;
    }
    case 'union': {
      // A discriminated union (the state backend): salvage within the option the value names.
      const disc = def.discriminator;
      if (!disc || !isRecord(value)) return undefined;
      const option = (def.options ?? []).find((o) => (defOf(defOf(o).shape?.[disc] ?? o).values ?? []).includes(value[disc]));
      return option ? visit(option, value, path, marks) : undefined;
    }
    default:
      return undefined;
  }
}
