/** SB-SUP4: a suppression accepts at least one finding (engine behaviour). */
import { nist } from '../../controls';
import type { MetaRule } from '../../types';

export const rule: MetaRule = {
  id: 'SB-SUP4',
  pack: 'sovereign-baseline',
  scope: 'engine',
  level: 'warning',
  title: 'Suppressions accept a finding',
  rationale:
    'A suppression that matches constructs but accepts no finding (the risk was fixed, or the rule id names no rule this engine knows) is dead weight in the risk register and would silently accept the risk if it came back.',
  fix: 'Remove the exemption, or correct its rule id.',
  controls: [nist('CA-5')],
};
