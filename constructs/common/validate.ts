/**
 * Eager prop validation shared by every construct: invalid props throw at construction
 * (aws-cdk style), with the construct path and every problem at once.
 */
import { Token } from 'cdktf';

/** Thrown by a construct constructor when its props are invalid. */
export class ConstructPropsError extends Error {
  constructor(
    readonly constructName: string,
    readonly problems: readonly string[],
  ) {
    super(`${constructName}: invalid props:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConstructPropsError';
  }
}

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Collects problems, then throws them together. */
export class PropChecker {
  private readonly problems: string[] = [];

  constructor(private readonly constructName: string) {}

  /** Records a problem when `ok` is false. */
  check(ok: boolean, problem: string): this {
    if (!ok) this.problems.push(problem);
    return this;
  }

  /** A DNS-1123 label (namespace, service account, role names). Unresolved tokens pass. */
  dnsLabel(field: string, value: string | undefined): this {
    if (value === undefined || Token.isUnresolved(value)) return this;
    return this.check(DNS_1123_LABEL.test(value), `${field} "${value}" is not a DNS-1123 label (lower-case letters, digits and '-', at most 63 characters)`);
  }

  /** A DNS subdomain (host names, domains). Unresolved tokens pass. */
  dnsName(field: string, value: string | undefined): this {
    if (value === undefined || Token.isUnresolved(value)) return this;
    return this.check(DNS_SUBDOMAIN.test(value), `${field} "${value}" is not a valid DNS name`);
  }

  /** A whole number within [min, max]. */
  intRange(field: string, value: number | undefined, min: number, max: number): this {
    if (value === undefined || Token.isUnresolved(value)) return this;
    return this.check(Number.isInteger(value) && value >= min && value <= max, `${field} must be a whole number from ${min} to ${max} (got ${value})`);
  }

  nonEmpty(field: string, value: readonly unknown[] | undefined): this {
    return this.check(value !== undefined && value.length > 0, `${field} must not be empty`);
  }

  unique(field: string, values: readonly string[]): this {
    const seen = new Set<string>();
    for (const v of values) {
      this.check(!seen.has(v), `${field} has "${v}" more than once`);
      seen.add(v);
    }
    return this;
  }

  /** Throws a ConstructPropsError listing every recorded problem. */
  throwIfAny(): void {
    if (this.problems.length > 0) throw new ConstructPropsError(this.constructName, this.problems);
  }
}

/** An https URL without credentials, query or fragment: what an endpoint or issuer must look like. */
export function isPlainHttpsUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && url.search === '' && url.hash === '';
}
