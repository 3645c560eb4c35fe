/**
 * Finds what the e2e suites run: the server binaries the kit built (test/e2e/servers/build.sh), the
 * Terraform providers (a filesystem mirror) and tofu/terraform. The cache key is computed exactly as
 * build.sh computes it, so a stale kit (a pin changed since the last build) reads as missing.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const KIT_DIR = join(__dirname, '..', 'servers');

export function kitCache(): string {
  return process.env.SLZ_E2E_CACHE ?? join(homedir(), '.cache', 'slz-e2e');
}

/** Kit folder → the binaries its kit.env builds. */
export const KIT_TOOLS = {
  etcd: ['etcd'],
  kubernetes: ['kube-apiserver', 'kube-controller-manager'],
  vault: ['vault'],
  opentofu: ['tofu'],
} as const;
export type KitTool = keyof typeof KIT_TOOLS;
export type KitBinary = (typeof KIT_TOOLS)[KitTool][number];

/** sha256 of go.mod, go.sum and kit.env, first 16 hex digits — build.sh's `key_of`. */
export function kitKey(tool: KitTool): string {
  const hash = createHash('sha256');
  for (const f of ['go.mod', 'go.sum', 'kit.env']) hash.update(readFileSync(join(KIT_DIR, tool, f)));
  return hash.digest('hex').slice(0, 16);
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The pinned version of a kit tool (kit.env's VERSION line). */
export function kitVersion(tool: KitTool): string {
  return envValue(join(KIT_DIR, tool, 'kit.env'), 'VERSION') ?? '?';
}

/** One `KEY=value` line of a kit env file (values there are unquoted and contain no spaces). */
function envValue(file: string, key: string): string | undefined {
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${key}=`));
  return line?.slice(key.length + 1).trim();
}

export function kitBinary(name: KitBinary): string | undefined {
  const tool = (Object.keys(KIT_TOOLS) as KitTool[]).find((t) => (KIT_TOOLS[t] as readonly string[]).includes(name))!;
  const path = join(kitCache(), tool, kitKey(tool), name);
  return executable(path) ? path : undefined;
}

export interface ServerBinaries {
  readonly etcd: string;
  readonly kubeApiserver: string;
  readonly kubeControllerManager: string;
  readonly vault: string;
}

/** The server binaries, or what is missing (each with how to get it). */
export function serverBinaries(): { binaries?: ServerBinaries; missing: string[] } {
  const wanted: [keyof ServerBinaries, KitBinary, KitTool][] = [
    ['etcd', 'etcd', 'etcd'],
    ['kubeApiserver', 'kube-apiserver', 'kubernetes'],
    ['kubeControllerManager', 'kube-controller-manager', 'kubernetes'],
    ['vault', 'vault', 'vault'],
  ];
  const found: Partial<Record<keyof ServerBinaries, string>> = {};
  const missing: string[] = [];
  for (const [key, bin, tool] of wanted) {
    const path = kitBinary(bin);
    if (path) found[key] = path;
    else missing.push(`${bin} ${kitVersion(tool)} (not in ${join(kitCache(), tool, kitKey(tool))}: run npm run e2e:servers)`);
  }
  return missing.length === 0 ? { binaries: found as ServerBinaries, missing } : { missing };
}

// ---------------------------------------------------------------------------------------------
// Terraform providers

export const PROVIDER_NAMES = ['vault', 'kubernetes'] as const;
export const REGISTRY_HOSTS = ['registry.terraform.io', 'registry.opentofu.org'] as const;

function platform(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  return `${process.platform}_${arch}`;
}

/**
 * Versions of `hashicorp/<name>` a mirror holds for one host, in either layout terraform and tofu
 * read: unpacked (`<version>/<os>_<arch>/terraform-provider-<name>_v<version>`) or packed
 * (`terraform-provider-<name>_<version>_<os>_<arch>.zip`, what `terraform providers mirror` writes).
 */
export function mirroredVersions(mirror: string, host: string, name: string): string[] {
  const base = join(mirror, host, 'hashicorp', name);
  if (!existsSync(base)) return [];
  const versions = new Set<string>();
  const packed = new RegExp(`^terraform-provider-${name}_(.+)_${platform()}\\.zip$`);
  for (const entry of readdirSync(base)) {
    const zip = packed.exec(entry);
    if (zip) versions.add(zip[1]!);
    const dir = join(base, entry, platform());
    if (existsSync(dir) && readdirSync(dir).some((f) => f.startsWith(`terraform-provider-${name}`) && executable(join(dir, f)))) versions.add(entry);
  }
  return [...versions].sort();
}

export interface ProviderMirror {
  readonly mirror?: string;
  /** Where it came from: SLZ_E2E_PROVIDER_MIRROR or the kit cache. */
  readonly source?: string;
  readonly missing: string[];
  /** One line for the console: found where, or what is missing and why. */
  readonly summary: string;
}

/** The proxy's refusal, quoted from providers.env's pins, for the "missing" line. */
export function providerRefusal(): string {
  const env = join(KIT_DIR, 'providers.env');
  const parts = PROVIDER_NAMES.map((n) => {
    const key = n.toUpperCase();
    return `go mod download ${envValue(env, `${key}_PROVIDER_MODULE`)}@${envValue(env, `${key}_PROVIDER_PSEUDO`)} → 403 "This module version is not available"`;
  });
  return `the Go proxy refuses them: ${parts.join('; ')}`;
}

function missingIn(mirror: string): string[] {
  const missing: string[] = [];
  for (const name of PROVIDER_NAMES) {
    const hosts = REGISTRY_HOSTS.filter((h) => mirroredVersions(mirror, h, name).length === 0);
    if (hosts.length > 0) missing.push(`hashicorp/${name} for ${hosts.join(' and ')}`);
  }
  return missing;
}

/**
 * The provider mirror, in this order: SLZ_E2E_PROVIDER_MIRROR (unpacked layout
 * `<host>/hashicorp/<name>/<version>/<os>_<arch>/terraform-provider-<name>_v<version>` for both
 * registry hosts), then the kit cache's mirror (filled only if the Go proxy ever serves them).
 */
export function providerMirror(): ProviderMirror {
  const given = process.env.SLZ_E2E_PROVIDER_MIRROR;
  if (given) {
    const missing = missingIn(given);
    return missing.length === 0
      ? { mirror: given, source: 'SLZ_E2E_PROVIDER_MIRROR', missing, summary: `providers: ${describeMirror(given)} (SLZ_E2E_PROVIDER_MIRROR)` }
      : { missing, summary: `missing: ${missing.join(', ')} in SLZ_E2E_PROVIDER_MIRROR=${given}` };
  }
  const cached = join(kitCache(), 'providers', 'mirror');
  if (existsSync(cached) && missingIn(cached).length === 0) {
    return { mirror: cached, source: 'kit cache', missing: [], summary: `providers: ${describeMirror(cached)} (kit cache)` };
  }
  const missing = PROVIDER_NAMES.map((n) => `hashicorp/${n}`);
  return { missing, summary: `missing: hashicorp/vault and hashicorp/kubernetes provider binaries (${providerRefusal()}); set SLZ_E2E_PROVIDER_MIRROR (test/e2e/servers/README.md)` };
}

function describeMirror(mirror: string): string {
  return PROVIDER_NAMES.map((n) => `hashicorp/${n} ${mirroredVersions(mirror, REGISTRY_HOSTS[0], n).join(',')}`).join(', ') + ` in ${mirror}`;
}

/**
 * A CLI config that installs providers from the mirror only: no `direct {}` block, so no registry is
 * ever contacted while version constraints still apply. Read by terraform and tofu alike.
 */
export function writeCliConfig(file: string, mirror: string): string {
  writeFileSync(file, `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n  }\n}\n`);
  return file;
}

// ---------------------------------------------------------------------------------------------
// tofu / terraform

export interface IacTool {
  readonly name: 'tofu' | 'terraform';
  readonly path: string;
  readonly version: string;
}

function onPath(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function versionOf(path: string): string {
  const r = spawnSync(path, ['version', '-json'], { encoding: 'utf8' });
  try {
    return (JSON.parse(r.stdout) as { terraform_version: string }).terraform_version;
  } catch {
    return r.stdout.split('\n')[0] ?? '?';
  }
}

/** tofu (the kit's build, else PATH) and terraform (PATH), with what is missing. */
export function iacTools(): { tools: IacTool[]; missing: string[] } {
  const tools: IacTool[] = [];
  const missing: string[] = [];
  const tofu = kitBinary('tofu') ?? onPath('tofu');
  if (tofu) tools.push({ name: 'tofu', path: tofu, version: versionOf(tofu) });
  else missing.push(`tofu ${kitVersion('opentofu')} (run npm run e2e:servers)`);
  const terraform = process.env.SLZ_E2E_TERRAFORM_BIN ?? onPath('terraform');
  if (terraform) tools.push({ name: 'terraform', path: terraform, version: versionOf(terraform) });
  else missing.push('terraform on PATH (optional)');
  return { tools, missing };
}
