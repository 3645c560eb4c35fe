/**
 * Control references rules cite. Framework ids are short, stable strings; `CONTROL_FRAMEWORKS`
 * names them for reports. Control numbers follow controls-and-rules.md §3–§7.
 */
import type { ControlRef } from './types';

export const CONTROL_FRAMEWORKS: Readonly<Record<string, string>> = {
  'CIS-K8S': 'CIS Kubernetes Benchmark v1.10',
  'NSA-CISA': 'NSA/CISA Kubernetes Hardening Guidance',
  PSS: 'Kubernetes Pod Security Standards',
  'NIST-800-53': 'NIST SP 800-53 Rev. 5',
  'NIST-800-57': 'NIST SP 800-57 Part 1 Rev. 5',
  'NIST-IR-8547': 'NIST IR 8547 (initial public draft)',
  SECNUMCLOUD: 'ANSSI SecNumCloud 3.2',
  'BSI-C5': 'BSI C5:2020',
  'MY-NCCP-2025': 'Malaysia National Cloud Computing Policy 2025',
  JURISDICTION: "the jurisdiction's own policy, as catalogued (slz jurisdictions CODE)",
  'CNSA-2.0': 'NSA Commercial National Security Algorithm Suite 2.0',
  CycloneDX: 'CycloneDX 1.6 cryptography bill of materials',
};

export const nist = (id: string): ControlRef => ({ framework: 'NIST-800-53', id });
export const snc = (id: string): ControlRef => ({ framework: 'SECNUMCLOUD', id });
export const c5 = (id: string): ControlRef => ({ framework: 'BSI-C5', id });
export const cis = (id: string): ControlRef => ({ framework: 'CIS-K8S', id });
export const nsa = (id: string): ControlRef => ({ framework: 'NSA-CISA', id });
export const pss = (id: string): ControlRef => ({ framework: 'PSS', id });
export const ir8547 = (id: string): ControlRef => ({ framework: 'NIST-IR-8547', id });
export const sp80057 = (id: string): ControlRef => ({ framework: 'NIST-800-57', id });
/** A part of the catalogued jurisdiction policy: `residency`, `crypto`, `retention`, `adminAccess`. */
export const jurisdiction = (part: string): ControlRef => ({ framework: 'JURISDICTION', id: part });
/** Malaysia's NCCP 2025 (confidential data in a sovereign cloud in Malaysia); the policy has no numbered controls. */
export const nccp = (topic: string): ControlRef => ({ framework: 'MY-NCCP-2025', id: topic });

/** `NIST-800-53 AC-6` */
export function formatControl(c: ControlRef): string {
  return `${c.framework} ${c.id}`;
}
