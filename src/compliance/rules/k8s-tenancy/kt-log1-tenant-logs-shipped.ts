/** KT-LOG1: every tenant namespace's container logs are read by a log collector of its cluster. */
import type { SynthStack } from '../../../synthesized';
import { memo } from '../../memo';
import type { RuleContext, StackRule } from '../../types';
import { allStacks, fail, isLogCollector, namespacesOf, pass, resourcesInNamespace, unknown } from './_shared';
import { sameCluster } from '../../../synthesized/kubernetes/cluster';
import { containerLogPath, globMatcher, tailedPaths } from '../../../synthesized/kubernetes/log-collector';
import { metadataOf, type NamespaceInfo } from '../../../synthesized/kubernetes/namespace';
import { CONFIG_MAP_TYPES } from '../../../synthesized/kubernetes/resource-types';
import { stringMap } from '../../../synthesized/values';

export const rule: StackRule = {
  id: 'KT-LOG1',
  pack: 'k8s-tenancy',
  level: 'error',
  scope: 'stack',
  title: 'Every tenant namespace is covered by a log collector',
  rationale:
    "A tenant whose container logs no collector reads keeps no record in the in-country sink: an incident in it leaves no trace " +
    'the agency holds. A collector covers a namespace when a tail input of its Fluent Bit configuration (a ConfigMap in the ' +
    'log-collector namespace of the same cluster) reads that namespace\'s container log files.',
  fix: 'Ship the namespace: a TenancyStack adds its namespace to its region\'s LogForwarder (addTenantNamespace); a forwarder built by hand lists it in tenantNamespaces.',
  controls: [
    { framework: 'NIST-800-53', id: 'AU-2' },
    { framework: 'NIST-800-53', id: 'AU-9(2)' },
    { framework: 'BSI-C5', id: 'OPS-10' },
    { framework: 'SECNUMCLOUD', id: '12.6.a' },
  ],
  check(stack, ctx) {
    const tenants = namespacesOf(stack).filter((ns) => ns.tenant && ns.name !== undefined);
    if (tenants.length === 0) return [];
    const collectors = allStacks(ctx, stack) === ctx.stacks ? memo(ctx, 'k8s:log-collectors', () => logCollectors(ctx, stack)) : logCollectors(ctx, stack);
    return tenants.map((ns) => {
      // A forwarder lists one glob per namespace: the globs naming this one are tried first, so a
      // collector of a thousand tenants costs a lookup, not a thousand matches, per namespace.
      const file = containerLogPath(ns.name!);
      let undecided = false;
      for (const c of collectors) {
        if (sameCluster(ns.cluster, c.ns.cluster) === 'different') continue;
        if (c.reads.some((r) => r.glob.includes(ns.name!) && r.matches(file)) || c.reads.some((r) => r.matches(file))) return { resource: ns.ref, outcome: pass };
        if (c.unresolved) undecided = true;
      }
      if (undecided) return { resource: ns.ref, outcome: unknown(`${ns.label}: whether a log collector reads its container logs depends on values known only at plan time`) };
      const names = collectors.map((c) => c.name);
      return {
        resource: ns.ref,
        outcome: fail(
          `${ns.label}'s container logs are read by no log collector of its cluster${names.length ? ` (the collector configurations ${names.join(', ')} do not tail ${file.replace('pod_', '*_').replace(/_container-.*$/, '_*.log')})` : ' (there is none)'}: nothing of it reaches the in-country sink`,
        ),
      };
    });
  },
};

/** One Fluent Bit configuration kept in a log-collector namespace: the files its tail inputs read, parsed once per run. */
interface LogCollector {
  readonly ns: NamespaceInfo;
  readonly name: string;
  readonly reads: readonly { readonly glob: string; readonly matches: (path: string) => boolean }[];
  /** Part of its configuration is known only at plan time. */
  readonly unresolved: boolean;
}

function logCollectors(ctx: RuleContext, stack: SynthStack): LogCollector[] {
  return allStacks(ctx, stack)
    .flatMap(namespacesOf)
    .filter(isLogCollector)
    .flatMap((ns) => resourcesInNamespace(ns, CONFIG_MAP_TYPES, ctx).sure.map((cm) => ({ ns, cm })))
    .map(({ ns, cm }) => {
      const data = stringMap(cm.body.data);
      const reads: LogCollector['reads'][number][] = [];
      let unresolved = data === 'unresolved';
      if (data !== 'unresolved') {
        for (const value of Object.values(data ?? {})) {
          const paths = tailedPaths(value);
          if (paths === 'unresolved') unresolved = true;
          else for (const glob of paths ?? []) reads.push({ glob, matches: globMatcher(glob) });
        }
      }
      return { ns, name: String(metadataOf(cm.body).name), reads, unresolved };
    });
}
