/**
 * Vault audit logging for one region: a local file device and a socket device shipping to the
 * in-country sink (control 12; rules VC-AU1, VC-AU2).
 */
import { Audit } from '@cdktf/provider-vault/lib/audit';
import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import ipaddr from 'ipaddr.js';
import { OPENBAO_AUDIT_OUTPUT, renderOpenBaoAuditConfig, type AuditDevice } from '../../src/synthesized/openbao-audit';
import { PropChecker } from '../common/validate';

export { OPENBAO_AUDIT_OUTPUT, renderOpenBaoAuditConfig, type AuditDevice };

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Where the socket device sends audit entries. */
export interface AuditSink {
  /** Host name or IP address of the in-country sink (or of a local forwarder in front of it). */
  readonly host: string;
  /** TCP port, 1–65535. */
  readonly port: number;
}

export interface AuditLoggingProps {
  /**
   * Absolute path of the file device's log inside the Vault server (on persistent storage).
   * @default '/vault/audit/audit.log'
   */
  readonly filePath?: string;
  /** The in-country sink the socket device writes to. */
  readonly sink: AuditSink;
  /**
   * Server family. OpenBao ≥ 2.3 refuses audit devices created through the API ("use
   * declarative, config-based audit device management"): for `openbao` no `vault_audit` resource
   * is written; the same two devices are given as server-configuration stanzas instead
   * (`declarativeConfig`, and the stack output `openbao_audit_devices` that analysis reads).
   * @default 'vault'
   */
  readonly dialect?: 'vault' | 'openbao';
}

/**
 * Two audit devices of different types: a local file and a TCP stream to the in-country sink.
 * Vault's socket device sends a test message when it is enabled and the enable fails if nothing
 * listens: the relay must be up before the platform stack is applied (docs/apply.md).
 */
export class AuditLogging extends Construct {
  /** The file device (Vault dialect only). */
  readonly fileDevice?: Audit;
  /** The socket device (Vault dialect only). */
  readonly socketDevice?: Audit;
  /** Both devices, whichever way the server takes them. */
  readonly devices: readonly AuditDevice[];
  /** OpenBao server-configuration stanzas declaring the devices (OpenBao dialect only). */
  readonly declarativeConfig?: string;

  constructor(scope: Construct, id: string, props: AuditLoggingProps) {
    super(scope, id);
    const filePath = props.filePath ?? '/vault/audit/audit.log';

    const c = new PropChecker('AuditLogging');
    c.check(isAbsoluteFilePath(filePath), `filePath "${filePath}" must be an absolute file path without "..", spaces or control characters`);
    const host = props.sink.host;
    const isIp = ipaddr.isValid(host);
    c.check(isIp || HOSTNAME.test(host), `sink.host "${host}" must be a lower-case DNS name or an IP address (no scheme, no port)`);
    c.intRange('sink.port', props.sink.port, 1, 65535);
    c.throwIfAny();

    const address = isIp && ipaddr.parse(host).kind() === 'ipv6' ? `[${host}]:${props.sink.port}` : `${host}:${props.sink.port}`;
    // Options are strings on both servers; log_raw off keeps secrets HMAC'd in every entry (VC-AU2).
    const file: AuditDevice = {
      type: 'file',
      path: 'file',
      description: 'Local JSON audit log',
      options: { file_path: filePath, format: 'json', hmac_accessor: 'true', log_raw: 'false' },
    };
    const socket: AuditDevice = {
      type: 'socket',
      path: 'socket',
      description: 'Audit stream to the in-country log sink',
      options: { address, socket_type: 'tcp', format: 'json', hmac_accessor: 'true', log_raw: 'false' },
    };
    this.devices = [file, socket];

    if ((props.dialect ?? 'vault') === 'openbao') {
      this.declarativeConfig = renderOpenBaoAuditConfig(this.devices);
      new TerraformOutput(this, 'openbao-devices', {
        description: 'Audit devices to declare in the OpenBao server configuration (OpenBao refuses them through the API); reports/openbao-audit-<stack>.hcl holds the same as HCL.',
        value: JSON.stringify(this.devices),
      }).overrideLogicalId(OPENBAO_AUDIT_OUTPUT);
      return;
    }
    // Never skip_test: a socket device whose sink is down must fail the apply, not drop audit entries.
    this.fileDevice = new Audit(this, 'file', { type: file.type, path: file.path, description: file.description, options: { ...file.options } });
    this.socketDevice = new Audit(this, 'socket', { type: socket.type, path: socket.path, description: socket.description, options: { ...socket.options } });
  }
}

function isAbsoluteFilePath(p: string): boolean {
  if (!p.startsWith('/') || p.endsWith('/')) return false;
  if (![...p].every((ch) => ch.charCodeAt(0) > 0x20 && ch.charCodeAt(0) !== 0x7f)) return false;
  return !p.split('/').some((seg) => seg === '..' || seg === '.');
}
