/** SB-RES5: the log forwarder ships tenant logs only to in-country hosts. */
import { fail, notApplicable, pass, unknown } from '../../attributes';
import { c5, jurisdiction, nist, snc } from '../../controls';
import { judgeEndpoint, resourceResidency } from '../../residency';
import type { Outcome, ResourceRule } from '../../types';
import { isExpression } from '../../../synthesized/values';

/** `Host` values of the `[OUTPUT]` sections of a Fluent Bit classic-format configuration. */
export function fluentBitOutputHosts(conf: string): { name: string; host: string | undefined }[] {
  const outputs: { name: string; host: string | undefined }[] = [];
  let current: { name: string; host: string | undefined } | undefined;
  for (const raw of conf.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const section = /^\[([A-Za-z_]+)\]$/.exec(line);
    if (section) {
      current = section[1]!.toUpperCase() === 'OUTPUT' ? { name: '', host: undefined } : undefined;
      if (current) outputs.push(current);
      continue;
    }
    if (!current) continue;
    const kv = /^([A-Za-z0-9_.-]+)\s+(.*)$/.exec(line);
    if (!kv) continue;
    const key = kv[1]!.toLowerCase();
    if (key === 'name') current.name = kv[2]!.trim();
    if (key === 'host') current.host = kv[2]!.trim();
  }
  return outputs;
}

/** Outputs that write locally or to the cluster, not to a network host. */
const LOCAL_OUTPUTS = new Set(['stdout', 'file', 'null', 'counter', 'exit']);

export const rule: ResourceRule = {
  id: 'SB-RES5',
  pack: 'sovereign-baseline',
  scope: 'resource',
  level: 'error',
  title: 'Log forwarder outputs are in-country',
  rationale:
    'Container logs of classified tenants are technical data and often carry personal data. The log forwarder (Fluent Bit) must send them only to the in-country sink.',
  fix: 'Set logging.sink.address to an in-country host (under network.endpointDomains or inside network.inCountryCidrs); do not add outputs to other destinations.',
  controls: [snc('12.7.c'), snc('19.2.d'), c5('OPS-14'), nist('AU-9(2)'), jurisdiction('residency')],
  resourceTypes: ['kubernetes_config_map_v1', 'kubernetes_config_map'],
  check(resource, ctx) {
    const data = resource.body['data'];
    if (!data || typeof data !== 'object') return notApplicable();
    const confs = Object.entries(data as Record<string, unknown>).filter(([, v]) => typeof v === 'string' && /^\s*\[OUTPUT\]\s*$/im.test(v));
    if (confs.length === 0) return notApplicable();
    const scope = resourceResidency(ctx);
    if (!('kind' in scope)) return scope;
    const out: Outcome[] = [];
    for (const [key, text] of confs) {
      for (const o of fluentBitOutputHosts(text as string)) {
        const attribute = `data[${JSON.stringify(key)}]`;
        if (o.host === undefined) {
          out.push(LOCAL_OUTPUTS.has(o.name.toLowerCase()) ? pass() : unknown(`output ${o.name || '(unnamed)'} sets no Host (the plugin default applies)`, attribute));
          continue;
        }
        if (isExpression(o.host)) {
          out.push(unknown(`output ${o.name} Host ${o.host} is an environment or Terraform expression`, attribute));
          continue;
        }
        const v = judgeEndpoint(o.host, scope.lz);
        if (v.verdict === 'in') out.push(pass());
        else if (v.verdict === 'out') out.push(fail(`output ${o.name} ships logs to ${v.host}: ${v.why}; at ${scope.lz.classification} they must stay in ${scope.where}`, attribute));
        else out.push(unknown(v.why, attribute));
      }
    }
    return out.length ? out : notApplicable();
  },
};
