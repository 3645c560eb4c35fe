/** RV-PKI-DELETE: a CA, issuer or CA key is destroyed. */
import { PKI_CA_RESOURCES } from '../../synthesized/vault/pki';
import { destroyVerb, nameOf, one, q } from './_shared';
import type { ChangeRule } from './types';

export const rule: ChangeRule = {
  id: 'RV-PKI-DELETE',
  level: 'CRITICAL',
  title: 'PKI CA deleted or replaced',
  help: 'Destroying a root or intermediate CA, issuer or CA key breaks every certificate chain it anchors; destroying a signed intermediate can revoke it. Plan a CA rotation with overlap instead.',
  tags: ['destroy', 'pki', 'vault'],
  scope: 'change',
  types: PKI_CA_RESOURCES,
  checks: 'a root or intermediate CA, signed intermediate, issuer, PKI key or CA bundle that is deleted or replaced',
  destroyed({ change, before, after }) {
    const t = change.type;
    if (!PKI_CA_RESOURCES.includes(t)) return [];
    const cn = nameOf(before, 'common_name', 'issuer_name', 'key_name') ?? nameOf(after, 'common_name', 'issuer_name', 'key_name');
    return one(`PKI ${t.replace('vault_pki_secret_backend_', '').replace(/_/g, ' ')} ${q(cn)} ${destroyVerb(change)}: certificates chained to it stop validating${t.endsWith('root_sign_intermediate') ? ', and the signed intermediate may be revoked' : ''}.`);
  },
};
