/**
 * CIDR parsing for NetworkPolicy ipBlocks: the same strict parser the landing-zone file is
 * validated with (src/landing-zone/net.ts), in the shape the constructs report problems in.
 */
import { cidrContains, parseCidr as parseStrict, type Cidr } from '../../src/landing-zone/net';

export type ParsedCidr = Cidr;

/** Either the parsed block or why it was refused. */
export type CidrResult = { readonly ok: true; readonly cidr: ParsedCidr } | { readonly ok: false; readonly problem: string };

export function parseCidr(text: string): CidrResult {
  const r = parseStrict(text);
  return 'error' in r ? { ok: false, problem: `${r.error} (${r.hint})` } : { ok: true, cidr: r };
}

export { cidrContains };
