/** The Vault HTTP API (Vault or OpenBao) from Node, over TLS with the server's CA. */
import { http, type HttpResponse } from './http';

export class VaultError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly response: HttpResponse,
  ) {
    const errors = (response.json as { errors?: string[] } | undefined)?.errors;
    super(`Vault ${method} ${path}: HTTP ${response.status} ${errors?.join('; ') ?? response.text.slice(0, 500)}`);
  }
}

export class VaultClient {
  constructor(
    readonly address: string,
    readonly ca: string | undefined,
    private readonly token?: string,
  ) {}

  withToken(token: string): VaultClient {
    return new VaultClient(this.address, this.ca, token);
  }

  /** Any call under /v1; never throws on an HTTP status (refusals are what some tests assert). */
  request(method: string, path: string, body?: unknown): Promise<HttpResponse> {
    return http(`${this.address.replace(/\/$/, '')}/v1/${path.replace(/^\//, '')}`, { method, body, ca: this.ca, headers: this.token ? { 'x-vault-token': this.token } : {} });
  }

  /** Like request, but a status outside 2xx throws a VaultError with the server's errors. */
  async ok<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await this.request(method, path, body);
    if (r.status < 200 || r.status > 299) throw new VaultError(method, path, r);
    return (r.json ?? {}) as T;
  }

  read<T = Record<string, unknown>>(path: string): Promise<T> {
    return this.ok<T>('GET', path);
  }

  write<T = Record<string, unknown>>(path: string, body: unknown = {}): Promise<T> {
    return this.ok<T>('POST', path, body);
  }

  /** Kubernetes auth login with a service-account JWT; returns the client token. */
  async kubernetesLogin(mount: string, role: string, jwt: string): Promise<string> {
    const r = await this.ok<{ auth: { client_token: string } }>('POST', `auth/${mount}/login`, { role, jwt });
    return r.auth.client_token;
  }
}
