/** SB-SEC2: sensitive variables have no default, and secret-named inputs and outputs are marked sensitive. */
import { fail, pass } from '../../attributes';
import { nist } from '../../controls';
import { stackLocation } from '../../subjects';
import type { StackOutcome, StackRule } from '../../types';

/** Names that say they hold a secret. */
export const SECRET_NAME = /(^|[-_.])(password|passwd|secret|token|api[-_]?key|private[-_]?key|client[-_]?secret|credentials?)$/i;

export const rule: StackRule = {
  id: 'SB-SEC2',
  pack: 'sovereign-baseline',
  scope: 'stack',
  level: 'error',
  title: 'Secret inputs and outputs are sensitive and have no default',
  rationale:
    'A default value of a sensitive variable is a secret written into the JSON; a secret-named variable or output that is not marked sensitive is printed in plans and CI logs.',
  fix: 'Declare secret variables with sensitive = true and no default (supply them as TF_VAR_<name> at apply time); mark secret outputs sensitive = true.',
  controls: [nist('IA-5(7)'), nist('SC-28'), nist('AU-9')],
  check(stack) {
    const out: StackOutcome[] = [];
    for (const [name, v] of Object.entries(stack.json.variable ?? {})) {
      const location = stackLocation(stack, `variable/${name}`, ['variable', name]);
      const sensitive = v['sensitive'] === true;
      const secretNamed = SECRET_NAME.test(name);
      if (!sensitive && !secretNamed) continue;
      const problems: StackOutcome[] = [];
      const d = v['default'];
      if (d !== undefined && d !== null && d !== '') problems.push({ location, outcome: fail(`variable ${name} holds a secret but has a default value`, 'default') });
      if (secretNamed && !sensitive) problems.push({ location, outcome: fail(`variable ${name} is named like a secret but is not marked sensitive`, 'sensitive') });
      out.push(...(problems.length ? problems : [{ location, outcome: pass() }]));
    }
    for (const [name, o] of Object.entries(stack.json.output ?? {})) {
      if (!SECRET_NAME.test(name)) continue;
      const location = stackLocation(stack, `output/${name}`, ['output', name]);
      out.push({ location, outcome: o['sensitive'] === true ? pass() : fail(`output ${name} is named like a secret but is not marked sensitive`, 'sensitive') });
    }
    return out;
  },
};
