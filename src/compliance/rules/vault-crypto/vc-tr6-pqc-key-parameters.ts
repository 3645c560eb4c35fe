/** VC-TR6: post-quantum transit keys are flagged as experimental and fully parameterised. */
import { fail, pass, unknown } from '../../attributes';
import { HYBRID_EC_TYPES, ML_DSA_PARAMETER_SETS, SLH_DSA_PARAMETER_SETS } from '../../../jurisdictions';
import { ir8547, nist } from '../../controls';
import type { ResourceRule } from '../../types';
import { readString } from '../../../synthesized/values';
import { transitKeyType } from '../../../synthesized/vault/transit-key';

/** ML-DSA sets at NIST category 3 or above (the project policy's floor). */
const ML_DSA_CATEGORY_3 = ['65', '87'];

export const rule: ResourceRule = {
  id: 'VC-TR6',
  pack: 'vault-crypto',
  scope: 'resource',
  level: 'warning',
  title: 'Post-quantum transit keys are flagged experimental and fully parameterised',
  rationale:
    'Vault Transit ml-dsa, slh-dsa and hybrid keys need Vault Enterprise (Community rejects them) and are documented as experimental, not for production. They also need a parameter set (ML-DSA-65/87 for NIST category 3 and above) and, for hybrid, an ML-DSA half plus a classical EC half.',
  fix: 'Keep post-quantum keys for pilots and record the accepted risk; set parameter_set (65 or 87 for ml-dsa, a 192/256 set for slh-dsa) and for hybrid hybrid_key_type_pqc = "ml-dsa" and hybrid_key_type_ec.',
  controls: [ir8547('post-quantum transition'), nist('SC-13'), nist('SA-22')],
  resourceTypes: ['vault_transit_secret_backend_key'],
  check(resource) {
    const t = transitKeyType(resource.body);
    if (t.kind === 'unresolved') return unknown(`type is ${t.expression}, known only at plan time`, 'type');
    if (t.kind !== 'known' || !['ml-dsa', 'slh-dsa', 'hybrid'].includes(t.type)) return pass();
    const problems: string[] = [`${t.emitted} keys are experimental in Vault (not for production) and need Vault Enterprise`];
    const param = t.description.parameterSet;
    const paramRead = readString(resource.body, 'parameter_set');
    if (paramRead.kind === 'unresolved') return unknown('parameter_set is known only at plan time', 'parameter_set');
    if (t.type === 'ml-dsa' || t.type === 'hybrid') {
      if (!param) problems.push('parameter_set is missing (44, 65 or 87)');
      else if (!(ML_DSA_PARAMETER_SETS as readonly string[]).includes(param)) problems.push(`parameter_set ${param} is not an ML-DSA set`);
      else if (!ML_DSA_CATEGORY_3.includes(param)) problems.push(`ML-DSA-${param} is below NIST category 3 (use 65 or 87)`);
    }
    if (t.type === 'slh-dsa') {
      if (!param) problems.push('parameter_set is missing (an slh-dsa-* set)');
      else if (!(SLH_DSA_PARAMETER_SETS as readonly string[]).includes(param)) problems.push(`parameter_set ${param} is not an SLH-DSA set`);
      else if (/-128[sf]$/.test(param)) problems.push(`${param} is below NIST category 3 (use a 192 or 256 set)`);
    }
    if (t.type === 'hybrid') {
      const pqc = readString(resource.body, 'hybrid_key_type_pqc');
      if (!(pqc.kind === 'value' && pqc.value === 'ml-dsa')) problems.push('hybrid_key_type_pqc must be "ml-dsa"');
      const ec = t.description.hybridKeyTypeEc;
      if (!ec || !(HYBRID_EC_TYPES as readonly string[]).includes(ec)) problems.push(`hybrid_key_type_ec must be one of ${HYBRID_EC_TYPES.join(', ')}`);
    }
    return fail(problems.join('; '), 'type');
  },
};
