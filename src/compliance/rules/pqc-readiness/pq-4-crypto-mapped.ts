/** PQ-4: every crypto-bearing resource maps to a CBOM component with a known algorithm. */
import { fail, notApplicable, pass, unknown } from '../../attributes';
import { nist } from '../../controls';
import type { ResourceRule } from '../../types';
import { classifyCryptoResource, CRYPTO_RESOURCE_TYPES } from '../../../synthesized/vault/crypto-resource';

export const rule: ResourceRule = {
  id: 'PQ-4',
  pack: 'pqc-readiness',
  scope: 'resource',
  level: 'error',
  title: 'Every crypto-bearing resource maps to a known algorithm in the CBOM',
  rationale:
    'A post-quantum migration starts from a complete crypto inventory. A key or certificate whose algorithm cannot be read from the configuration (a managed key, key_type "any", an imported PEM bundle, a key type the table does not know) is an UNKNOWN entry in the CBOM: it cannot be judged against any deadline.',
  fix: 'Declare the key type explicitly (a transit type or a PKI key_type/key_bits the algorithm table knows); for keys held in an external KMS/HSM, record the backing algorithm and accept the gap as an exemption with an owner and expiry.',
  controls: [{ framework: 'CycloneDX', id: '1.6-cryptoProperties' }, nist('CM-8'), nist('SC-13')],
  resourceTypes: CRYPTO_RESOURCE_TYPES,
  check(resource) {
    const c = classifyCryptoResource(resource.type, resource.body);
    switch (c.kind) {
      case 'mapped':
      case 'derived':
        return pass();
      case 'unresolved':
        return unknown(`${c.reason}: the CBOM lists it as UNKNOWN until the value is known`, c.attribute);
      case 'unknown':
        return fail(`the CBOM cannot classify it: ${c.reason}`, c.attribute);
      case 'not-crypto':
        return notApplicable();
    }
  },
};
