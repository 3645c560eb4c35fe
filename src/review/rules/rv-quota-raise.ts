/** RV-QUOTA-RAISE: a resource quota or limit grows by more than half, or is removed. */
import { quantityValue } from '../../synthesized/kubernetes/quantity';
import { LIMIT_RANGE_TYPES, RESOURCE_QUOTA_TYPES } from '../../synthesized/kubernetes/resource-types';
import { block, entries, literal, valueAt } from '../../synthesized/values';
import { few, k8sName, one, q } from './_shared';
import type { ChangeRule } from './types';

/** Growth beyond this factor is reported. */
const RAISE = 1.5;

export const rule: ChangeRule = {
  id: 'RV-QUOTA-RAISE',
  level: 'MEDIUM',
  title: 'Quota or limit raised',
  help: 'A resource quota or limit grows by more than half, or is removed.',
  tags: ['kubernetes', 'quota'],
  scope: 'change',
  types: [...RESOURCE_QUOTA_TYPES, ...LIMIT_RANGE_TYPES],
  checks: 'an updated ResourceQuota (`spec.hard`) or LimitRange (max, default, default_request) whose quantity grows by more than half, or disappears',
  changed({ change, before, after, isUpdate }) {
    const quota = RESOURCE_QUOTA_TYPES.includes(change.type);
    if (!isUpdate || (!quota && !LIMIT_RANGE_TYPES.includes(change.type))) return [];
    const raised: string[] = [];
    const compare = (label: string, vb: unknown, va: unknown) => {
      const b = quantityValue(vb);
      if (b === undefined) return;
      const a = quantityValue(va);
      if (va === undefined || va === null) raised.push(`${label} removed (was ${String(vb)})`);
      else if (a !== undefined && a > b * RAISE) raised.push(`${label} ${String(vb)} → ${String(va)}`);
    };
    if (quota) {
      const hb = block(valueAt(before, 'spec', 'hard'));
      const ha = block(valueAt(after, 'spec', 'hard'));
      if (hb) for (const [k, v] of Object.entries(hb)) compare(k, v, ha ? ha[k] : undefined);
    } else {
      const lb = entries(valueAt(before, 'spec', 'limit'));
      const la = entries(valueAt(after, 'spec', 'limit'));
      lb.forEach((limit, i) => {
        for (const field of ['max', 'default', 'default_request']) {
          const vb = block(valueAt(limit, field));
          const va = block(valueAt(la[i], field));
          if (vb) for (const [k, v] of Object.entries(vb)) compare(`${literal(valueAt(limit, 'type')) ?? 'limit'} ${field} ${k}`, v, va ? va[k] : undefined);
        }
      });
    }
    return one(raised.length > 0 && `${quota ? 'Quota' : 'Limit range'} ${q(k8sName(after))}: ${few(raised)}.`);
  },
};
