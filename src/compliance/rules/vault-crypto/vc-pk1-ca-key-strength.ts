/** VC-PK1: CA and certificate keys meet the size floor and the jurisdiction's crypto policy. */
import { fail, pass, unknown } from '../../attributes';
import { describePkiKey, evaluateAlgorithm, PKI_KEY_TYPES, type PkiKeyType } from '../../../jurisdictions';
import { pkiKeyBits, pkiKeyType } from '../../../synthesized/vault/pki';
import { ir8547, jurisdiction, nist, snc } from '../../controls';
import type { Outcome, ResourceRule } from '../../types';
import { readNumber } from '../../../synthesized/values';

/** Floors without a landing-zone context (the sovereign profile of controls-and-rules.md §4). */
const FLOOR: Readonly<Record<PkiKeyType, number>> = { rsa: 3072, ec: 384, ed25519: 0 };
export const MIN_SIGNATURE_BITS = 384;

export const rule: ResourceRule = {
  id: 'VC-PK1',
  pack: 'vault-crypto',
  scope: 'resource',
  level: 'error',
  title: 'CA and certificate keys are strong enough',
  rationale:
    "Certificates issued today must stay trustworthy for their lifetime: 112-bit keys (RSA-2048, P-224) are deprecated after 2030 by NIST IR 8547. Keys are judged against the jurisdiction's crypto policy (the single algorithm table); without a context, RSA ≥ 3072 and EC ≥ 384. signature_bits, when set, must be at least 384.",
  fix: 'Use key_type = "ec" with key_bits = 384 (or RSA ≥ 3072) for root, intermediate and role keys (pki.keyType / pki.keyBits in the landing-zone file), and signature_bits ≥ 384.',
  controls: [ir8547('112-bit security deprecated after 2030'), nist('SC-12'), nist('SC-13'), nist('SC-17'), snc('10.1.b'), jurisdiction('crypto.allowed')],
  resourceTypes: ['vault_pki_secret_backend_root_cert', 'vault_pki_secret_backend_intermediate_cert_request', 'vault_pki_secret_backend_key', 'vault_pki_secret_backend_role'],
  check(resource, ctx) {
    const out: Outcome[] = [];
    const kt = pkiKeyType(resource.body);
    if (kt.kind === 'unresolved') return unknown(`key_type is ${kt.expression}, known only at plan time`, 'key_type');
    if (kt.kind === 'any') return pass(); // VC-PK4 refuses it on roles
    if (kt.kind === 'unrecognised') {
      const shown = typeof kt.value === 'string' || typeof kt.value === 'number' || typeof kt.value === 'boolean' ? String(kt.value) : JSON.stringify(kt.value);
      return fail(`key_type ${shown} is not a PKI key type this tool can classify (${PKI_KEY_TYPES.join(', ')})`, 'key_type');
    }
    const type = kt.keyType;
    const kb = pkiKeyBits(resource.body, type);
    if (kb.kind === 'unresolved') return unknown(`key_bits is ${kb.expression}, known only at plan time`, 'key_bits');
    if (kb.kind === 'invalid') return unknown(`key_bits is not a number (${JSON.stringify(kb.value)})`, 'key_bits');
    const bits = kb.bits;
    const shown = `${type} ${type === 'ed25519' ? '' : bits}`.trim() + (kb.defaulted ? ' (the default)' : '');
    const lz = ctx.landingZone;
    if (lz) {
      let verdict;
      try {
        verdict = evaluateAlgorithm(lz.jurisdiction.crypto, describePkiKey(type, bits), ctx.today);
      } catch {
        return fail(`${shown} is not a valid ${type} key size`, 'key_bits');
      }
      if (verdict.status === 'not-allowed' || verdict.status === 'disallowed') out.push(fail(`${shown}: ${verdict.reason}`, readNumber(resource.body, 'key_bits').kind === 'absent' ? 'key_type' : 'key_bits'));
    } else if (bits < FLOOR[type]) {
      out.push(fail(`${shown} is below the floor of ${FLOOR[type]} bits for ${type} keys`, 'key_bits'));
    }
    const sb = readNumber(resource.body, 'signature_bits');
    if (sb.kind === 'unresolved') out.push(unknown(`signature_bits is ${sb.expression}, known only at plan time`, 'signature_bits'));
    else if (sb.kind === 'value' && sb.value !== 0 && sb.value < MIN_SIGNATURE_BITS) out.push(fail(`signature_bits ${sb.value} is below ${MIN_SIGNATURE_BITS}`, 'signature_bits'));
    return out.length ? out : pass();
  },
};
