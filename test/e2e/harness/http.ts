/**
 * One HTTP(S) call with a private CA, as the e2e suites talk to the real servers. Node's global fetch
 * cannot take a CA per request without undici's dispatcher, which is not a dependency; node:https can.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface HttpResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: unknown;
}

export interface HttpOptions {
  readonly method?: string;
  readonly headers?: Record<string, string | string[]>;
  /** Serialized as JSON unless a string. */
  readonly body?: unknown;
  /** PEM of the CA that signed the server's certificate. */
  readonly ca?: string;
  /** A client certificate and key (PEM), for servers that authenticate clients by certificate. */
  readonly clientCert?: { readonly cert: string; readonly key: string };
  readonly timeoutMs?: number;
}

export function http(url: string, opts: HttpOptions = {}): Promise<HttpResponse> {
  const u = new URL(url);
  const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  const headers: Record<string, string | string[]> = { accept: 'application/json', ...(opts.headers ?? {}) };
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(u, { method: opts.method ?? (body === undefined ? 'GET' : 'POST'), headers, ...(opts.ca ? { ca: opts.ca } : {}), ...(opts.clientCert ?? {}), timeout: opts.timeoutMs ?? 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? (JSON.parse(text) as unknown) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${opts.method ?? 'GET'} ${url}: timed out`)));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
