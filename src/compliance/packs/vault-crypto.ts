/**
 * The vault-crypto pack: audit devices, mounts, transit keys (custody, deletion, rotation,
 * post-quantum parameters), PKI (key strength, key placement, lifetimes, roles), Kubernetes
 * auth roles and policies.
 */
import { rule as at1 } from '../rules/vault-crypto/vc-at1-kubernetes-auth-role-bounded';
import { rule as au1 } from '../rules/vault-crypto/vc-au1-audit-device-enabled';
import { rule as au2 } from '../rules/vault-crypto/vc-au2-audit-no-raw-logging';
import { rule as au3 } from '../rules/vault-crypto/vc-au3-audit-devices-redundant';
import { rule as mt1 } from '../rules/vault-crypto/vc-mt1-mount-audit-hmac';
import { rule as pk1 } from '../rules/vault-crypto/vc-pk1-ca-key-strength';
import { rule as pk2 } from '../rules/vault-crypto/vc-pk2-ca-keys-internal';
import { rule as pk3 } from '../rules/vault-crypto/vc-pk3-ca-lifetimes-bounded';
import { rule as pk4 } from '../rules/vault-crypto/vc-pk4-role-least-privilege';
import { rule as pl1 } from '../rules/vault-crypto/vc-pl1-policy-least-privilege';
import { rule as tr1 } from '../rules/vault-crypto/vc-tr1-not-exportable';
import { rule as tr2 } from '../rules/vault-crypto/vc-tr2-deletion-not-allowed';
import { rule as tr3 } from '../rules/vault-crypto/vc-tr3-auto-rotation';
import { rule as tr4 } from '../rules/vault-crypto/vc-tr4-convergent-encryption';
import { rule as tr5 } from '../rules/vault-crypto/vc-tr5-hmac-key-size';
import { rule as tr6 } from '../rules/vault-crypto/vc-tr6-pqc-key-parameters';
import { rule as tr7 } from '../rules/vault-crypto/vc-tr7-key-type-classifiable';
import type { Rule } from '../types';

export const VAULT_CRYPTO_RULES: readonly Rule[] = [au1, au2, au3, mt1, tr1, tr2, tr3, tr4, tr5, tr6, tr7, pk1, pk2, pk3, pk4, at1, pl1];
