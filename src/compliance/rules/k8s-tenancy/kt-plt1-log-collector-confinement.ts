import { block, blocks, isUnresolved, type ResourceRef } from '../../../synthesized';
import type { Outcome, RuleContext, StackOutcome, StackRule } from '../../types';
import { fail, logCollectorClaim, namespacesOf, notApplicable, pass, resourcesInNamespace, unknown, workloadLabel } from './_shared';
import { COMPONENT_LABEL, LOG_COLLECTOR_COMPONENT, POD_SECURITY_PREFIX, type NamespaceInfo } from '../../../synthesized/kubernetes/namespace';
import { denyCoverage } from '../../../synthesized/kubernetes/network-policy';
import { containersOf, podSpecOf, RESTRICTED_SECCOMP_TYPES, securityContextOf, type PodSpecView } from '../../../synthesized/kubernetes/pod-spec';
import { NETWORK_POLICY_TYPES, WORKLOAD_TYPES } from '../../../synthesized/kubernetes/resource-types';
import { boolOf, literal } from '../../../synthesized/values';

const LOG_ROOT = '/var/log/';

/**
 * Where an absolute host path really points, textually: `//` and `.` segments collapsed. A `..`
 * segment is refused outright (it may climb out of /var/log), as is a relative path.
 */
export function normalizeHostPath(path: string): { readonly ok: true; readonly path: string } | { readonly ok: false; readonly problem: string } {
  if (!path.startsWith('/')) return { ok: false, problem: 'is not an absolute path' };
  const segments = path.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return { ok: false, problem: 'contains a ".." segment' };
  return { ok: true, path: `/${segments.join('/')}` };
}

/** A host path strictly below /var/log/ (not /var/log itself), after normalization. */
export function isUnderLogRoot(path: string): boolean {
  const n = normalizeHostPath(path);
  return n.ok && n.path.startsWith(LOG_ROOT) && n.path.length > LOG_ROOT.length;
}

/**
 * A repeated block whose items are known only at plan time: the list (or an item) is a
 * reference, or the parent generates it with a cdktf `dynamic` block of that name.
 */
function opaqueList(parent: Readonly<Record<string, unknown>>, key: string): boolean {
  const value = parent[key];
  if (isUnresolved(value)) return true;
  if (Array.isArray(value) && value.some((v) => typeof v === 'string' && isUnresolved(v))) return true;
  const dynamic = parent.dynamic;
  return isUnresolved(dynamic) || (block(dynamic)?.[key] ?? null) !== null;
}

function namespaceChecks(ns: NamespaceInfo, ctx: RuleContext): Outcome[] {
  const out: Outcome[] = [];
  const labels = ns.labels ?? {};
  for (const mode of ['audit', 'warn'] as const) {
    const key = `${POD_SECURITY_PREFIX}/${mode}`;
    const attr = `metadata.labels["${key}"]`;
    const raw = labels[key];
    const lit = literal(raw);
    if (raw === undefined || raw === null || raw === '') out.push(fail(`${ns.label}: ${key} is not set; it must be "restricted" so every pod the "privileged" enforce level admits is still ${mode === 'audit' ? 'audited' : 'warned about'}`, attr));
    else if (lit === undefined) out.push(unknown(`${ns.label}: ${key} is a reference; whether it is "restricted" is known only at plan time`, attr));
    else if (lit !== 'restricted') out.push(fail(`${ns.label}: ${key} is "${lit}", not "restricted"; deviations of the collector's pods would no longer be ${mode === 'audit' ? 'audited' : 'shown on apply'}`, attr));
  }
  const { sure, maybe } = resourcesInNamespace(ns, NETWORK_POLICY_TYPES, ctx);
  const cov = denyCoverage(sure, maybe);
  const missing = (['ingress', 'egress'] as const).filter((d) => cov[d] === 'no');
  if (missing.length > 0) out.push(fail(`${ns.label}: no default-deny NetworkPolicy for ${missing.join(' and ')}; a pod that reads every node log must not be reachable or able to send them anywhere but where it is allowed`));
  else if (cov.ingress !== 'deny' || cov.egress !== 'deny') out.push(unknown(`${ns.label}: whether a default-deny NetworkPolicy covers it depends on values known only at plan time`));
  return out;
}

