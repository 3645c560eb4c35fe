/**
 * References between resources of one stack (`${TYPE.NAME.attr…}`): which resource a whole-value
 * reference points to, and through which attribute.
 */
import { parsePath, type PathSegment } from './values';
import { constructPathOf, type ResourceRef, type SynthStack } from './tree';

export interface Reference {
  readonly type: string;
  readonly name: string;
  readonly body: Record<string, unknown>;
  /** The attribute path after `TYPE.NAME`. */
  readonly rest: PathSegment[];
  /** The same path as written (`metadata[0].name`). */
  readonly attribute: string;
}

const WHOLE_REFERENCE = /^\$\{([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+)((?:\.[A-Za-z0-9_-]+|\[\d+\])*)\}$/;

/** `${type.name.attr…}` → the resource it refers to in the same stack, or undefined. */
export function referencedResource(stack: SynthStack, expression: string): Reference | undefined {
  const m = WHOLE_REFERENCE.exec(expression.trim());
  if (!m) return undefined;
  const body = stack.json.resource?.[m[1]!]?.[m[2]!];
  if (!body) return undefined;
  const rest = m[3] ?? '';
  return { type: m[1]!, name: m[2]!, body, rest: parsePath(rest), attribute: rest.slice(1) };
}

/** The resource of a stack at `type.name`, as analysis sees it. */
export function resourceAt(stack: SynthStack, type: string, name: string): ResourceRef | undefined {
  const body = stack.json.resource?.[type]?.[name];
  if (!body) return undefined;
  const address = `${type}.${name}`;
  return { stack, type, name, address, constructPath: constructPathOf(body) ?? `${stack.name}/${address}`, body };
}
