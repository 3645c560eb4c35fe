/** Turns zod issues into path-tagged problems with hints, including "did you mean" for unknown keys. */
import type { z } from 'zod';
import { closest, type PathSegment, type ProblemList } from './problems';

type AnySchema = z.core.$ZodType;

interface DefLike {
  readonly type: string;
  readonly shape?: Record<string, AnySchema>;
  readonly innerType?: AnySchema;
  readonly element?: AnySchema;
  readonly options?: readonly AnySchema[];
  readonly in?: AnySchema;
  readonly discriminator?: string;
  readonly values?: readonly unknown[];
}

function defOf(schema: AnySchema): DefLike {
  return schema._zod.def as unknown as DefLike;
}

/**
 * The object keys a schema accepts at a path, to suggest near misses: all options of a union, or,
 * for a discriminated union whose discriminator `value` names an option, that option's keys only
 * (a `pg` state backend is not offered the keys of `s3`).
 */
export function keysAt(schema: AnySchema, path: readonly PathSegment[], value?: unknown): string[] {
  const found = new Set<string>();
  const visit = (s: AnySchema, rest: readonly PathSegment[]): void => {
    const def = defOf(s);
    switch (def.type) {
      case 'optional':
      case 'default':
      case 'prefault':
      case 'nullable':
      case 'readonly':
      case 'catch':
        if (def.innerType) visit(def.innerType, rest);
        return;
      case 'pipe':
        if (def.in) visit(def.in, rest);
        return;
      case 'union': {
        const options = def.options ?? [];
        const chosen = rest.length === 0 && def.discriminator ? options.filter((o) => discriminates(o, def.discriminator!, value)) : [];
        for (const o of chosen.length > 0 ? chosen : options) visit(o, rest);
        return;
      }
      case 'array':
        if (rest.length > 0 && def.element) visit(def.element, rest.slice(1));
        return;
      case 'object': {
        const shape = def.shape ?? {};
        if (rest.length === 0) {
          for (const k of Object.keys(shape)) found.add(k);
          return;
        }
        const next = shape[String(rest[0])];
        if (next) visit(next, rest.slice(1));
        return;
      }
      default:
        return;
    }
  };
  visit(schema, path);
  return [...found];
}

/** Whether a union option's discriminator literal is the value's discriminator. */
function discriminates(option: AnySchema, discriminator: string, value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const literal = defOf(option).shape?.[discriminator];
  return literal !== undefined && (defOf(literal).values ?? []).includes((value as Record<string, unknown>)[discriminator]);
}

function describeReceived(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string') return 'text';
  return typeof input;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
};

/** Reads the value at a path of the original document (for "got …" wording). */
function valueAt(doc: unknown, path: readonly PathSegment[]): unknown {
  let cur: unknown = doc;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[String(seg)];
  }
  return cur;
}

export function reportZodIssues(schema: AnySchema, doc: unknown, issues: readonly z.core.$ZodIssue[], problems: ProblemList, prefix: readonly PathSegment[] = []): void {
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as PathSegment[])];
    const local = issue.path as PathSegment[];
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = keysAt(schema, local, valueAt(doc, local));
        for (const key of issue.keys) {
          const near = closest(key, known);
          problems.error([...path, key], 'is not a known key', near ? `did you mean "${near}"?` : `known keys here: ${known.join(', ')}`);
        }
        break;
      }
      case 'invalid_type': {
        const received = valueAt(doc, local);
        const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
        if (received === undefined) problems.error(path, 'is required', `expected ${expected}`);
        else problems.error(path, `must be ${expected} (got ${describeReceived(received)})`, received === null ? 'an empty value in YAML is null: give a value or remove the key' : undefined);
        break;
      }
      case 'invalid_value': {
        const options = issue.values.map((v) => JSON.stringify(v));
        const got = valueAt(doc, local);
        // A single allowed value needs no "did you mean": the message already names it.
        const near = typeof got === 'string' && options.length > 1 ? closest(got, issue.values.map(String)) : undefined;
        // YAML reads 87 or true as a number or boolean; the allowed value is the same text in quotes.
        const unquoted = (typeof got === 'number' || typeof got === 'boolean') && issue.values.some((v) => typeof v === 'string' && v === String(got));
        const hint = near ? `did you mean "${near}"?` : unquoted ? `write it in quotes ("${String(got)}"): YAML reads ${String(got)} as a ${typeof got}` : undefined;
        const allowed = options.length === 1 ? `must be ${options[0]}` : `must be one of ${options.join(', ')}`;
        // A missing key is "required", as for every other field, not a wrong value.
        if (got === undefined) problems.error(path, 'is required', allowed.replace(/^must be/, 'it must be'));
        else problems.error(path, allowed, hint);
        break;
      }
      case 'invalid_union': {
        // zod 4 reports an unknown discriminator at the discriminator's own path, with the allowed values.
        const disc = issue as { discriminator?: string; options?: readonly unknown[] };
        if (disc.discriminator && disc.options && disc.options.length > 0 && issue.errors.length === 0) {
          const got = valueAt(doc, local);
          const allowed = disc.options.map(String);
          const list = allowed.map((o) => JSON.stringify(o)).join(', ');
          const near = typeof got === 'string' ? closest(got, allowed) : undefined;
          if (got === undefined) problems.error(path, 'is required', `one of ${list}; ${disc.discriminator} decides which other keys apply`);
          else problems.error(path, `must be one of ${list}`, near ? `did you mean "${near}"?` : `${disc.discriminator} decides which other keys apply`);
        } else if (issue.errors.length > 0) {
          // Report the branch with the fewest issues: the one the author most likely meant.
          const best = issue.errors.reduce((a, b) => (b.length < a.length ? b : a));
          reportZodIssues(schema, doc, best.map((i) => ({ ...i, path: [...local, ...i.path] })), problems, prefix);
        } else problems.error(path, 'does not match any allowed form');
        break;
      }
      case 'custom': {
        const hint = (issue.params as { hint?: string } | undefined)?.hint;
        problems.error(path, issue.message, hint);
        break;
      }
      case 'too_small':
      case 'too_big': {
        problems.error(path, /^Too (small|big)/.test(issue.message) ? sizeMessage(issue) : issue.message);
        break;
      }
      case 'invalid_format':
      case 'not_multiple_of':
      default:
        problems.error(path, issue.message.replace(/^Invalid input: /, ''));
        break;
    }
  }
}

function sizeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const bound = small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum;
  const n = Number(bound);
  switch (issue.origin) {
    case 'array':
    case 'set':
      return small ? (n === 1 ? 'must not be empty' : `needs at least ${n} items`) : `has more than ${n} items`;
    case 'string':
      return small ? (n === 1 ? 'must not be empty' : `must be at least ${n} characters`) : `must be at most ${n} characters`;
    default:
      return small ? `must be at least ${n}` : `must be at most ${n}`;
  }
}