/** The host-path volumes of a pod and their confinement: under /var/log/, mounted read-only everywhere. */
function volumeChecks(pod: PodSpecView, subject: string): Outcome[] {
  const out: Outcome[] = [];
  if (opaqueList(pod.spec, 'volume')) {
    out.push(unknown(`${subject}: volumes are generated at plan time (reference or dynamic block); their host paths cannot be checked`, `${pod.path}.volume`));
  }
  const containers = containersOf(pod);
  // Mount-level unknowns concern every host_path volume alike: reported once.
  const mountUnknowns = new Map<string, Outcome>();
  blocks(pod.spec.volume).forEach((v, i) => {
    const hpRaw = v.host_path;
    if (hpRaw === undefined || hpRaw === null) return;
    const vattr = `${pod.path}.volume[${i}]`;
    const name = literal(v.name);
    const shown = name === undefined ? `#${i}` : name;
    const hp = block(hpRaw);
    const pathRaw = hp?.path;
    const path = literal(pathRaw);
    if (hp !== undefined && (pathRaw === undefined || pathRaw === null || pathRaw === '')) {
      out.push(fail(`${subject}: volume "${shown}" is a host_path without a path`, `${vattr}.host_path.path`));
    } else if (hp === undefined || path === undefined) {
      out.push(unknown(`${subject}: volume "${shown}" host_path.path ${String(pathRaw ?? hpRaw)} is known only at plan time`, `${vattr}.host_path.path`));
    } else {
      const n = normalizeHostPath(path);
      if (!n.ok) out.push(fail(`${subject}: volume "${shown}" host_path "${path}" ${n.problem}; only paths under ${LOG_ROOT} are allowed`, `${vattr}.host_path.path`));
      else if (!isUnderLogRoot(path)) out.push(fail(`${subject}: volume "${shown}" host_path "${path}" is not under ${LOG_ROOT}; a log collector may mount nothing else of the node`, `${vattr}.host_path.path`));
    }
    if (name === undefined) {
      out.push(unknown(`${subject}: volume #${i} (host_path) has a name known only at plan time, so whether its mounts are read-only cannot be checked`, `${vattr}.name`));
      return;
    }
    for (const c of containers) {
      const mountsRaw = c.container.volume_mount;
      if (opaqueList(c.container, 'volume_mount')) {
        mountUnknowns.set(`${c.attribute}.volume_mount`, unknown(`${subject}: ${c.label} volume mounts are generated at plan time; whether it mounts a host_path volume read-only cannot be checked`, `${c.attribute}.volume_mount`));
        continue;
      }
      blocks(mountsRaw).forEach((m, j) => {
        const mattr = `${c.attribute}.volume_mount[${j}]`;
        const mname = literal(m.name);
        if (mname === undefined) {
          mountUnknowns.set(`${mattr}.name`, unknown(`${subject}: ${c.label} volume_mount[${j}] names its volume through a reference; it may mount a host_path volume writable`, `${mattr}.name`));
          return;
        }
        if (mname !== name) return;
        const ro = boolOf(m.read_only);
        if (ro === 'unresolved') out.push(unknown(`${subject}: ${c.label} mounts host_path volume "${name}" with read_only known only at plan time`, `${mattr}.read_only`));
        else if (ro !== true) out.push(fail(`${subject}: ${c.label} mounts host_path volume "${name}" (${path ?? 'path unknown'}) writable: read_only is ${ro === false ? 'false' : 'not set (defaults to false)'}`, `${mattr}.read_only`));
      });
    }
  });
  return [...out, ...mountUnknowns.values()];
}

/** Host namespaces of the pod. */
function hostNamespaceChecks(pod: PodSpecView, subject: string): Outcome[] {
  const out: Outcome[] = [];
  for (const key of ['host_network', 'host_pid', 'host_ipc'] as const) {
    const v = boolOf(pod.spec[key]);
    const attr = `${pod.path}.${key}`;
    if (v === true) out.push(fail(`${subject}: ${key} = true shares the node's ${key.slice(5).toUpperCase()} namespace`, attr));
    else if (v === 'unresolved') out.push(unknown(`${subject}: ${key} is known only at plan time`, attr));
  }
  return out;
}

