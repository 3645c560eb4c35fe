/** SB-ST2: state travels over verified TLS and is encrypted at rest where the backend supports it. */
import { fail, pass, unknown } from '../../attributes';
import { pgSslMode } from '../../backends';
import { c5, nist } from '../../controls';
import { backendOf } from '../../subjects';
import type { Outcome, StackRule } from '../../types';
import { isExpression, readBool, readString } from '../../../synthesized/values';

function https(value: string | undefined, what: string, attribute: string, required: boolean): Outcome {
  if (value === undefined) return required ? unknown(`${what} is not set in the configuration`, attribute) : pass();
  if (isExpression(value)) return unknown(`${what} is ${value}, known only at run time`, attribute);
  return /^https:\/\//i.test(value) ? pass() : fail(`${what} ${value} is not an https:// URL: state (with its secrets) would cross the network in clear`, attribute);
}

export const rule: StackRule = {
  id: 'SB-ST2',
  pack: 'sovereign-baseline',
  scope: 'stack',
  level: 'error',
  title: 'State is encrypted in transit and at rest',
  rationale:
    'Terraform state holds secrets in clear (generated keys, certificates, tokens). The connection to the backend must use TLS with server verification, and backends that can encrypt at rest must be told to.',
  fix: 'pg: add sslmode=verify-full (or verify-ca) to conn_str; s3: set encrypt = true and an https endpoint; http/consul/kubernetes: use https and never insecure mode.',
  controls: [nist('SC-8'), nist('SC-28'), c5('CRY-02'), c5('CRY-03')],
  check(stack) {
    const backend = backendOf(stack);
    if (!backend) return [];
    const body = backend.body;
    const at = { location: backend.location };
    switch (backend.type) {
      case 'pg': {
        const conn = readString(body, 'conn_str');
        if (conn.kind === 'absent') return [{ ...at, outcome: unknown('conn_str is not set; sslmode comes from PGSSLMODE at run time', 'conn_str') }];
        if (conn.kind !== 'value') return [{ ...at, outcome: unknown('conn_str is known only at run time', 'conn_str') }];
        const mode = pgSslMode(conn.value);
        if (mode === 'verify-full' || mode === 'verify-ca') return [{ ...at, outcome: pass() }];
        return [{ ...at, outcome: fail(mode ? `sslmode=${mode} does not verify the server` : 'conn_str sets no sslmode (libpq then tries TLS without verifying the server, and falls back to clear)', 'conn_str') }];
      }
      case 's3': {
        const out: Outcome[] = [];
        const enc = readBool(body, 'encrypt');
        if (enc.kind === 'unresolved') out.push(unknown('encrypt is known only at plan time', 'encrypt'));
        else if (!(enc.kind === 'value' && enc.value)) out.push(fail('encrypt is not true: state objects are stored without server-side encryption', 'encrypt'));
        const endpoints = body['endpoints'];
        const ep = endpoints && typeof endpoints === 'object' ? (endpoints as Record<string, unknown>)['s3'] : body['endpoint'];
        if (typeof ep === 'string') out.push(https(ep, 's3 endpoint', typeof body['endpoint'] === 'string' ? 'endpoint' : 'endpoints.s3', false));
        const bad = out.filter((o) => o.status !== 'pass');
        return (bad.length ? bad : [pass()]).map((outcome) => ({ ...at, outcome }));
      }
      case 'http':
        return [{ ...at, outcome: https(typeof body['address'] === 'string' ? (body['address'] as string) : undefined, 'http backend address', 'address', true) }];
      case 'consul': {
        const scheme = readString(body, 'scheme');
        if (scheme.kind === 'value' && scheme.value === 'https') return [{ ...at, outcome: pass() }];
        if (scheme.kind === 'unresolved') return [{ ...at, outcome: unknown('scheme is known only at run time', 'scheme') }];
        return [{ ...at, outcome: fail(`consul backend scheme is ${scheme.kind === 'value' ? scheme.value : 'not set (http)'}; set scheme = "https"`, 'scheme') }];
      }
      case 'kubernetes': {
        const insecure = readBool(body, 'insecure');
        if (insecure.kind === 'value' && insecure.value) return [{ ...at, outcome: fail('insecure = true skips verification of the API server certificate', 'insecure') }];
        const host = typeof body['host'] === 'string' ? (body['host'] as string) : undefined;
        // Without a scheme the Kubernetes client uses https.
        return [{ ...at, outcome: host && !host.includes('://') ? pass() : https(host, 'kubernetes backend host', 'host', false) }];
      }
      default:
        return [];
    }
  },
};
