/** VC-TR3: transit keys rotate automatically within the jurisdiction's cryptoperiod. */
import { fail, formatSeconds, pass, unknown } from '../../attributes';
import { c5, jurisdiction, nist, sp80057 } from '../../controls';
import type { KeyCategory, TransitKeyType } from '../../../jurisdictions';
import type { ResourceRule } from '../../types';
import { autoRotatePeriod, transitKeyType } from '../../../synthesized/vault/transit-key';

/** Vault's minimum auto-rotation period. */
export const MIN_ROTATE_SECONDS = 3600;

/** The key categories a transit type can serve (the file's declared purpose is not in the JSON): the longest of their cryptoperiods applies. */
export function categoriesOf(type: TransitKeyType | undefined): KeyCategory[] {
  if (type === undefined) return ['dataEncryption', 'keyWrapping', 'authentication', 'signing'];
  if (type === 'hmac' || type.endsWith('-cmac')) return ['authentication'];
  if (type.startsWith('rsa-')) return ['dataEncryption', 'keyWrapping', 'signing'];
  if (type.startsWith('aes') || type === 'chacha20-poly1305') return ['dataEncryption', 'keyWrapping'];
  return ['signing'];
}

export const rule: ResourceRule = {
  id: 'VC-TR3',
  pack: 'vault-crypto',
  scope: 'resource',
  level: 'warning',
  title: 'Transit keys rotate automatically within the cryptoperiod',
  rationale:
    "A key that never rotates protects ever more data under one secret. auto_rotate_period must be set, at least Vault's minimum of one hour, and no longer than the jurisdiction's maximum cryptoperiod for the key's category (NIST SP 800-57 Pt 1 Table 1 as catalogued).",
  fix: 'Set rotateDays on the key in the landing-zone file (auto_rotate_period in seconds), within the cryptoperiod `slz jurisdictions <CODE>` lists.',
  controls: [sp80057('Pt1 Table 1'), c5('CRY-04'), nist('SC-12'), jurisdiction('crypto.maxCryptoperiodDays')],
  resourceTypes: ['vault_transit_secret_backend_key'],
  check(resource, ctx) {
    const r = autoRotatePeriod(resource.body);
    if (r.kind === 'unresolved') return unknown(`auto_rotate_period is ${r.expression}, known only at plan time`, 'auto_rotate_period');
    if (r.kind === 'absent') return fail('auto_rotate_period is not set: the key never rotates automatically', 'auto_rotate_period');
    if (r.kind === 'invalid') return unknown(`auto_rotate_period ${JSON.stringify(r.value)} is not a duration`, 'auto_rotate_period');
    const seconds = r.seconds;
    if (seconds === 0) return fail('auto_rotate_period is 0: automatic rotation is off', 'auto_rotate_period');
    if (seconds < MIN_ROTATE_SECONDS) return fail(`auto_rotate_period ${formatSeconds(seconds)} is below Vault's minimum of one hour`, 'auto_rotate_period');
    const lz = ctx.landingZone;
    if (!lz) return unknown(`auto_rotate_period is ${formatSeconds(seconds)}; without a landing-zone context the jurisdiction's cryptoperiod is unknown`, 'auto_rotate_period');
    const t = transitKeyType(resource.body);
    const categories = categoriesOf(t.kind === 'known' ? t.type : undefined);
    const maxDays = Math.max(...categories.map((c) => lz.jurisdiction.crypto.maxCryptoperiodDays[c]));
    if (seconds > maxDays * 86400) {
      return fail(`auto_rotate_period ${formatSeconds(seconds)} exceeds ${lz.jurisdiction.name}'s maximum cryptoperiod of ${maxDays} days for ${categories.join('/')} keys`, 'auto_rotate_period');
    }
    return pass();
  },
};
