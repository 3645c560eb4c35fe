/** CIDR and host helpers for validation (IPv4 and IPv6), on top of ipaddr.js. */
import ipaddr from 'ipaddr.js';

export interface Cidr {
  readonly text: string;
  readonly kind: 'ipv4' | 'ipv6';
  readonly address: ipaddr.IPv4 | ipaddr.IPv6;
  readonly prefix: number;
}

export type CidrParse = Cidr | { readonly error: string; readonly hint: string };

const PREFIX = /^(0|[1-9][0-9]{0,2})$/;

/**
 * Strict CIDR parsing: four-part decimal IPv4 (ipaddr.js alone also accepts shorthand such as
 * `10.1/8` or `0x0a.0.0.0/8`, which Kubernetes rejects and reviewers misread), IPv6 without zone
 * ids, and no host bits set.
 */
export function parseCidr(text: string): CidrParse {
  const parts = text.split('/');
  if (parts.length !== 2) return { error: `"${text}" is not a CIDR`, hint: 'write it as address/prefix, e.g. 10.20.0.0/16 or fd00::/8' };
  const [addr = '', len = ''] = parts;
  if (!PREFIX.test(len)) return { error: `"${text}" has an invalid prefix length`, hint: 'the prefix is a whole number, e.g. /16' };
  const prefix = Number(len);
  let kind: 'ipv4' | 'ipv6';
  if (addr.includes(':')) {
    // Zone ids (fe80::1%eth0) mean nothing in a network-wide rule.
    if (addr.includes('%') || !ipaddr.IPv6.isValid(addr)) return { error: `"${text}" is not a valid IPv6 CIDR`, hint: 'e.g. fd00:10::/32' };
    kind = 'ipv6';
  } else {
    if (!ipaddr.IPv4.isValidFourPartDecimal(addr)) return { error: `"${text}" is not a valid IPv4 CIDR`, hint: 'four decimal octets without leading zeros, e.g. 10.20.0.0/16' };
    kind = 'ipv4';
  }
  const max = kind === 'ipv4' ? 32 : 128;
  if (prefix > max) return { error: `"${text}" has a prefix longer than /${max}`, hint: `use a prefix from 0 to ${max}` };
  const address = kind === 'ipv4' ? ipaddr.IPv4.parse(addr) : ipaddr.IPv6.parse(addr);
  const network = kind === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(text) : ipaddr.IPv6.networkAddressFromCIDR(text);
  if (network.toNormalizedString() !== address.toNormalizedString()) {
    return { error: `"${text}" has host bits set`, hint: `did you mean ${network.toString()}/${prefix}?` };
  }
  return { text, kind, address, prefix };
}

/**
 * A CIDR as Kubernetes reads a NetworkPolicy's ip_block (host bits allowed, as its sloppy parser
 * does); undefined when ipaddr.js cannot read it. For synthesized JSON, never for the
 * landing-zone file, which is held to `parseCidr`.
 */
export function parseCidrLoose(text: string): Cidr | undefined {
  try {
    const [address, prefix] = ipaddr.parseCIDR(text);
    return { text, kind: address.kind(), address, prefix };
  } catch {
    return undefined;
  }
}

/** Parses a CIDR the schema has already accepted. */
export function cidrOf(text: string): Cidr {
  const c = parseCidr(text);
  if ('error' in c) throw new Error(c.error);
  return c;
}

/** Whether `inner` lies entirely inside `outer`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.kind !== inner.kind || inner.prefix < outer.prefix) return false;
  return inner.address.match([outer.address, outer.prefix] as [ipaddr.IPv4, number] & [ipaddr.IPv6, number]);
}

/** Aligned CIDR blocks overlap exactly when one contains the other. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}

export function ipInCidr(ip: string, c: Cidr): boolean {
  if (!ipaddr.isValid(ip)) return false;
  let addr = ipaddr.parse(ip);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  if (addr.kind() !== c.kind) return false;
  return addr.match([c.address, c.prefix] as [ipaddr.IPv4, number] & [ipaddr.IPv6, number]);
}

export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(host.replace(/^\[|\]$/g, ''));
}

/** Host part of an https URL or a host:port string, lower-cased, without IPv6 brackets. */
export function hostOf(endpoint: string): string | undefined {
  try {
    const url = endpoint.includes('://') ? new URL(endpoint) : new URL(`tcp://${endpoint}`);
    return url.hostname.replace(/^\[|\]$/g, '').toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

export function hostUnderDomain(host: string, domain: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const d = domain.toLowerCase().replace(/\.$/, '');
  return h === d || h.endsWith(`.${d}`);
}
