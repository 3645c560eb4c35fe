/**
 * Container image references and registry hosts, parsed the way container runtimes resolve them,
 * so "which registry will the node pull from" is answered exactly.
 */

export interface ImageReference {
  /** Registry host (with port when given), lower-cased; `docker.io` when the reference names none. */
  readonly registry: string;
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

const HOST_LABEL = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
const REGISTRY_HOST = new RegExp(`^(?=[^:]{1,253}(?::|$))${HOST_LABEL}(?:\\.${HOST_LABEL})*(?::(?<port>[0-9]{1,5}))?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;

/** A registry host as written in image references: lower-case DNS name or IPv4, optional port. */
export function isRegistryHost(host: string): boolean {
  if (typeof host !== 'string') return false;
  const m = REGISTRY_HOST.exec(host);
  if (!m) return false;
  const port = m.groups?.port;
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
}

/** Parses `[host[:port]/]path[:tag][@digest]`; undefined when it is not a valid reference. */
export function parseImageReference(ref: string): ImageReference | undefined {
  if (typeof ref !== 'string' || ref.length === 0 || /\s/.test(ref)) return undefined;
  const at = ref.split('@');
  if (at.length > 2) return undefined;
  const [name = '', digest] = at;
  if (digest !== undefined && !DIGEST.test(digest)) return undefined;

  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tag = colon > slash ? name.slice(colon + 1) : undefined;
  if (tag !== undefined && !TAG.test(tag)) return undefined;
  const path = tag !== undefined ? name.slice(0, colon) : name;

  const parts = path.split('/');
  const first = parts[0] ?? '';
  // Same rule as the Docker reference grammar: the first component is a host only if it
  // looks like one; `library/nginx` and `nginx` are Docker Hub.
  const hasHost = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasHost ? first.toLowerCase() : 'docker.io';
  const repoParts = hasHost ? parts.slice(1) : parts;
  if (hasHost && !isRegistryHost(registry)) return undefined;
  if (repoParts.length === 0 || !repoParts.every((p) => PATH_COMPONENT.test(p))) return undefined;
  return { registry, repository: repoParts.join('/'), ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}
