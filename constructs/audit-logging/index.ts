/**
 * Vault audit logging for one region: a local file device and a socket device shipping to the
 * in-country sink (control 12; rules VC-AU1, VC-AU2).
 */
import { Audit } from '@cdktf/provider-vault/lib/audit';
import { Construct } from 'constructs';
import ipaddr from 'ipaddr.js';
import { PropChecker } from '../common/validate';

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
}

/** Two Vault audit devices of different types: a local file and a TCP stream to the in-country sink. */
export class AuditLogging extends Construct {
  readonly fileDevice: Audit;
  readonly socketDevice: Audit;

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

    // Options are strings in the provider; log_raw off keeps secrets HMAC'd in every entry (VC-AU2).
    this.fileDevice = new Audit(this, 'file', {
      type: 'file',
      path: 'file',
      description: 'Local JSON audit log',
      options: {
        file_path: filePath,
        format: 'json',
        hmac_accessor: 'true',
        log_raw: 'false',
      },
    });

    const address = isIp && ipaddr.parse(host).kind() === 'ipv6' ? `[${host}]:${props.sink.port}` : `${host}:${props.sink.port}`;
    this.socketDevice = new Audit(this, 'socket', {
      type: 'socket',
      path: 'socket',
      description: 'Audit stream to the in-country log sink',
      options: {
        address,
        socket_type: 'tcp',
        format: 'json',
        hmac_accessor: 'true',
        log_raw: 'false',
      },
    });
  }
}

function isAbsoluteFilePath(p: string): boolean {
  if (!p.startsWith('/') || p.endsWith('/')) return false;
  if (![...p].every((ch) => ch.charCodeAt(0) > 0x20 && ch.charCodeAt(0) !== 0x7f)) return false;
  return !p.split('/').some((seg) => seg === '..' || seg === '.');
}
