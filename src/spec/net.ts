/** CIDR and host helpers for validation (IPv4 and IPv6), on top of ipaddr.js. */
import ipaddr from 'ipaddr.js';

export interface Cidr {
  readonly text: string;
  readonly kind: 'ipv4' | 'ipv6';
  readonly address: ipaddr.IPv4 | ipaddr.IPv6;
  readonly prefix: number;
}

export type CidrParse = Cidr | { readonly error: string; readonly hint: string };

export function parseCidr(text: string): CidrParse {
  if (!text.includes('/')) return { error: `"${text}" is not a CIDR`, hint: 'write it as address/prefix, e.g. 10.20.0.0/16' };
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(text);
  } catch {
    return { error: `"${text}" is not a CIDR`, hint: 'write it as address/prefix, e.g. 10.20.0.0/16 or fd00::/8' };
  }
  const [address, prefix] = parsed;
  const kind = address.kind();
  const network = kind === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(text) : ipaddr.IPv6.networkAddressFromCIDR(text);
  if (network.toString() !== address.toString()) {
    return { error: `"${text}" has host bits set`, hint: `did you mean ${network.toString()}/${prefix}?` };
  }
  return { text, kind, address, prefix };
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
