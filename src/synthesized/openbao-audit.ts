/**
 * OpenBao's declarative audit devices. OpenBao ≥ 2.3 refuses audit devices created through the
 * API, so for an OpenBao region the platform stack declares its devices in the stack output
 * `openbao_audit_devices` (JSON) instead of `vault_audit` resources; `slz synth` renders them as
 * server-configuration stanzas (`reports/openbao-audit-<stack>.hcl`) and the audit rules read them.
 */
import type { SynthStack } from './index';

/** One audit device: its type, path, description and string options, as both servers take them. */
export interface AuditDevice {
  readonly type: 'file' | 'socket';
  readonly path: string;
  readonly description: string;
  readonly options: Readonly<Record<string, string>>;
}

/** Name of the stack output holding an OpenBao region's declarative audit devices (JSON). */
export const OPENBAO_AUDIT_OUTPUT = 'openbao_audit_devices';

/** The declarative devices a stack gives in its output, or undefined when it has none (or they do not parse). */
export function declarativeAuditDevices(stack: SynthStack): AuditDevice[] | undefined {
  const value = stack.json.output?.[OPENBAO_AUDIT_OUTPUT]?.['value'];
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = JSON.parse(value) as unknown;
    if (!Array.isArray(parsed)) return undefined;
    return parsed.filter(
      (d): d is AuditDevice =>
        !!d && typeof d === 'object' && (d.type === 'file' || d.type === 'socket') && typeof d.path === 'string' && !!d.options && typeof d.options === 'object',
    );
  } catch {
    return undefined;
  }
}

/** OpenBao server-configuration `audit "<type>" "<path>"` stanzas for the devices. */
export function renderOpenBaoAuditConfig(devices: readonly AuditDevice[]): string {
  const q = (v: string) => JSON.stringify(v);
  const lines = [
    '# Audit devices for the OpenBao server configuration (OpenBao >= 2.3 refuses them through the API).',
    '# Add to the configuration of every server of the cluster, then restart or send SIGHUP.',
  ];
  for (const d of devices) {
    const width = Math.max(...Object.keys(d.options).map((k) => k.length));
    lines.push('', `audit ${q(d.type)} ${q(d.path)} {`, `  description = ${q(d.description)}`, '  options {');
    for (const [k, v] of Object.entries(d.options)) lines.push(`    ${k.padEnd(width)} = ${q(v)}`);
    lines.push('  }', '}');
  }
  return `${lines.join('\n')}\n`;
}
