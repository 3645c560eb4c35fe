/** RV-AUTH-WIDEN: a Vault auth role accepts more identities or hands out more policies. */
import { cidrContains, parseCidr, type Cidr } from '../../landing-zone/net';
import { block, literal, stringList, valueAt } from '../../synthesized/values';
import { canonical } from '../values';
import { AUTH_ROLE_TYPES } from './_auth';
import { few, nameOf, one, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-AUTH-WIDEN',
  level: 'HIGH',
  title: 'Vault auth role widened',
  help: 'The role accepts more identities (service accounts, namespaces, claims, audiences, source ranges) or hands out more policies.',
  tags: ['identity', 'vault'],
  scope: 'change',
  types: AUTH_ROLE_TYPES,
  checks: `${AUTH_ROLE_TYPES.map((t) => `\`${t}\``).join(' or ')} that binds more service accounts, namespaces, audiences, claims or source ranges, or more policies`,
  changed({ change, before, after, isUpdate }) {
    if (!AUTH_ROLE_TYPES.includes(change.type)) return [];
    const strings = (tree: unknown, key: string) => stringList(valueAt(tree, key)).items;
    const wider: string[] = [];
    const setGrowth = (key: string, label: string) => {
      const a = strings(after, key);
      const b = new Set(isUpdate ? strings(before, key) : []);
      if (a.includes('*') && !b.has('*')) wider.push(`any ${label} ("*")`);
      else if (isUpdate && !b.has('*')) {
        const fresh = a.filter((x) => !b.has(x));
        if (fresh.length) wider.push(`${label} ${few(fresh.map((x) => JSON.stringify(x)))}`);
      }
    };
    if (change.type === 'vault_kubernetes_auth_backend_role') {
      setGrowth('bound_service_account_names', 'service account');
      setGrowth('bound_service_account_namespaces', 'namespace');
      const selector = 'bound_service_account_namespace_selector';
      if (isUpdate && valueAt(before, selector) !== valueAt(after, selector) && literal(valueAt(after, selector))) wider.push('namespaces matching a new namespace selector');
    } else {
      setGrowth('bound_audiences', 'audience');
      const cb = block(valueAt(before, 'bound_claims'));
      const ca = block(valueAt(after, 'bound_claims'));
      if (isUpdate && cb) {
        for (const [k, v] of Object.entries(cb)) {
          const nv = ca ? ca[k] : undefined;
          if (nv === undefined || nv === null) wider.push(`bound claim "${k}" removed`);
          else if (canonical(nv) !== canonical(v)) wider.push(`bound claim "${k}" changed`);
        }
      }
      if (!isUpdate && !ca && !literal(valueAt(after, 'bound_subject'))) wider.push('any token of the issuer (no bound claims or subject)');
      const sb = literal(valueAt(before, 'bound_subject'));
      if (isUpdate && sb && literal(valueAt(after, 'bound_subject')) !== sb) wider.push('bound subject changed or removed');
      const cidrsB = strings(before, 'token_bound_cidrs');
      const cidrsA = strings(after, 'token_bound_cidrs');
      if (isUpdate && cidrsB.length > 0) {
        if (cidrsA.length === 0) wider.push('logins from any address (token_bound_cidrs removed)');
        else {
          const pb = cidrsB.map(parseCidr).filter((c): c is Cidr => !('error' in c));
          const fresh = cidrsA.filter((c) => {
            const p = parseCidr(c);
            return 'error' in p || !pb.some((b) => cidrContains(b, p));
          });
          if (fresh.length) wider.push(`logins from ${few(fresh)}`);
        }
      }
    }
    setGrowth('token_policies', 'policy');
    return one(wider.length > 0 && `Vault auth role ${q(nameOf(after, 'role_name'))} ${isUpdate ? 'now accepts' : 'accepts'} ${few(wider)}.`);
  },
};
