/**
 * The k8s-tenancy pack (controls-and-rules.md §3): namespaces, service accounts and RBAC,
 * network policy, admission policy, workloads, Secrets and Services, in catalogue id order, then
 * the platform exceptions that are rules of their own (KT-PLT1: the log collector's confinement,
 * to which KT-NS2 and KT-WL2 defer for its namespace).
 */
import type { Rule } from '../types';
import { rule as log1 } from '../rules/k8s-tenancy/kt-log1-tenant-logs-shipped';
import { rule as np4 } from '../rules/k8s-tenancy/kt-np4-workloads-reach-vault';
import { rule as ns1 } from '../rules/k8s-tenancy/kt-ns1-default-deny';
import { rule as ns2 } from '../rules/k8s-tenancy/kt-ns2-pod-security-restricted';
import { rule as ns3 } from '../rules/k8s-tenancy/kt-ns3-resource-quota';
import { rule as ns4 } from '../rules/k8s-tenancy/kt-ns4-limit-range';
import { rule as ns5 } from '../rules/k8s-tenancy/kt-ns5-no-external-services-quota';
import { rule as ns6 } from '../rules/k8s-tenancy/kt-ns6-no-system-namespaces';
import { rule as ns7 } from '../rules/k8s-tenancy/kt-ns7-sovereignty-labels';
import { rule as sa1 } from '../rules/k8s-tenancy/kt-sa1-default-sa-no-automount';
import { rule as sa2 } from '../rules/k8s-tenancy/kt-sa2-service-account-no-automount';
import { rule as rb1 } from '../rules/k8s-tenancy/kt-rb1-no-wildcards';
import { rule as rb2 } from '../rules/k8s-tenancy/kt-rb2-no-cluster-admin';
import { rule as rb3 } from '../rules/k8s-tenancy/kt-rb3-no-secret-reads';
import { rule as rb4 } from '../rules/k8s-tenancy/kt-rb4-no-pod-create-exec';
import { rule as rb5 } from '../rules/k8s-tenancy/kt-rb5-no-escalation-verbs';
import { rule as rb6 } from '../rules/k8s-tenancy/kt-rb6-no-default-sa-binding';
import { rule as rb7 } from '../rules/k8s-tenancy/kt-rb7-no-system-masters';
import { rule as rb8 } from '../rules/k8s-tenancy/kt-rb8-no-token-webhook-csr-access';
import { rule as np1 } from '../rules/k8s-tenancy/kt-np1-no-public-cidr';
import { rule as np2 } from '../rules/k8s-tenancy/kt-np2-no-empty-namespace-selector';
import { rule as np3 } from '../rules/k8s-tenancy/kt-np3-dns-egress-allowed';
import { rule as vap1 } from '../rules/k8s-tenancy/kt-vap1-residency-admission-policy';
import { rule as vap2 } from '../rules/k8s-tenancy/kt-vap2-admission-enforced';
import { rule as wl1 } from '../rules/k8s-tenancy/kt-wl1-restricted-security-context';
import { rule as wl2 } from '../rules/k8s-tenancy/kt-wl2-no-host-access';
import { rule as wl3 } from '../rules/k8s-tenancy/kt-wl3-immutable-pinned-images';
import { rule as sec1 } from '../rules/k8s-tenancy/kt-sec1-secrets-not-in-state';
import { rule as svc1 } from '../rules/k8s-tenancy/kt-svc1-no-unrestricted-external-service';
import { rule as plt1 } from '../rules/k8s-tenancy/kt-plt1-log-collector-confinement';

export const K8S_TENANCY_RULES: readonly Rule[] = [ns1, ns2, ns3, ns4, ns5, ns6, ns7, sa1, sa2, rb1, rb2, rb3, rb4, rb5, rb6, rb7, rb8, np1, np2, np3, np4, vap1, vap2, wl1, wl2, wl3, sec1, svc1, plt1, log1];
