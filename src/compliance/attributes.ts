/**
 * What rules build their verdicts from: outcomes, a human form of durations, and a per-stack
 * index of resources by type. Values are read with src/synthesized/values.ts.
 */
import { resourcesOf, type SynthStack } from '../synthesized';
import type { Outcome, ResourceRef } from './types';

export const pass = (): Outcome => ({ status: 'pass' });
export const notApplicable = (): Outcome => ({ status: 'not-applicable' });
export const fail = (message: string, attribute?: string): Outcome => ({ status: 'fail', message, ...(attribute === undefined ? {} : { attribute }) });
export const unknown = (message: string, attribute?: string): Outcome => ({ status: 'unknown', message, ...(attribute === undefined ? {} : { attribute }) });

/** Human form of a number of seconds, for messages. */
export function formatSeconds(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} days`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  return `${seconds} s`;
}

const stackTypeIndex = new WeakMap<SynthStack, Map<string, ResourceRef[]>>();

/** Resources of some types in one stack, from a per-stack index built once (stack rules stay cheap). */
export function stackResources(stack: SynthStack, ...types: string[]): ResourceRef[] {
  let index = stackTypeIndex.get(stack);
  if (!index) {
    index = new Map();
    for (const r of resourcesOf(stack)) {
      const list = index.get(r.type);
      if (list) list.push(r);
      else index.set(r.type, [r]);
    }
    stackTypeIndex.set(stack, index);
  }
  return types.flatMap((t) => index.get(t) ?? []);
}
