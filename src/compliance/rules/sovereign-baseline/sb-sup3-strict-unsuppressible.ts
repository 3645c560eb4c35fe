/** SB-SUP3: in the strict profile, error-level findings cannot be suppressed (engine behaviour). */
import { jurisdiction, nist } from '../../controls';
import type { MetaRule } from '../../types';

export const rule: MetaRule = {
  id: 'SB-SUP3',
  pack: 'sovereign-baseline',
  scope: 'engine',
  level: 'error',
  title: 'Error-level findings are not suppressible in the strict profile',
  rationale:
    'From CONFIDENTIAL (ordinal 3) the strict profile applies: an error-level finding is a sovereignty or key-custody violation that no exemption may accept. The finding stays and the suppression that tried to accept it is reported (cdklabs/cdk-nag#1010).',
  fix: 'Fix the finding instead of suppressing it; only warning- and info-level findings can be accepted as risks in the strict profile.',
  controls: [nist('CA-5'), nist('RA-7'), jurisdiction('residency')],
};
