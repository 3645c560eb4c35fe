/**
 * Which cluster a resource is applied to: two stacks talk to the same cluster when their
 * kubernetes provider configurations name the same API server (or, without a host, the same
 * kubeconfig context).
 */
import type { SynthStack } from '../tree';
import { literal } from '../values';

/** A key identifying the cluster a resource is applied to; undefined when it is a reference. */
export function clusterOf(stack: SynthStack, body: Readonly<Record<string, unknown>>): string | undefined {
  const configs = (stack.json.provider?.kubernetes ?? []).filter((c): c is Record<string, unknown> => !!c && typeof c === 'object');
  if (configs.length === 0) return 'env:';
  const providerRef = typeof body.provider === 'string' ? body.provider.replace(/^\$\{|\}$/g, '') : undefined;
  const alias = providerRef?.startsWith('kubernetes.') ? providerRef.slice('kubernetes.'.length) : undefined;
  const config = alias ? configs.find((c) => c.alias === alias) : (configs.find((c) => c.alias === undefined || c.alias === null) ?? configs[0]);
  if (!config) return undefined;
  if (config.host !== undefined && config.host !== null) {
    const host = literal(config.host);
    return host === undefined ? undefined : `host:${host.trim().toLowerCase().replace(/\/+$/, '')}`;
  }
  if (config.config_context !== undefined && config.config_context !== null) {
    const context = literal(config.config_context);
    return context === undefined ? undefined : `context:${context}`;
  }
  return 'env:';
}

export function sameCluster(a: string | undefined, b: string | undefined): 'same' | 'different' | 'unknown' {
  if (a === undefined || b === undefined) return 'unknown';
  return a === b ? 'same' : 'different';
}
