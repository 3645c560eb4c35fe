/** SB-SUP1: every suppression is well-formed and in date (engine behaviour). */
import { nist } from '../../controls';
import type { MetaRule } from '../../types';

export const rule: MetaRule = {
  id: 'SB-SUP1',
  pack: 'sovereign-baseline',
  scope: 'engine',
  level: 'error',
  title: 'Suppressions are well-formed and not expired',
  rationale:
    'An accepted risk must say why (a reason of at least 10 characters), who owns it and until when. An expired suppression no longer accepts anything: the finding it covered is reported again, with this error beside it.',
  fix: 'Give the exemption a reason of at least 10 characters, an owner, a valid expiry date (YYYY-MM-DD) and an exact rule id; renew an expired one only after a new review, or remove it and fix the finding.',
  controls: [nist('CA-5'), nist('RA-7')],
};