/** Each container's security context: one outcome per setting that is wrong. */
function containerChecks(pod: PodSpecView, subject: string): Outcome[] {
  const out: Outcome[] = [];
  if (opaqueList(pod.spec, 'container') || opaqueList(pod.spec, 'init_container')) {
    out.push(unknown(`${subject}: containers are generated at plan time; their security context cannot be checked`, `${pod.path}.container`));
  }
  for (const c of containersOf(pod)) {
    const who = `${subject}, ${c.label}`;
    const scAttr = `${c.attribute}.security_context`;
    if (isUnresolved(c.container.security_context)) {
      out.push(unknown(`${who}: security_context is a reference`, scAttr));
      continue;
    }
    const sc = securityContextOf(pod, c);
    const setting = (key: string, want: boolean, value: unknown, orPod = false) => {
      const v = value !== undefined && value !== null ? boolOf(value) : undefined;
      const attr = `${scAttr}.${key}`;
      if (v === 'unresolved') out.push(unknown(`${who}: ${key} is known only at plan time`, attr));
      else if (v !== want) out.push(fail(`${who}: ${key} is ${v === undefined ? 'not set' : String(v)}${orPod ? ' (container or pod)' : ''}, must be ${String(want)}`, attr));
    };

    const priv = boolOf(sc.privileged);
    if (priv === true) out.push(fail(`${who} is privileged`, `${scAttr}.privileged`));
    else if (priv === 'unresolved') out.push(unknown(`${who}: privileged is known only at plan time`, `${scAttr}.privileged`));

    setting('run_as_non_root', true, sc.runAsNonRoot, true);
    setting('read_only_root_filesystem', true, sc.readOnlyRootFilesystem);
    setting('allow_privilege_escalation', false, sc.allowPrivilegeEscalation);

    if (!sc.drop.items.some((d) => d.toUpperCase() === 'ALL')) {
      if (sc.drop.unresolved || isUnresolved(sc.capabilities)) out.push(unknown(`${who}: capabilities.drop is known only at plan time`, `${scAttr}.capabilities.drop`));
      else out.push(fail(`${who}: capabilities.drop does not include "ALL"`, `${scAttr}.capabilities.drop`));
    }
    if (sc.add.items.length > 0) out.push(fail(`${who}: capabilities.add includes ${sc.add.items.map((a) => `"${a}"`).join(', ')}; a log collector needs no capability`, `${scAttr}.capabilities.add`));
    else if (sc.add.unresolved) out.push(unknown(`${who}: capabilities.add is known only at plan time`, `${scAttr}.capabilities.add`));

    const seccompRaw = sc.seccompProfileType;
    const seccomp = literal(seccompRaw);
    if (seccomp === undefined && seccompRaw !== undefined && seccompRaw !== null) out.push(unknown(`${who}: seccomp_profile.type is known only at plan time`, `${scAttr}.seccomp_profile.type`));
    else if (seccomp === undefined || !RESTRICTED_SECCOMP_TYPES.includes(seccomp)) {
      out.push(fail(`${who}: seccomp_profile.type is ${seccomp === undefined ? 'not set' : `"${seccomp}"`} (container or pod), not RuntimeDefault or Localhost`, `${scAttr}.seccomp_profile.type`));
    }

    const portsRaw = c.container.port;
    if (opaqueList(c.container, 'port')) out.push(unknown(`${who}: ports are known only at plan time`, `${c.attribute}.port`));
    blocks(portsRaw).forEach((p, i) => {
      if (p.host_port === undefined || p.host_port === null) return;
      const hp = literal(p.host_port);
      const pattr = `${c.attribute}.port[${i}].host_port`;
      if (hp === undefined) out.push(unknown(`${who}: port[${i}].host_port is known only at plan time`, pattr));
      else if (hp !== '0') out.push(fail(`${who} binds host_port ${hp} on the node`, pattr));
    });
  }
  return out;
}

