/**
 * Strict CIDR parsing for NetworkPolicy ipBlocks (IPv4 and IPv6), on top of ipaddr.js.
 *
 * Stricter than `ipaddr.parseCIDR` on purpose: ipaddr accepts shorthand IPv4 such as `10.1/8`
 * or `0x0a.0.0.0/8`, which the Kubernetes API rejects and a reviewer could misread.
 */
import ipaddr from 'ipaddr.js';

export interface ParsedCidr {
  readonly text: string;
  readonly kind: 'ipv4' | 'ipv6';
  readonly address: ipaddr.IPv4 | ipaddr.IPv6;
  readonly prefix: number;
}

/** Either the parsed block or why it was refused. */
export type CidrResult = { readonly ok: true; readonly cidr: ParsedCidr } | { readonly ok: false; readonly problem: string };

const PREFIX = /^(0|[1-9][0-9]{0,2})$/;

export function parseCidr(text: string): CidrResult {
  const parts = text.split('/');
  if (parts.length !== 2) return { ok: false, problem: `"${text}" is not a CIDR (write address/prefix, e.g. 10.20.0.0/16 or fd00:10::/32)` };
  const [addr = '', len = ''] = parts;
  if (!PREFIX.test(len)) return { ok: false, problem: `"${text}" has an invalid prefix length` };
  const prefix = Number(len);

  let kind: 'ipv4' | 'ipv6';
  if (addr.includes(':')) {
    // Zone ids (fe80::1%eth0) mean nothing in a cluster-wide policy.
    if (addr.includes('%') || !ipaddr.IPv6.isValid(addr)) return { ok: false, problem: `"${text}" is not a valid IPv6 CIDR` };
    kind = 'ipv6';
  } else {
    if (!ipaddr.IPv4.isValidFourPartDecimal(addr)) return { ok: false, problem: `"${text}" is not a valid IPv4 CIDR (four decimal octets, no leading zeros)` };
    kind = 'ipv4';
  }
  const max = kind === 'ipv4' ? 32 : 128;
  if (prefix > max) return { ok: false, problem: `"${text}" has a prefix longer than /${max}` };

  const address = kind === 'ipv4' ? ipaddr.IPv4.parse(addr) : ipaddr.IPv6.parse(addr);
  const network = kind === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(text) : ipaddr.IPv6.networkAddressFromCIDR(text);
  if (network.toNormalizedString() !== address.toNormalizedString()) {
    // A block with host bits set is almost always a typo for a wider or narrower block.
    return { ok: false, problem: `"${text}" has host bits set (did you mean ${network.toString()}/${prefix}?)` };
  }
  return { ok: true, cidr: { text, kind, address, prefix } };
}

/**
 * Whether `inner` lies entirely inside `outer`. Address families never mix: an IPv4-mapped IPv6
 * block is not treated as inside an IPv4 block, so it has to be declared in-country explicitly.
 */
export function cidrContains(outer: ParsedCidr, inner: ParsedCidr): boolean {
  if (outer.kind !== inner.kind || inner.prefix < outer.prefix) return false;
  return inner.address.match(outer.address, outer.prefix);
}
