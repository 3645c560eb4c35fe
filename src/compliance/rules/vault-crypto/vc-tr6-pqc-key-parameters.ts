/** VC-TR6: post-quantum transit keys are ones the region's server accepts, flagged when experimental, fully parameterised. */
import { fail, pass, unknown } from '../../attributes';
import { HYBRID_EC_TYPES, ML_DSA_PARAMETER_SETS, serverForStack, serverLabel, SLH_DSA_PARAMETER_SETS, transitKeySupport } from '../../../jurisdictions';
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
  title: "Post-quantum transit keys suit the region's server and are fully parameterised",
  rationale:
    "Which post-quantum transit keys a server creates depends on it: Vault's ml-dsa and hybrid (1.19) and slh-dsa (1.20) need Vault Enterprise (Community refuses them with ErrPQCEntOnly) and are documented as experimental, not for production; OpenBao offers mldsa-44/65/87 from 2.7 and no slh-dsa or hybrid. A key the server refuses fails at apply. Post-quantum keys also need a parameter set (ML-DSA-65/87 for NIST category 3 and above) and, for hybrid, an ML-DSA half plus a classical EC half.",
  fix: 'Declare the server in the landing-zone file (regions[].vault.dialect, edition, version) and use a key type it accepts; keep experimental keys for pilots and record the accepted risk; set parameter_set (65 or 87 for ml-dsa, a 192/256 set for slh-dsa) and for hybrid hybrid_key_type_pqc = "ml-dsa" and hybrid_key_type_ec.',
  controls: [ir8547('post-quantum transition'), nist('SC-13'), nist('SA-22')],
  resourceTypes: ['vault_transit_secret_backend_key'],
  check(resource, ctx) {
    const t = transitKeyType(resource.body);
    if (t.kind === 'unresolved') return unknown(`type is ${t.expression}, known only at plan time`, 'type');
    if (t.kind !== 'known' || !['ml-dsa', 'slh-dsa', 'hybrid'].includes(t.type)) return pass();
    // Without slz-context.json the server is the conservative default (Vault Community).
    const server = serverForStack(resource.stack.name, ctx.landingZone?.vaultServers);
    const support = transitKeySupport(server, t.type);
    const problems: string[] = [];
    if (!support.ok) problems.push(`${support.reason}${support.acceptedBy ? ` (accepted by ${support.acceptedBy})` : ''}`);
    else if (support.experimental) problems.push(`${t.emitted} keys are experimental on ${serverLabel(server)} (not for production)`);
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
    return problems.length > 0 ? fail(problems.join('; '), 'type') : pass();
  },
};
