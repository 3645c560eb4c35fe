/** Labels that mark every Kubernetes object the library creates with its sovereignty context. */
import { LABEL_PREFIX } from '../../src/synthesized/kubernetes/namespace';

export { LABEL_PREFIX };

/** The sovereignty context a tenant's objects carry. */
export interface SovereigntyContext {
  /** Agency slug (DNS-1123 label), e.g. `moh`. */
  readonly agency: string;
  /** Classification label as written in the landing-zone file, e.g. `SULIT`. */
  readonly classification: string;
  /** ISO 3166-1 alpha-2 code, e.g. `MY`. */
  readonly jurisdiction: string;
  /** Region name from the landing-zone file, e.g. `cyberjaya`. */
  readonly region: string;
}

/** Kubernetes label values allow [A-Za-z0-9_.-], at most 63 characters. */
export function labelValue(value: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return cleaned.slice(0, 63).replace(/[^A-Za-z0-9]+$/, '');
}

export function sovereigntyLabels(ctx: SovereigntyContext, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'app.kubernetes.io/managed-by': 'sovereign-landing-zone',
    [`${LABEL_PREFIX}/agency`]: labelValue(ctx.agency),
    [`${LABEL_PREFIX}/classification`]: labelValue(ctx.classification),
    [`${LABEL_PREFIX}/jurisdiction`]: labelValue(ctx.jurisdiction),
    [`${LABEL_PREFIX}/region`]: labelValue(ctx.region),
    ...extra,
  };
}
