/**
 * Non-resource parts of a stack that stack-level rules judge: provider blocks, the state backend,
 * variables and outputs, each with a construct-path-like label suppressions can match.
 */
import type { SynthStack } from '../synthesized';
import type { SubjectLocation } from './types';

export interface ProviderBlock {
  readonly name: string;
  readonly index: number;
  readonly alias?: string;
  readonly body: Readonly<Record<string, unknown>>;
  readonly location: SubjectLocation;
}

/** Every provider block of a stack (aliases included), in document order. */
export function providerBlocks(stack: SynthStack, ...names: string[]): ProviderBlock[] {
  const out: ProviderBlock[] = [];
  for (const [name, configs] of Object.entries(stack.json.provider ?? {})) {
    if (names.length > 0 && !names.includes(name)) continue;
    const list: readonly Record<string, unknown>[] = Array.isArray(configs) ? configs : [configs as unknown as Record<string, unknown>];
    list.forEach((body, index) => {
      const alias = typeof body?.['alias'] === 'string' ? (body['alias'] as string) : undefined;
      out.push({
        name,
        index,
        ...(alias ? { alias } : {}),
        body: body ?? {},
        location: { constructPath: `${stack.name}/provider/${name}${alias ? `.${alias}` : ''}`, jsonPath: ['provider', name, index] },
      });
    });
  }
  return out;
}

export interface BackendBlock {
  readonly type: string;
  readonly body: Readonly<Record<string, unknown>>;
  readonly location: SubjectLocation;
}

/** The stack's state backend, or undefined when none is configured (Terraform then keeps state locally). */
export function backendOf(stack: SynthStack): BackendBlock | undefined {
  const backends = Object.entries(stack.json.terraform?.backend ?? {});
  const first = backends[0];
  if (!first) return undefined;
  const [type, body] = first;
  return { type, body: body ?? {}, location: { constructPath: `${stack.name}/backend/${type}`, jsonPath: ['terraform', 'backend', type] } };
}

export function stackLocation(stack: SynthStack, label: string, jsonPath: readonly (string | number)[]): SubjectLocation {
  return { constructPath: `${stack.name}/${label}`, jsonPath };
}

/** Every non-resource subject label of a stack (what stack-level findings and suppressions may name). */
export function subjectLabels(stack: SynthStack): string[] {
  const labels = providerBlocks(stack).map((p) => p.location.constructPath);
  const backend = backendOf(stack);
  if (backend) labels.push(backend.location.constructPath);
  for (const name of Object.keys(stack.json.terraform?.required_providers ?? {})) labels.push(`${stack.name}/terraform/required_providers/${name}`);
  labels.push(`${stack.name}/terraform/required_version`);
  for (const name of Object.keys(stack.json.variable ?? {})) labels.push(`${stack.name}/variable/${name}`);
  for (const name of Object.keys(stack.json.output ?? {})) labels.push(`${stack.name}/output/${name}`);
  return labels;
}
