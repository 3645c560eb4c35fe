/**
 * docs/control-mapping.md: for every control the rules cite, the rules that give evidence for it
 * and the constructs that emit what those rules check. Generated from rule metadata and from the
 * construct tree of a real landing zone, so it cannot drift from the code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TerraformResource, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { AuditLogging } from '../constructs/audit-logging';
import { HumanAccess } from '../constructs/human-access';
import { KeyManagement } from '../constructs/key-management';
import { LogForwarder } from '../constructs/log-forwarder';
import { NetworkFirewall } from '../constructs/network-firewall';
import { AgencyRootCa, PkiAuthority } from '../constructs/pki-authority';
import { ResidencyGuard } from '../constructs/residency-guard';
import { TenantNamespace } from '../constructs/tenant-namespace';
import { KubernetesAuthMount, WorkloadIdentity } from '../constructs/workload-identity';
import { CONTROL_FRAMEWORKS, formatControl } from '../src/compliance/controls';
import { ALL_PACKS } from '../src/compliance/packs';
import { naturalCompare } from '../src/compliance/report/model';
import { loadLandingZoneOrThrow } from '../src/landing-zone';
import { buildLandingZone } from './landing-zone';

const CONSTRUCTS = [TenantNamespace, NetworkFirewall, KeyManagement, PkiAuthority, AgencyRootCa, WorkloadIdentity, KubernetesAuthMount, HumanAccess, AuditLogging, LogForwarder, ResidencyGuard] as const;

/** Construct class → Terraform resource types it emits, read from the construct tree of `file`. */
export function emittedTypes(file: string): Map<string, Set<string>> {
  const outdir = mkdtempSync(join(tmpdir(), 'slz-mapping-'));
  try {
    const { app } = buildLandingZone(loadLandingZoneOrThrow(file, { today: '2026-11-21' }), { outdir });
    const map = new Map<string, Set<string>>();
    for (const node of app.node.findAll()) {
      if (!TerraformResource.isTerraformResource(node)) continue;
      // The innermost library construct owns the resource (LogForwarder's own NetworkFirewall counts as NetworkFirewall).
      const owner = [...node.node.scopes].reverse().find((s: IConstruct) => CONSTRUCTS.some((C) => s instanceof C));
      const name = owner?.constructor.name ?? TerraformStack.of(node).constructor.name;
      const set = map.get(name) ?? new Set<string>();
      set.add(node.terraformResourceType);
      map.set(name, set);
    }
    return map;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export function renderControlMapping(file: string): string {
  const types = emittedTypes(file);
  const constructsFor = (resourceTypes: readonly string[]) =>
    [...types].filter(([, ts]) => resourceTypes.some((t) => ts.has(t))).map(([c]) => c).sort();
  const byControl = new Map<string, { framework: string; id: string; rules: Set<string>; constructs: Set<string> }>();
  for (const pack of ALL_PACKS) {
    for (const rule of [...pack.rules, ...pack.metaRules]) {
      for (const c of rule.controls) {
        const key = formatControl(c);
        const entry = byControl.get(key) ?? { framework: c.framework, id: c.id, rules: new Set<string>(), constructs: new Set<string>() };
        entry.rules.add(rule.id);
        if (rule.scope === 'resource') for (const k of constructsFor(rule.resourceTypes)) entry.constructs.add(k);
        byControl.set(key, entry);
      }
    }
  }
  const out = [
    '# Control mapping',
    '',
    '<!-- Generated from rule metadata and the construct tree by stacks/control-mapping.ts (`npm run docs`); a test fails when it is stale. -->',
    '',
    'For each control a rule gives evidence for: the rules (see [RULES.md](../RULES.md)) and the constructs that emit the resources those rules check. Stack-wide rules (for example "every namespace has a default-deny policy") check relations between resources, so they list no single construct. Constructs are read from the construct tree of `examples/ministry-health`.',
    '',
  ];
  const frameworks = [...new Set([...byControl.values()].map((e) => e.framework))].sort();
  for (const f of frameworks) {
    out.push(`## ${f} — ${CONTROL_FRAMEWORKS[f] ?? f}`, '', '| control | rules | constructs |', '|---|---|---|');
    const entries = [...byControl.values()].filter((e) => e.framework === f).sort((a, b) => naturalCompare(a.id, b.id));
    for (const e of entries) {
      out.push(`| ${e.id.replace(/\|/g, '\\|')} | ${[...e.rules].sort(naturalCompare).join(', ')} | ${[...e.constructs].sort().join(', ') || '(stack-wide)'} |`);
    }
    out.push('');
  }
  out.push('## Constructs and the resources they emit', '', '| construct | resource types |', '|---|---|');
  for (const [c, ts] of [...types].sort(([a], [b]) => a.localeCompare(b))) out.push(`| ${c} | ${[...ts].sort().map((t) => `\`${t}\``).join(', ')} |`);
  out.push('');
  return out.join('\n');
}
