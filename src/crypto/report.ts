/** `pqc-readiness.md` and writing the crypto reports. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDeadline, PQ_AVAILABILITY, PQ_STATUS_LABELS, serverLabel, transitKeySupport, vaultServer, type PqStatus, type TransitKeyType } from '../jurisdictions';
import { byString } from './bom';
import type { CryptoAsset, CryptoInventory } from './types';

export const CBOM_FILE = 'cbom.cdx.json';
export const PQC_READINESS_FILE = 'pqc-readiness.md';

const STATUS_ORDER: readonly PqStatus[] = ['quantum-vulnerable', 'unknown', 'symmetric-below-256', 'hybrid', 'post-quantum', 'quantum-resistant'];

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function usedByList(a: CryptoAsset, limit = 6): string {
  const uses = a.usedBy.map((u) => {
    const what = u.role === 'transit-hmac-key' ? 'HMAC key of ' : u.role === 'certificate-signature' ? 'signature by ' : u.part === 'classical-half' ? 'classical half of ' : '';
    return `${what}\`${u.constructPath}\``;
  });
  const unique = [...new Set(uses)];
  return unique.length > limit ? `${unique.slice(0, limit).join('<br>')}<br>… and ${unique.length - limit} more` : unique.join('<br>');
}

/** The transit key type behind a restricted algorithm, for asking the capability table. */
function restrictedType(a: CryptoAsset): TransitKeyType | undefined {
  if (a.name.includes('+')) return 'hybrid';
  if (a.family === 'ML-DSA') return 'ml-dsa';
  if (a.family === 'SLH-DSA') return 'slh-dsa';
  if (a.family === 'AES-CMAC') return a.classicalSecurityBits === 128 ? 'aes128-cmac' : a.classicalSecurityBits === 192 ? 'aes192-cmac' : 'aes256-cmac';
  return undefined;
}

/** Enterprise-only and experimental are Vault's flags: where the regions' servers are known, say it per server. */
function serverCaveats(a: CryptoAsset): string {
  const vaultFlags = [a.enterpriseOnly ? 'needs Vault Enterprise' : '', a.experimental ? 'experimental in Vault ("should not be used in production")' : ''].filter(Boolean).join('; ');
  const servers = new Map(a.usedBy.flatMap((u) => (u.server ? [[serverLabel(u.server), u.server] as const] : [])));
  const type = restrictedType(a);
  if (servers.size === 0 || !type) return vaultFlags;
  return [...servers]
    .sort(([x], [y]) => byString(x, y))
    .map(([label, server]) => {
      const v = transitKeySupport(server, type);
      if (!v.ok) return `${label}: refused (${v.reason})`;
      return `${label}: ${v.experimental ? 'experimental ("should not be used in production")' : 'offered without an experimental flag'}`;
    })
    .join('; ');
}

function earliestDeadline(a: CryptoAsset): string {
  return [a.deprecatedAfter?.after, a.disallowedAfter?.after].filter((d): d is string => d !== undefined).sort(byString)[0] ?? '9999-12-31';
}

