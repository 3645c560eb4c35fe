import { parse as parseHcl } from '@cdktf/hcl2json';
import { Testing } from 'cdktf';
import { AuditLogging, OPENBAO_AUDIT_OUTPUT, type AuditLoggingProps } from '../../constructs/audit-logging';

type Resources = Record<string, Record<string, Record<string, unknown>>>;

function devices(props: AuditLoggingProps): Record<string, unknown>[] {
  const res = (JSON.parse(Testing.synthScope((s) => void new AuditLogging(s, 'audit', props))) as { resource: Resources }).resource;
  return Object.values(res['vault_audit'] ?? {});
}

const props: AuditLoggingProps = { sink: { host: 'logs.cyberjaya.example.gov.my', port: 9090 } };

describe('AuditLogging', () => {
  test('two devices of different types, both JSON, neither logging raw secrets', () => {
    const ds = devices(props);
    expect(ds).toHaveLength(2);
    expect(new Set(ds.map((d) => d.type))).toEqual(new Set(['file', 'socket']));
    for (const d of ds) {
      expect(d.options).toMatchObject({ format: 'json', log_raw: 'false', hmac_accessor: 'true' });
    }
  });

  test('the file device writes to the default path', () => {
    const file = devices(props).find((d) => d.type === 'file');
    expect(file).toMatchObject({ path: 'file', options: { file_path: '/vault/audit/audit.log' } });
  });

  test('the socket device streams over TCP to the in-country sink', () => {
    const socket = devices(props).find((d) => d.type === 'socket');
    expect(socket).toMatchObject({ path: 'socket', options: { address: 'logs.cyberjaya.example.gov.my:9090', socket_type: 'tcp' } });
  });

  test('honours a custom file path and IP sinks (IPv6 bracketed)', () => {
    const ds = devices({ filePath: '/var/log/vault/audit.json', sink: { host: 'fd00::10', port: 514 } });
    expect(ds.find((d) => d.type === 'file')).toMatchObject({ options: { file_path: '/var/log/vault/audit.json' } });
    expect(ds.find((d) => d.type === 'socket')).toMatchObject({ options: { address: '[fd00::10]:514' } });
    expect(devices({ sink: { host: '10.1.2.3', port: 6514 } }).find((d) => d.type === 'socket')).toMatchObject({ options: { address: '10.1.2.3:6514' } });
  });

  test('OpenBao: no API-created device (OpenBao >= 2.3 refuses them), the same devices as server-configuration stanzas', async () => {
    const synth = JSON.parse(Testing.synthScope((sc) => void new AuditLogging(sc, 'audit', { ...props, dialect: 'openbao' }))) as { resource?: Resources; output: Record<string, { value: string }> };
    expect(synth.resource?.['vault_audit']).toBeUndefined();
    const declared = JSON.parse(synth.output[OPENBAO_AUDIT_OUTPUT]!.value) as { type: string; path: string; options: Record<string, string> }[];
    expect(declared.map((d) => [d.type, d.path])).toEqual([['file', 'file'], ['socket', 'socket']]);
    for (const d of declared) expect(d.options).toMatchObject({ format: 'json', log_raw: 'false', hmac_accessor: 'true' });
    // The stanzas are HCL an OpenBao server reads: parse them and compare with the declared devices.
    let config = '';
    Testing.synthScope((sc) => void (config = new AuditLogging(sc, 'audit', { ...props, dialect: 'openbao' }).declarativeConfig!));
    const hcl = (await parseHcl('openbao.hcl', config)) as { audit: Record<string, Record<string, { description: string; options: Record<string, string>[] }[]>> };
    expect(hcl.audit['file']!['file']![0]!.options[0]).toEqual(declared[0]!.options);
    expect(hcl.audit['socket']!['socket']![0]!.options[0]).toEqual({ ...declared[1]!.options, address: 'logs.cyberjaya.example.gov.my:9090' });
  });

  describe('refuses invalid props', () => {
    test('bad sink host or port', () => {
      expect(() => devices({ sink: { host: 'tcp://logs.example.gov.my', port: 9090 } })).toThrow(/sink.host/);
      expect(() => devices({ sink: { host: 'logs.example.gov.my:9090', port: 9090 } })).toThrow(/sink.host/);
      expect(() => devices({ sink: { host: '', port: 9090 } })).toThrow(/sink.host/);
      expect(() => devices({ sink: { host: 'logs.example.gov.my', port: 0 } })).toThrow(/sink.port must be a whole number from 1 to 65535/);
      expect(() => devices({ sink: { host: 'logs.example.gov.my', port: 70000 } })).toThrow(/sink.port/);
    });

    test('relative, traversing or non-file paths', () => {
      expect(() => devices({ ...props, filePath: 'audit.log' })).toThrow(/filePath/);
      expect(() => devices({ ...props, filePath: '/vault/../etc/audit.log' })).toThrow(/filePath/);
      expect(() => devices({ ...props, filePath: 'discard' })).toThrow(/filePath/);
      expect(() => devices({ ...props, filePath: '/vault/audit/' })).toThrow(/filePath/);
    });
  });
});
