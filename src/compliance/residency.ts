/**
 * Residency judgements shared by the sovereign-baseline rules: whether the catalogue binds
 * technical data at the context's ordinal, and whether an endpoint is in-country (under the
 * declared `endpointDomains` or inside `inCountryCidrs`). The same test `slz validate` applies to
 * the landing-zone file, re-applied to the synthesized JSON.
 */
import { foreignLawRulesAt, residencyRulesAt, residencyThreshold, type Ordinal, type ResidencyRule } from '../jurisdictions';
import { cidrOf, hostOf, hostUnderDomain, ipInCidr, isIpLiteral } from '../landing-zone/net';
import type { LandingZoneContext, Outcome, RuleContext } from './types';
import { isExpression } from '../synthesized/values';

export type ResidencyScope =
  | { readonly kind: 'no-context' }
  | { readonly kind: 'below'; readonly lz: LandingZoneContext; readonly threshold: Ordinal | null }
  | { readonly kind: 'applies'; readonly lz: LandingZoneContext; readonly rules: readonly ResidencyRule[]; readonly where: string };

/** Whether residency of technical data (endpoints, logs, state) applies at the context's ordinal. */
export function technicalDataResidency(ctx: RuleContext): ResidencyScope {
  const lz = ctx.landingZone;
  if (!lz) return { kind: 'no-context' };
  const rules = residencyRulesAt(lz.jurisdiction, lz.ordinal).filter((r) => r.includesTechnicalData);
  if (rules.length === 0) return { kind: 'below', lz, threshold: residencyThreshold(lz.jurisdiction) };
  const where = [...new Set(rules.flatMap((r) => r.dataMustResideIn))].join('/');
  return { kind: 'applies', lz, rules, where };
}

/** The legal jurisdictions operators may be under at the context's ordinal, or undefined when no rule binds them. */
export function allowedOperatorJurisdictions(lz: LandingZoneContext): readonly string[] | undefined {
  const rules = foreignLawRulesAt(lz.jurisdiction, lz.ordinal);
  if (rules.length === 0) return undefined;
  // Every rule in force must hold: the allowed set is the intersection.
  return rules.map((r) => r.allowedOperatorJurisdictions ?? []).reduce((a, b) => a.filter((x) => b.includes(x)));
}

/**
 * For resource rules: the scope when residency applies, or the outcome to return instead
 * (`unknown` without a context, `not-applicable` below the threshold).
 */
export function resourceResidency(ctx: RuleContext): Extract<ResidencyScope, { kind: 'applies' }> | Outcome {
  const scope = technicalDataResidency(ctx);
  if (scope.kind === 'no-context') return { status: 'unknown', message: NO_CONTEXT_MESSAGE };
  if (scope.kind === 'below') return { status: 'not-applicable' };
  return scope;
}

export const NO_CONTEXT_MESSAGE = 'no landing-zone context (DIR/slz-context.json, or slz check --context FILE or --jurisdiction …): residency cannot be judged without the jurisdiction, classification and declared in-country networks';

export type EndpointVerdict =
  | { readonly verdict: 'in'; readonly host: string; readonly why: string }
  | { readonly verdict: 'out'; readonly host: string; readonly why: string }
  | { readonly verdict: 'unknown'; readonly why: string };

export interface EndpointOptions {
  /** Treat cluster-internal service names (`*.svc`, `*.svc.cluster.local`) as in-country: the cluster itself is checked elsewhere. */
  readonly clusterLocal?: boolean;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function isClusterLocal(host: string): boolean {
  return /(^|\.)svc(\.cluster\.local)?$/.test(host) || host === 'kubernetes.default' || host === 'kubernetes';
}

/** Judges one endpoint (URL, `host:port` or bare host) against the declared in-country endpoints. */
export function judgeEndpoint(value: unknown, lz: LandingZoneContext, options: EndpointOptions = {}): EndpointVerdict {
  if (typeof value !== 'string') return { verdict: 'unknown', why: `not a string (${JSON.stringify(value)})` };
  if (isExpression(value)) return { verdict: 'unknown', why: `${value} is only known at plan time` };
  const host = hostOf(value.trim());
  if (!host) return { verdict: 'unknown', why: `no host can be read from "${value}"` };
  if (isLoopback(host)) return { verdict: 'in', host, why: `${host} is the local host (a relay beside the server)` };
  if (options.clusterLocal && isClusterLocal(host)) return { verdict: 'in', host, why: `${host} is a cluster-internal service name` };
  if (isIpLiteral(host)) {
    const cidrs = lz.inCountryCidrs.map((c) => {
      try {
        return cidrOf(c);
      } catch {
        return undefined;
      }
    });
    const hit = lz.inCountryCidrs.find((_, i) => cidrs[i] !== undefined && ipInCidr(host, cidrs[i]!));
    return hit
      ? { verdict: 'in', host, why: `${host} is inside ${hit}` }
      : { verdict: 'out', host, why: `${host} is not inside the declared in-country networks (${lz.inCountryCidrs.join(', ') || 'none declared'})` };
  }
  const domain = lz.endpointDomains.find((d) => hostUnderDomain(host, d));
  return domain
    ? { verdict: 'in', host, why: `${host} is under ${domain}` }
    : { verdict: 'out', host, why: `${host} is not under the declared in-country domains (${lz.endpointDomains.join(', ') || 'none declared'})` };
}