/** Markdown: counts by status, each quantum-vulnerable asset with its deadlines and target, unknowns, and what each server offers today. */
export function renderPqcReadiness(inv: CryptoInventory): string {
  const lines: string[] = [];
  const title = inv.landingZone ?? 'synthesized stacks';
  lines.push(`# Post-quantum readiness: ${title}`, '');
  lines.push(
    `Checked on ${inv.today} against the ${inv.policy.name}. Dates marked "from a draft" come from the NIST IR 8547 initial public draft (November 2024), not a final standard. ` +
      `The algorithms, keys and certificates are listed in \`${CBOM_FILE}\` (CycloneDX 1.6) beside this file.`,
    '',
  );

  const keysBy = new Map<PqStatus, number>();
  for (const k of inv.keys) keysBy.set(k.status, (keysBy.get(k.status) ?? 0) + 1);
  const algosBy = new Map<PqStatus, number>();
  for (const a of inv.assets) algosBy.set(a.status, (algosBy.get(a.status) ?? 0) + 1);
  lines.push('## Summary', '', '| Status | Algorithms | Keys |', '|---|---:|---:|');
  for (const s of STATUS_ORDER) lines.push(`| ${PQ_STATUS_LABELS[s]} | ${algosBy.get(s) ?? 0} | ${keysBy.get(s) ?? 0} |`);
  lines.push(`| **Total** | **${inv.assets.length}** | **${inv.keys.length}** |`, '');
  const vulnerableRefs = new Set(inv.assets.filter((a) => a.status === 'quantum-vulnerable').map((a) => a.bomRef));
  const vulnerableCerts = inv.certificates.filter((c) => c.signatureAlgorithmRef && vulnerableRefs.has(c.signatureAlgorithmRef)).length;
  lines.push(
    `${inv.certificates.length} CA certificate${inv.certificates.length === 1 ? '' : 's'} (${vulnerableCerts} signed with a quantum-vulnerable algorithm); ` +
      `${inv.engines.length} Vault engine${inv.engines.length === 1 ? '' : 's'}.`,
  );
  if (inv.policy.requireHybridPqcAfter) {
    const own = inv.policy.requireHybridPqcAdoptedAs === 'project-choice' ? " This is the project's own rule, built on an ANSSI recommendation; no catalogued jurisdiction requires it." : '';
    lines.push('', `The policy requires asymmetric use to include a post-quantum mechanism from ${inv.policy.requireHybridPqcAfter}.${own}`);
  }
  lines.push('');

  const vulnerable = inv.assets.filter((a) => a.status === 'quantum-vulnerable');
  const onlyHalves = (a: CryptoAsset): boolean => a.usedBy.every((u) => u.part === 'classical-half');
  const toMigrate = vulnerable.filter((a) => !onlyHalves(a)).sort((a, b) => byString(earliestDeadline(a), earliestDeadline(b)) || byString(a.name, b.name));
  const covered = vulnerable.filter(onlyHalves);
  lines.push('## Quantum-vulnerable algorithms', '');
  if (toMigrate.length === 0) {
    lines.push('None: no key relies on a quantum-vulnerable algorithm alone.', '');
  } else {
    lines.push('| Algorithm | Classical bits | Deprecated after | Disallowed after | Policy today | Recommended target | Used by |', '|---|---:|---|---|---|---|---|');
    for (const a of toMigrate) {
      lines.push(
        `| ${cell(a.name)} | ${a.classicalSecurityBits ?? '—'} | ${a.deprecatedAfter ? cell(formatDeadline(a.deprecatedAfter)) : '—'} | ${a.disallowedAfter ? cell(formatDeadline(a.disallowedAfter)) : '—'} | ${a.verdict ? cell(a.verdict.status) : '—'} | ${a.target ? `**${cell(a.target.algorithm)}** (${a.target.kind})` : '—'} | ${usedByList(a)} |`,
      );
    }
    lines.push('', 'Targets:', '');
    const groups = new Map<string, { names: string[]; target: NonNullable<CryptoAsset['target']> }>();
    for (const a of toMigrate) {
      if (!a.target) continue;
      const key = `${a.target.algorithm}\u0000${a.target.summary}`;
      const g = groups.get(key);
      if (g) g.names.push(a.name);
      else groups.set(key, { names: [a.name], target: a.target });
    }
    for (const { names, target: t } of groups.values()) {
      const declare = t.transitKey ? ` Transit key type on ${t.server}: \`${t.transitKey.spelled}\`.` : '';
      lines.push(`- **${names.join(', ')} → ${t.algorithm}**: ${t.summary}.${declare}`);
    }
    lines.push('');
  }
  if (covered.length > 0) {
    lines.push(`Classical halves of hybrid keys (already paired with a post-quantum half): ${covered.map((a) => a.name).join(', ')}.`, '');
  }

  const unknown = inv.assets.filter((a) => a.status === 'unknown');
  lines.push('## Unknown: cannot be classified (rule PQ-4)', '');
  if (unknown.length === 0) lines.push('None: every crypto-bearing resource maps to a CBOM component.', '');
  else {
    lines.push('| Resource | Why |', '|---|---|');
    for (const a of unknown) lines.push(`| ${usedByList(a)} | ${cell(a.unknownReason ?? 'not classified')} |`);
    lines.push('');
  }

  const weak = inv.assets.filter((a) => a.status === 'symmetric-below-256');
  if (weak.length > 0) {
    lines.push('## Symmetric keys below 256 bits (rule PQ-3)', '', '| Algorithm | Bits | Recommended target | Used by |', '|---|---:|---|---|');
    for (const a of weak) lines.push(`| ${cell(a.name)} | ${a.classicalSecurityBits ?? '—'} | ${a.target ? cell(a.target.algorithm) : '—'} | ${usedByList(a)} |`);
    lines.push('');
  }

  if (inv.refusedKeys.length > 0) {
    lines.push("## Keys the region's server refuses", '', 'Creating these keys fails at apply; `slz validate` refuses them in a landing-zone file.', '', '| Key | Why |', '|---|---|');
    for (const k of inv.refusedKeys) lines.push(`| \`${cell(k.constructPath)}\` | ${cell(k.reason)} |`);
    lines.push('');
  }

  const restricted = inv.assets.filter((a) => a.experimental || a.enterpriseOnly);
  if (restricted.length > 0) {
    lines.push('## Enterprise-only or experimental algorithms in use', '');
    for (const a of restricted) lines.push(`- ${a.name}: ${serverCaveats(a)}`);
    lines.push('');
  }

  lines.push('## What is available today', '', '| Capability | Vault Community | Vault Enterprise | OpenBao |', '|---|---|---|---|');
  for (const row of PQ_AVAILABILITY) lines.push(`| ${cell(row.capability)} | ${cell(row.vaultCommunity)} | ${cell(row.vaultEnterprise)} | ${cell(row.openbao)} |`);
  lines.push('');
  const regions = Object.entries(inv.servers).sort(([a], [b]) => byString(a, b));
  if (regions.length > 0) lines.push(`Regions: ${regions.map(([r, label]) => `${r} runs ${label}`).join('; ')}.`, '');
  else lines.push(`No slz-context.json names the regions' servers: recommendations assume ${serverLabel(vaultServer())}, the conservative default.`, '');
  lines.push(
    'Sources: the capability table in src/jurisdictions/server-capabilities.ts (Vault 1.18–1.21 transit API docs; hashicorp/vault ErrPQCEntOnly; openbao/openbao#3909, #3859, #3756, #3769, #3755; terraform-provider-vault v5.11.0); NIST IR 8547 IPD; CNSA 2.0.',
    '',
  );
  return lines.join('\n');
}

/** Writes `cbom.cdx.json` and `pqc-readiness.md` into `reportsDir` (created if needed); returns their paths. */
export function writeCryptoReports(inv: CryptoInventory, reportsDir: string): { readonly cbom: string; readonly readiness: string } {
  mkdirSync(reportsDir, { recursive: true });
  const cbom = join(reportsDir, CBOM_FILE);
  const readiness = join(reportsDir, PQC_READINESS_FILE);
  writeFileSync(cbom, inv.json);
  writeFileSync(readiness, renderPqcReadiness(inv));
  return { cbom, readiness };
}
