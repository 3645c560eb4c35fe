/**
 * Reading synthesized trees (`DIR/stacks/<stack>/cdk.tf.json`): the one artefact the compliance
 * engine, the CBOM and the plan review all analyse. No cdktf here: it works on the output of any
 * cdktf/cdktn app.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One Terraform JSON document (`cdk.tf.json`). Only the parts analysis reads are typed. */
export interface TerraformJson {
  readonly '//'?: unknown;
  readonly terraform?: {
    readonly backend?: Record<string, Record<string, unknown>>;
    readonly required_providers?: Record<string, { readonly source?: string; readonly version?: string }>;
    readonly required_version?: string;
  };
  readonly provider?: Record<string, readonly Record<string, unknown>[]>;
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly variable?: Record<string, Record<string, unknown>>;
  readonly output?: Record<string, Record<string, unknown>>;
}

/** A synthesized stack. */
export interface SynthStack {
  readonly name: string;
  /** Path of its `cdk.tf.json`, relative to the synth directory (report locations use it). */
  readonly file: string;
  readonly json: TerraformJson;
}

/** A resource of a stack, with its construct path from the `//` metadata (or its address when absent). */
export interface ResourceRef {
  readonly stack: SynthStack;
  readonly type: string;
  readonly name: string;
  /** `type.name`, as in Terraform. */
  readonly address: string;
  readonly constructPath: string;
  readonly body: Readonly<Record<string, unknown>>;
}

export class SynthReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SynthReadError';
  }
}

/** Reads every stack of a synthesized directory, in name order. Throws SynthReadError with a one-line reason. */
export function readSynthDir(dir: string): SynthStack[] {
  const stacksDir = join(dir, 'stacks');
  if (!existsSync(dir)) throw new SynthReadError(`${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new SynthReadError(`${dir} is not a directory`);
  if (!existsSync(stacksDir) || !statSync(stacksDir).isDirectory()) throw new SynthReadError(`${dir} has no stacks/ folder: is it a synthesized cdktf output (run slz synth)?`);
  const names = readdirSync(stacksDir)
    .filter((n) => existsSync(join(stacksDir, n, 'cdk.tf.json')))
    .sort();
  if (names.length === 0) throw new SynthReadError(`${stacksDir} holds no */cdk.tf.json`);
  return names.map((name) => {
    const file = join('stacks', name, 'cdk.tf.json');
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (e) {
      throw new SynthReadError(`${file} is not valid JSON (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new SynthReadError(`${file} is not a Terraform JSON object`);
    return { name, file, json: json as TerraformJson };
  });
}

/** The construct path cdktf records in a resource's `//` metadata. */
export function constructPathOf(body: Readonly<Record<string, unknown>>): string | undefined {
  const meta = (body['//'] as { metadata?: { path?: unknown } } | undefined)?.metadata;
  return typeof meta?.path === 'string' ? meta.path : undefined;
}

/** Every resource of a stack (or its data sources with `kind: 'data'`), in document order. */
export function resourcesOf(stack: SynthStack, kind: 'resource' | 'data' = 'resource'): ResourceRef[] {
  const out: ResourceRef[] = [];
  for (const [type, byName] of Object.entries(stack.json[kind] ?? {})) {
    for (const [name, body] of Object.entries(byName)) {
      const address = kind === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
      out.push({ stack, type, name, address, constructPath: constructPathOf(body) ?? `${stack.name}/${address}`, body });
    }
  }
  return out;
}

/** Resources indexed by type, so analysis visits only the types it cares about. */
export function indexByType(stacks: readonly SynthStack[]): Map<string, ResourceRef[]> {
  const index = new Map<string, ResourceRef[]>();
  for (const stack of stacks) {
    for (const r of resourcesOf(stack)) {
      const list = index.get(r.type);
      if (list) list.push(r);
      else index.set(r.type, [r]);
    }
  }
  return index;
}
