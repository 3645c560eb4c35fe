/**
 * Raw cdktf baseline: the same Terraform resources created directly with the provider classes in
 * a plain cdktf app — no validation, no constructs, no analysis, no reports. The resources come
 * from a tree the pipeline synthesized earlier (read before the clock starts); each is re-created
 * with its provider class (deep import) and the app synthesized.
 * Usage: node baseline.js SYNTHDIR OUTDIR
 *
 * Config keys are camel-cased back from the JSON; map-typed attributes (labels, options) are
 * camel-cased too, so the output is not byte-identical to ours — the work cdktf does is the same.
 */
import { readSynthDir, type TerraformJson } from '../../src/synthesized';
import { now, report } from './common';

const [synthDir, outdir] = process.argv.slice(2) as [string, string];
const stacks = readSynthDir(synthDir);

function camel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camel);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '//') continue;
      out[/^[a-z][a-z0-9_]*$/.test(k) ? k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) : k] = camel(v);
    }
    return out;
  }
  return value;
}

type Ctor = new (scope: unknown, id: string, config: unknown) => unknown;

function providerClass(name: string): Ctor {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(`@cdktf/provider-${name}/lib/provider`) as Record<string, Ctor>;
  const cls = mod[`${name.charAt(0).toUpperCase()}${name.slice(1)}Provider`];
  if (!cls) throw new Error(`no provider class in @cdktf/provider-${name}/lib/provider`);
  return cls;
}

function classFor(type: string): Ctor {
  const [provider, ...rest] = type.split('_');
  const kebab = rest.join('-');
  const className = rest.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(`@cdktf/provider-${provider}/lib/${kebab}`) as Record<string, Ctor>;
  const cls = mod[className];
  if (!cls) throw new Error(`no class ${className} in @cdktf/provider-${provider}/lib/${kebab}`);
  return cls;
}

const t0 = now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { App, TerraformStack } = require('cdktf') as typeof import('cdktf');
const app = new App({ outdir, stackTraces: false });
let resources = 0;
for (const s of stacks) {
  const stack = new TerraformStack(app, s.name);
  const json: TerraformJson = s.json;
  for (const [name, configs] of Object.entries(json.provider ?? {})) {
    const Provider = providerClass(name);
    new Provider(stack, name, camel(configs[0]));
  }
  for (const [type, byName] of Object.entries(json.resource ?? {})) {
    const Cls = classFor(type);
    for (const [id, body] of Object.entries(byName)) {
      new Cls(stack, id, camel(body));
      resources++;
    }
  }
}
const t1 = now();
app.synth();
const t2 = now();
report({ construct: t1 - t0, synth: t2 - t1 }, { resources });
