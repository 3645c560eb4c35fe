/** `slz jurisdictions [CODE]`: the catalogue, readable (or as JSON). */
import { CATALOGUE, COMMON_LEVELS, getJurisdiction, getProvider, jurisdictionCodes, siteOperator, type Jurisdiction } from '../../jurisdictions';
import { closest } from '../../landing-zone/problems';
import { CliError } from '../errors';
import type { Output } from '../output';

export interface JurisdictionsOptions {
  readonly json?: boolean;
}

export function runJurisdictions(code: string | undefined, opts: JurisdictionsOptions, io: Output): number {
  if (!code) {
    if (opts.json) {
      io.out(JSON.stringify(CATALOGUE, null, 2));
      return 0;
    }
    io.out('code  name         entry    regions  schemes  residency from');
    for (const j of CATALOGUE) {
      const from = j.residency.length ? Math.min(...j.residency.map((r) => r.minOrdinal)) : null;
      io.out(`${j.countryCode.padEnd(6)}${j.name.padEnd(13)}${j.completeness.padEnd(9)}${String(j.regions.length).padEnd(9)}${String(j.classificationSchemes.length).padEnd(9)}${from === null ? '—' : `${from} (${COMMON_LEVELS[from]})`}`);
    }
    io.out('\nslz jurisdictions CODE shows one entry in full.');
    return 0;
  }
  const j = getJurisdiction(code);
  if (!j) {
    const near = closest(code.toUpperCase(), jurisdictionCodes());
    throw new CliError([`jurisdiction: "${code}" is not in the catalogue (${near ? `did you mean ${near}? ` : ''}catalogued: ${jurisdictionCodes().join(', ')})`]);
  }
  io.out(opts.json ? JSON.stringify(j, null, 2) : describe(j));
  return 0;
}

