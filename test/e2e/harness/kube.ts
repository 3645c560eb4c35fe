/**
 * The Kubernetes REST API from Node, as the e2e suites use it: bearer token, optional impersonation
 * (Impersonate-User / Impersonate-Group, what `kubectl --as` sends) and TokenRequest.
 */
import { http, type HttpResponse } from './http';

export interface Impersonation {
  readonly user: string;
  readonly groups?: readonly string[];
}

export class KubeError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly response: HttpResponse,
  ) {
    const status = response.json as { message?: string; reason?: string } | undefined;
    super(`${method} ${path}: HTTP ${response.status} ${status?.reason ?? ''} ${status?.message ?? response.text.slice(0, 500)}`.trim());
  }
}

/** How the client authenticates: a bearer token, or a client certificate and key (PEM). */
export type KubeCredentials = string | { readonly cert: string; readonly key: string };

export class KubeClient {
  constructor(
    readonly server: string,
    readonly ca: string,
    private readonly credentials: KubeCredentials,
    readonly impersonation?: Impersonation,
  ) {}

  /** The same client acting as another user (the authenticated user must be allowed to impersonate). */
  as(user: string, groups: readonly string[] = []): KubeClient {
    return new KubeClient(this.server, this.ca, this.credentials, { user, groups });
  }

  /** A client that authenticates with another bearer token (e.g. one from tokenRequest). */
  withToken(token: string): KubeClient {
    return new KubeClient(this.server, this.ca, token);
  }

  /** Any call; never throws on an HTTP status (admission refusals are answers the tests assert on). */
  request(method: string, path: string, body?: unknown, contentType?: string): Promise<HttpResponse> {
    const headers: Record<string, string | string[]> = typeof this.credentials === 'string' ? { authorization: `Bearer ${this.credentials}` } : {};
    if (contentType) headers['content-type'] = contentType;
    if (this.impersonation) {
      headers['impersonate-user'] = this.impersonation.user;
      if (this.impersonation.groups?.length) headers['impersonate-group'] = [...this.impersonation.groups];
    }
    return http(`${this.server}${path}`, { method, headers, body, ca: this.ca, ...(typeof this.credentials === 'string' ? {} : { clientCert: this.credentials }) });
  }

  /** Like request, but an HTTP status outside 2xx throws a KubeError with the server's message. */
  async ok<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await this.request(method, path, body);
    if (r.status < 200 || r.status > 299) throw new KubeError(method, path, r);
    return r.json as T;
  }

  get<T = Record<string, unknown>>(path: string): Promise<T> {
    return this.ok<T>('GET', path);
  }

  create<T = Record<string, unknown>>(path: string, body: unknown): Promise<T> {
    return this.ok<T>('POST', path, body);
  }

  /**
   * A service-account token from the TokenRequest API (POST …/serviceaccounts/<sa>/token), as a
   * kubelet would project it into a pod. Without audiences the apiserver's own (its issuer) apply.
   */
  async tokenRequest(namespace: string, serviceAccount: string, opts: { audiences?: string[]; expirationSeconds?: number } = {}): Promise<string> {
    const spec: Record<string, unknown> = { expirationSeconds: opts.expirationSeconds ?? 600 };
    if (opts.audiences) spec.audiences = opts.audiences;
    const r = await this.create<{ status: { token: string } }>(`/api/v1/namespaces/${namespace}/serviceaccounts/${serviceAccount}/token`, { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec });
    return r.status.token;
  }

  /** SelfSubjectAccessReview: may the current (or impersonated) identity do this? */
  async can(verb: string, resource: string, namespace: string, opts: { group?: string; subresource?: string } = {}): Promise<boolean> {
    const r = await this.create<{ status: { allowed: boolean } }>('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { verb, resource, namespace, group: opts.group ?? '', ...(opts.subresource ? { subresource: opts.subresource } : {}) } },
    });
    return r.status.allowed;
  }

  /** Polls GET path until `accept` holds for the object (404 counts as "not yet"). */
  async waitFor<T = Record<string, unknown>>(path: string, accept: (o: T) => boolean = () => true, timeoutMs = 60_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = await this.request('GET', path);
      if (r.status === 200 && accept(r.json as T)) return r.json as T;
      if (Date.now() > deadline) throw new Error(`GET ${path}: condition not met after ${timeoutMs / 1000} s (last HTTP ${r.status})`);
      await new Promise((res) => setTimeout(res, 250));
    }
  }

  /** Polls until GET path answers 404 (e.g. a namespace finished terminating). */
  async waitGone(path: string, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = await this.request('GET', path);
      if (r.status === 404) return;
      if (Date.now() > deadline) throw new Error(`GET ${path}: still there after ${timeoutMs / 1000} s (HTTP ${r.status})`);
      await new Promise((res) => setTimeout(res, 500));
    }
  }
}
