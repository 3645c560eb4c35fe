/**
 * Turns zod issues into path-tagged problems with hints, including "did you mean" for unknown keys.
 * Every problem says why and how: a raw schema message (`is required`, `must be at most 512`)
 * gets its hint from the field's own description and examples in the schema, so the reason a
 * field exists is written once, where `slz schema` and the file reference read it too.
 */
import { z } from 'zod';
import { closest, type PathSegment, type ProblemList } from './problems';
import { defOf, type AnySchema } from './zod-def';

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

/** What the schema says about one field: why it exists and an example value. */
export interface FieldHelp {
  readonly description?: string;
  readonly example?: unknown;
}

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional']);

/** The schema of the value at this level: wrappers removed, a discriminated union's option chosen by the value. */
function core(schema: AnySchema, value: unknown): AnySchema | undefined {
  let s: AnySchema | undefined = schema;
  for (let guard = 0; s && guard < 20; guard++) {
    const def = defOf(s);
    if (WRAPPERS.has(def.type)) s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else if (def.type === 'union') {
      const options = def.options ?? [];
      s = def.discriminator ? options.find((o) => discriminates(o, def.discriminator!, value)) : undefined;
    } else return s;
  }
  return undefined;
}

/** The description and first example a schema node carries, on itself or a wrapper inside it. */
function helpOf(schema: AnySchema | undefined): FieldHelp {
  let description: string | undefined;
  let example: unknown;
  for (let cur = schema, guard = 0; cur && guard < 20; guard++) {
    const meta = z.globalRegistry.get(cur) as { description?: string; examples?: readonly unknown[] } | undefined;
    description ??= meta?.description?.replace(/@default[\s\S]*$/, '').trim().replace(/\.$/, '') || undefined;
    if (example === undefined && meta?.examples?.length) example = meta.examples[0];
    const def = defOf(cur);
    cur = WRAPPERS.has(def.type) ? def.innerType : def.type === 'pipe' ? def.in : undefined;
  }
  return { ...(description ? { description } : {}), ...(example !== undefined ? { example } : {}) };
}

/**
 * The description and first example of the field at `path`, from the field's outermost schema
 * that has them. An element of a list (a port of `ports`) is explained by its list.
 */
export function fieldHelp(schema: AnySchema, path: readonly PathSegment[], doc: unknown): FieldHelp {
  let s: AnySchema | undefined = schema;
  let list: FieldHelp = {};
  for (let i = 0; s && i < path.length; i++) {
    const here = core(s, valueAt(doc, path.slice(0, i)));
    if (!here) return {};
    const def = defOf(here);
    if (def.type === 'object') s = def.shape?.[String(path[i])];
    else if (def.type === 'array') {
      list = helpOf(s);
      s = def.element;
    } else return {};
  }
  const own = helpOf(s);
  return own.description !== undefined || typeof path[path.length - 1] !== 'number' ? own : { ...(list.description ? { description: list.description } : {}) };
}

function exampleText(key: PathSegment | undefined, example: unknown): string {
  const value = typeof example === 'string' ? example : JSON.stringify(example);
  return typeof key === 'string' ? `e.g. ${key}: ${value}` : `e.g. ${value}`;
}

export function reportZodIssues(schema: AnySchema, doc: unknown, issues: readonly z.core.$ZodIssue[], problems: ProblemList, prefix: readonly PathSegment[] = []): void {
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as PathSegment[])];
    const local = issue.path as PathSegment[];
    const help = fieldHelp(schema, local, doc);
    /** A wrong value: the hint the issue gives, else why the field exists. */
    const wrong = (message: string, hint?: string) => problems.error(path, message, hint ?? help.description ?? 'see docs/landing-zone-file.md (slz schema)');
    /** A missing value: why the field exists, and what to write (an example, else the expected form). */
    const missing = (expected: string) => {
      const how = help.example !== undefined && !/\be\.g\./.test(help.description ?? '') ? exampleText(local[local.length - 1], help.example) : expected;
      problems.error(path, 'is required', help.description ? `${help.description}; ${how}` : how);
    };
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
        if (received === undefined) missing(`expected ${expected}`);
        else wrong(`must be ${expected} (got ${describeReceived(received)})`, received === null ? 'an empty value in YAML is null: give a value or remove the key' : undefined);
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
        if (got === undefined) missing(allowed.replace(/^must be/, 'it must be'));
        else wrong(allowed, hint);
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
        } else wrong('does not match any allowed form');
        break;
      }
      case 'custom': {
        wrong(issue.message, (issue.params as { hint?: string } | undefined)?.hint);
        break;
      }
      case 'too_small':
      case 'too_big': {
        wrong(/^Too (small|big)/.test(issue.message) ? sizeMessage(issue) : issue.message);
        break;
      }
      case 'invalid_format':
      case 'not_multiple_of':
      default:
        wrong(issue.message.replace(/^Invalid input: /, ''));
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