function describe(j: Jurisdiction): string {
  const lines: string[] = [];
  const h = (t: string) => lines.push('', t, '-'.repeat(t.length));
  lines.push(`${j.name} (${j.countryCode}) — ${j.completeness === 'full' ? 'full entry' : 'sketch: gaps are marked'}, last reviewed ${j.lastReviewed}`);
  lines.push(`Supported up to level ${j.support.maxOrdinal} (${COMMON_LEVELS[j.support.maxOrdinal]}): ${j.support.reason}`);

  h('Classification schemes (label → common level, confidence)');
  for (const s of j.classificationSchemes) {
    const status = s.status === 'in-force' ? '' : s.status === 'draft' ? ' [draft: labels warn]' : ' [dropped before enactment: labels refused]';
    lines.push(`${s.id} — ${s.name}${status}`);
    for (const l of s.levels) {
      const ord = l.coversOrdinals ? `covers ${l.coversOrdinals.join(', ')}` : `${l.ordinal} ${COMMON_LEVELS[l.ordinal]}`;
      lines.push(`  ${l.label}${l.labelEn && l.labelEn !== l.label ? ` (${l.labelEn})` : ''} → ${ord}, ${l.mappingConfidence}`);
    }
  }
  if (j.classificationSchemes.length === 0) lines.push('(none catalogued: use a common level)');

  h('Sites physically in the country (provider/id; site facts and operator with their confidence)');
  for (const r of j.regions) {
    const id = r.id ?? '(id unknown)';
    const op = siteOperator(r);
    const operator = !op ? '' : op.from === 'partner' ? `; operated by ${op.legalEntity}${op.legalSeat ? `, under ${op.legalSeat} law` : ''} (${op.confidence})` : `; operator under ${op.legalSeat} law`;
    lines.push(`  ${`${r.provider}/${id}`.padEnd(30)} ${r.displayName}; ${r.kind}, ${r.status}${r.parentRegion ? `, control plane in ${r.parentRegion}` : ''} (${r.confidence})${operator}`);
  }
  if (j.regions.length === 0) lines.push('  (none found in the sources)');

  const providerIds = [...new Set(j.regions.map((r) => r.provider))];
  h('Providers of these sites (legal seat, confidence)');
  for (const id of providerIds) {
    const p = getProvider(id);
    if (!p) continue;
    lines.push(`  ${p.id.padEnd(11)} ${p.legalEntity}: ${p.legalSeat} law${p.extraterritorialLaws.length ? `, ${p.extraterritorialLaws.map((l) => l.split(':')[0]).join('; ')}` : ''} (${p.confidence})`);
    if (p.note) lines.push(`              ${p.note}`);
  }

  h('Residency');
  for (const r of j.residency) {
    lines.push(`  from level ${r.minOrdinal}: data in ${r.dataMustResideIn.join('/')}${r.includesBackups ? ', backups too' : ''}${r.includesTechnicalData ? ', technical data too' : ''}; deployments ${r.allowedDeployment.join('/')}${r.allowedOperatorJurisdictions ? `; operators under ${r.allowedOperatorJurisdictions.join('/')} law only` : ''} (${r.confidence})`);
    for (const b of r.legalBasis) lines.push(`    basis: ${b}`);
  }
  if (j.residency.length === 0) lines.push('  (no residency rule found)');

  if (j.contracting.length) {
    h('Contracting entity (who the agency signs with; not foreign-law exposure)');
    for (const c of j.contracting) {
      const from = c.minOrdinal === 0 ? 'every level' : `from level ${c.minOrdinal}`;
      lines.push(`  ${from}: incorporated in ${c.incorporatedIn.join('/')}${c.distributorsAllowed ? ', authorised distributors allowed' : ''}; ${c.status === 'draft' ? 'draft (warns)' : 'in force (refuses)'} (${c.confidence})`);
      for (const b of c.legalBasis) lines.push(`    basis: ${b}`);
    }
  }

  h('Administration');
  const a = j.adminAccess;
  const from = (o: number | null) => (o === null ? 'not required' : `from level ${o}`);
  lines.push(`  in-country only ${from(a.inCountryOnlyFromOrdinal)}; MFA ${from(a.mfaRequiredFromOrdinal)}; nationality/clearance claim ${from(a.nationalityRequiredFromOrdinal)} (${a.confidence})`);

  h('Cryptography');
  for (const c of j.crypto.allowed) lines.push(`  ${c.purpose.padEnd(4)} ${c.family}${c.minBits !== undefined ? ` ≥ ${c.minBits}` : ''}${c.until ? ` until ${c.until}` : ''} (${c.confidence})`);
  for (const d of j.crypto.deprecatedAfter) lines.push(`  deprecated after ${d.after}: ${d.algorithm}${d.fromDraft ? ' (from a draft)' : ''}`);
  for (const d of j.crypto.disallowedAfter) lines.push(`  disallowed after ${d.after}: ${d.algorithm}${d.fromDraft ? ' (from a draft)' : ''}`);
  const hybrid = j.crypto.requireHybridPqcAfter;
  if (hybrid) lines.push(`  hybrid post-quantum required after ${hybrid.date} (${hybrid.adoptedAs === 'project-choice' ? "the project's choice, on an ANSSI recommendation" : 'a national rule'}; ${hybrid.confidence})`);
  lines.push(`  maximum cryptoperiods (days): ${Object.entries(j.crypto.maxCryptoperiodDays).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (j.crypto.nationalAlgorithmList) lines.push(`  national list: ${j.crypto.nationalAlgorithmList.name} (${j.crypto.nationalAlgorithmList.ingested ? 'ingested' : 'not ingested yet'})`);

  h('Retention');
  const ret = j.retention;
  lines.push(`  security logs ≥ ${ret.securityLogDaysMin} days (default ${ret.securityLogDaysDefault})${ret.immutable ? ', immutable' : ''}${ret.separateHost ? ', on a separate host' : ''} (${ret.confidence})`);

  if (j.notifications.length) {
    h('Incident notification');
    for (const n of j.notifications) lines.push(`  ${n.regime} → ${n.audience}: ${n.deadlineHours} h (${n.confidence})`);
  }
  if (j.personalData) {
    const pd = j.personalData;
    h('Personal data');
    lines.push(`  ${pd.law}: ${pd.appliesToGovernment === null ? 'whether it binds government is unknown' : pd.appliesToGovernment ? 'binds government agencies' : 'does not bind government agencies'} (${pd.confidence})`);
  }
  if (j.laws.length) {
    h('Laws and instruments (status, confidence)');
    for (const l of j.laws) {
      lines.push(`  ${l.id}: ${l.name} — ${l.status}${l.inForceFrom ? ` from ${l.inForceFrom}` : ''}; ${l.appliesToGovernment === null ? 'government unclear' : l.appliesToGovernment ? 'binds government' : 'not government'} (${l.confidence})`);
      lines.push(`    ${l.summary}`);
    }
  }
  if (j.uncertain.length) {
    h('Uncertain (shown in every report)');
    for (const u of j.uncertain) lines.push(`  - ${u}`);
  }
  return lines.join('\n');
}