/** Every confinement condition of one workload of a log-collector namespace; `pass` when all hold. */
export function confinement(workload: ResourceRef): Outcome[] {
  const pod = podSpecOf(workload);
  if (!pod) return [notApplicable];
  const subject = workloadLabel(workload);
  const out = [...volumeChecks(pod, subject), ...hostNamespaceChecks(pod, subject), ...containerChecks(pod, subject)];
  return out.length > 0 ? out : [pass];
}

export const rule: StackRule = {
  id: 'KT-PLT1',
  pack: 'k8s-tenancy',
  level: 'error',
  scope: 'stack',
  title: 'The platform log collector reads only /var/log, read-only, from a confined pod',
  rationale:
    'A node-level log shipper must read the files the kubelet and the container runtime write on each node ' +
    '(/var/log/containers, symlinks into /var/log/pods), and the only way a pod can is a hostPath volume. Pod Security "baseline" ' +
    'and "restricted" refuse every hostPath, so its namespace has to enforce "privileged" and its DaemonSet breaks KT-NS2 and ' +
    'KT-WL2. Rather than suppress those errors, a namespace that declares itself the platform log collector (label ' +
    'sovereign.slz.dev/component=log-forwarder, never on a tenant namespace) is checked by this rule instead, and what compensates ' +
    'for the wider admission is required here: hostPath volumes only under /var/log/ (no "..") and mounted read-only by every ' +
    'container, no host network/PID/IPC, no privileged container or host port, non-root, read-only root filesystem, no ' +
    'privilege escalation, all capabilities dropped and none added, a RuntimeDefault or Localhost seccomp profile; the namespace ' +
    'keeps Pod Security audit and warn at "restricted" so any other pod it admits is still recorded and shown, and has a ' +
    'default-deny NetworkPolicy so the logs it can read leave only to where they are allowed. Each unmet condition is its own finding.',
  fix:
    'Keep the collector\'s hostPath volumes to directories under /var/log/ (e.g. /var/log/containers and /var/log/pods) with ' +
    'read_only = true on every volume_mount; set host_network/host_pid/host_ipc false, privileged false, no host_port; in each ' +
    'container\'s security_context set run_as_non_root, read_only_root_filesystem, allow_privilege_escalation = false, ' +
    'capabilities { drop = ["ALL"] } and seccomp_profile RuntimeDefault; label the namespace pod-security.kubernetes.io/audit and ' +
    '/warn = restricted and give it a default-deny NetworkPolicy (LogForwarder with `firewall` does all of this). A namespace that ' +
    'is not a log collector must not carry sovereign.slz.dev/component=log-forwarder.',
  controls: [
    { framework: 'CIS-K8S', id: '5.2.12' },
    { framework: 'PSS', id: 'Baseline (HostPath Volumes)' },
    { framework: 'NSA-CISA', id: 'Pod security' },
  ],
  check(stack, ctx) {
    const results: StackOutcome[] = [];
    for (const ns of namespacesOf(stack)) {
      const claim = logCollectorClaim(ns);
      if (!claim.claimed) {
        results.push({ resource: ns.ref, outcome: notApplicable });
        continue;
      }
      if (claim.refused !== undefined) {
        // Not honoured: KT-NS2 and KT-WL2 still apply in full; the claim itself is reported.
        results.push({
          resource: ns.ref,
          outcome: fail(`${ns.label} carries ${COMPONENT_LABEL}=${LOG_COLLECTOR_COMPONENT} but ${claim.refused}: it gets no log-collector exception`, `metadata.labels["${COMPONENT_LABEL}"]`),
        });
        continue;
      }
      const nsOutcomes = namespaceChecks(ns, ctx);
      results.push(...(nsOutcomes.length > 0 ? nsOutcomes : [pass]).map((outcome) => ({ resource: ns.ref, outcome })));
      for (const w of resourcesInNamespace(ns, WORKLOAD_TYPES, ctx).sure) {
        for (const outcome of confinement(w)) results.push({ resource: w, outcome });
      }
    }
    return results;
  },
};
