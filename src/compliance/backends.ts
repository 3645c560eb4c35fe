/**
 * Where a Terraform state backend keeps state, read from its `terraform.backend` block: an
 * endpoint to judge, a cloud provider's storage, the local disk, or something only known at run time.
 */
import type { BackendBlock } from './subjects';
import { isExpression } from '../synthesized/values';

export type BackendPlace =
  | { readonly kind: 'local' }
  | { readonly kind: 'endpoint'; readonly value: string; readonly attribute: string }
  /** A cloud provider's own storage: `provider` is a catalogue provider id (`aws`, `gcp`, …), `region` when the config names one. */
  | { readonly kind: 'cloud'; readonly provider: string; readonly region?: string; readonly attribute: string }
  | { readonly kind: 'unknown'; readonly why: string; readonly attribute?: string };

function str(body: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const v = body[key];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** `host=… port=…` (libpq keyword form) or a postgres:// URL → the host as a URL-ish string. */
export function pgHost(connStr: string): string | undefined {
  if (/^[a-z]+:\/\//i.test(connStr)) return connStr;
  const m = /(?:^|\s)host\s*=\s*'?([^\s']+)/.exec(connStr);
  return m ? m[1] : undefined;
}

export function pgSslMode(connStr: string): string | undefined {
  if (/^[a-z]+:\/\//i.test(connStr)) {
    try {
      return new URL(connStr).searchParams.get('sslmode') ?? undefined;
    } catch {
      return undefined;
    }
  }
  return /(?:^|\s)sslmode\s*=\s*'?([A-Za-z-]+)/.exec(connStr)?.[1];
}

export function backendPlace(b: BackendBlock): BackendPlace {
  const body = b.body;
  switch (b.type) {
    case 'local':
      return { kind: 'local' };
    case 'pg': {
      const conn = str(body, 'conn_str');
      if (!conn) return { kind: 'unknown', why: 'pg backend without conn_str: the server comes from PG* environment variables at run time', attribute: 'conn_str' };
      if (isExpression(conn)) return { kind: 'unknown', why: `conn_str is ${conn}, known only at run time`, attribute: 'conn_str' };
      const host = pgHost(conn);
      return host ? { kind: 'endpoint', value: host, attribute: 'conn_str' } : { kind: 'unknown', why: 'no host can be read from conn_str (it defaults to a local socket or PGHOST)', attribute: 'conn_str' };
    }
    case 's3': {
      const endpoints = body['endpoints'];
      const custom =
        (endpoints && typeof endpoints === 'object' && !Array.isArray(endpoints) ? str(endpoints as Record<string, unknown>, 's3') : undefined) ?? str(body, 'endpoint');
      if (custom) return { kind: 'endpoint', value: custom, attribute: custom === str(body, 'endpoint') ? 'endpoint' : 'endpoints.s3' };
      const region = str(body, 'region');
      return { kind: 'cloud', provider: 'aws', ...(region ? { region } : {}), attribute: 'region' };
    }
    case 'kubernetes': {
      const host = str(body, 'host');
      if (host) return { kind: 'endpoint', value: host, attribute: 'host' };
      return { kind: 'unknown', why: 'kubernetes backend without host: the cluster comes from the kubeconfig at run time', attribute: 'host' };
    }
    case 'http': {
      const address = str(body, 'address');
      return address ? { kind: 'endpoint', value: address, attribute: 'address' } : { kind: 'unknown', why: 'http backend without address (TF_HTTP_ADDRESS at run time)', attribute: 'address' };
    }
    case 'consul': {
      const address = str(body, 'address');
      return address ? { kind: 'endpoint', value: address, attribute: 'address' } : { kind: 'unknown', why: 'consul backend without address (CONSUL_HTTP_ADDR at run time)', attribute: 'address' };
    }
    case 'remote':
    case 'cloud':
      return { kind: 'endpoint', value: str(body, 'hostname') ?? 'app.terraform.io', attribute: 'hostname' };
    case 'gcs':
      return { kind: 'cloud', provider: 'gcp', attribute: 'bucket' };
    case 'azurerm':
      return { kind: 'cloud', provider: 'azure', attribute: 'storage_account_name' };
    case 'oss': {
      const region = str(body, 'region');
      return { kind: 'cloud', provider: 'alibaba', ...(region ? { region } : {}), attribute: 'region' };
    }
    default:
      return { kind: 'unknown', why: `the ${b.type} backend's location cannot be read from its configuration` };
  }
}
