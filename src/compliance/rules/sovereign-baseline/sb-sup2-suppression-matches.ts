/** SB-SUP2: a suppression's resource pattern matches something in the stacks (engine behaviour). */
import { nist } from '../../controls';
import type { MetaRule } from '../../types';

export const rule: MetaRule = {
  id: 'SB-SUP2',
  pack: 'sovereign-baseline',
  scope: 'engine',
  level: 'error',
  title: 'Suppressions match a construct in the checked stacks',
  rationale:
    'A suppression whose resource pattern matches no construct path is a typo or refers to something that no longer exists; left in place it could silently accept a future resource of the same name (cdklabs/cdk-nag#800).',
  fix: 'Correct the resource pattern (an exact construct path such as `stack/keys/key-records`, or a glob with `*` within a segment and `**` across segments) or remove the exemption.',
  controls: [nist('CA-5'), nist('CM-3')],
};
