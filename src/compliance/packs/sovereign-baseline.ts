/**
 * The sovereign-baseline pack: residency and foreign-law exposure of technical data (endpoints,
 * audit and log sinks, identity, images, state), provider pinning, secrets, state handling, and
 * the suppression meta-rules the engine enforces (SB-SUP1–4).
 */
import { rule as ep1 } from '../rules/sovereign-baseline/sb-ep1-provider-endpoints-in-country';
import { rule as flx1 } from '../rules/sovereign-baseline/sb-flx1-operators-under-local-law';
import { rule as img1 } from '../rules/sovereign-baseline/sb-img1-images-from-in-country-registry';
import { rule as prv1 } from '../rules/sovereign-baseline/sb-prv1-providers-pinned';
import { rule as prv2 } from '../rules/sovereign-baseline/sb-prv2-terraform-version';
import { rule as res1 } from '../rules/sovereign-baseline/sb-res1-cloud-regions-in-country';
import { rule as res3 } from '../rules/sovereign-baseline/sb-res3-state-backend-in-country';
import { rule as res4 } from '../rules/sovereign-baseline/sb-res4-audit-sink-in-country';
import { rule as res5 } from '../rules/sovereign-baseline/sb-res5-log-shipper-in-country';
import { rule as res6 } from '../rules/sovereign-baseline/sb-res6-identity-endpoints-in-country';
import { rule as sec1 } from '../rules/sovereign-baseline/sb-sec1-no-secrets-in-json';
import { rule as sec2 } from '../rules/sovereign-baseline/sb-sec2-sensitive-inputs';
import { rule as sec3 } from '../rules/sovereign-baseline/sb-sec3-write-only-secrets';
import { rule as st1 } from '../rules/sovereign-baseline/sb-st1-state-not-local';
import { rule as st2 } from '../rules/sovereign-baseline/sb-st2-state-encrypted';
import { rule as tls1 } from '../rules/sovereign-baseline/sb-tls1-endpoints-use-tls';
import { SUPPRESSION_META_RULES } from '../suppressions';
import type { MetaRule, Rule } from '../types';

export const SOVEREIGN_BASELINE_RULES: readonly Rule[] = [ep1, tls1, res1, res3, res4, res5, res6, img1, flx1, prv1, prv2, sec1, sec2, sec3, st1, st2];

/** SB-SUP1–4: enforced by the engine while applying suppressions, listed like rules. */
export const SOVEREIGN_BASELINE_META_RULES: readonly MetaRule[] = SUPPRESSION_META_RULES;
