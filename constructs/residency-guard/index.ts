/**
 * ResidencyGuard: the admission stack of one region. A ValidatingAdmissionPolicy that refuses
 * tenant pods which are not pinned to in-country nodes or whose images come from elsewhere.
 */
import { Manifest as K8sManifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { sovereigntyLabels, type SovereigntyContext } from '../common/labels';
import { TENANT_LABEL } from '../../src/synthesized/kubernetes/namespace';
import { PropChecker } from '../common/validate';
import { isRegistryHost } from '../log-forwarder/image';

/** One requirement of a label selector. */
export interface LabelSelectorRequirement {
  /** Label key, e.g. `sovereign.slz.dev/tenant`. */
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  /**
   * Values for `In` / `NotIn`; must be absent for `Exists` / `DoesNotExist`.
   * @default - none
   */
  readonly values?: readonly string[];
}

/** A Kubernetes label selector (requirements are ANDed). */
export interface LabelSelector {
  /** @default - none */
  readonly matchLabels?: Readonly<Record<string, string>>;
  /** @default - none */
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

export interface ResidencyGuardProps {
  /** Allowed values of the node label `topology.kubernetes.io/region`, e.g. `['my-cyberjaya']`. */
  readonly allowedNodeRegions: readonly string[];
  /** In-country registry hosts (`host[:port]`); every image must start with `<host>/`. */
  readonly imageRegistries: readonly string[];
  /**
   * Namespaces the policy applies to. Must not be empty: an empty selector would also bind
   * kube-system and could stop the cluster's own pods.
   * @default - namespaces that have the label `sovereign.slz.dev/tenant`
   */
  readonly tenantSelector?: LabelSelector;
  /**
   * Name of the policy; the binding is `<name>-tenants`.
   * @default 'slz-residency'
   */
  readonly name?: string;
  /**
   * Sovereignty context for the objects' labels.
   * @default - only `app.kubernetes.io/managed-by`
   */
  readonly context?: SovereigntyContext;
}

/** One CEL validation of the policy. */
export interface ResidencyValidation {
  readonly expression: string;
  readonly message: string;
  readonly reason: 'Forbidden';
}

export const REGION_LABEL = 'topology.kubernetes.io/region';
const API_VERSION = 'admissionregistration.k8s.io/v1';
const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const OPERATORS: readonly string[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** Admission policy and binding that keep tenant pods on in-country nodes and images. */
export class ResidencyGuard extends Construct {
  /** The ValidatingAdmissionPolicy (`kubernetes_manifest`). */
  readonly policy: K8sManifest;
  /** The ValidatingAdmissionPolicyBinding (`kubernetes_manifest`). */
  readonly binding: K8sManifest;
  /** The CEL validations, in the policy's order. */
  readonly validations: readonly ResidencyValidation[];

  constructor(scope: Construct, id: string, props: ResidencyGuardProps) {
    super(scope, id);

    const name = props.name ?? 'slz-residency';
    const selector: LabelSelector = props.tenantSelector ?? { matchExpressions: [{ key: TENANT_LABEL, operator: 'Exists' }] };
    validate(this.node.path, props, name, selector);

    const labels = props.context ? sovereigntyLabels(props.context) : { 'app.kubernetes.io/managed-by': 'sovereign-landing-zone' };
    this.validations = residencyValidations(props.allowedNodeRegions, props.imageRegistries);

    this.policy = new K8sManifest(this, 'Policy', {
      manifest: {
        apiVersion: API_VERSION,
        kind: 'ValidatingAdmissionPolicy',
        metadata: { name, labels: { ...labels } },
        spec: {
          // Fail closed: if the expressions cannot be evaluated, the pod is refused.
          failurePolicy: 'Fail',
          matchConstraints: {
            resourceRules: [
              {
                apiGroups: [''],
                apiVersions: ['v1'],
                operations: ['CREATE', 'UPDATE'],
                // Ephemeral containers are added through their own subresource; without it
                // `kubectl debug` could start a foreign image in a tenant pod.
                resources: ['pods', 'pods/ephemeralcontainers'],
              },
            ],
          },
          validations: this.validations.map((v) => ({ ...v })),
        },
      },
    });

    this.binding = new K8sManifest(this, 'Binding', {
      manifest: {
        apiVersion: API_VERSION,
        kind: 'ValidatingAdmissionPolicyBinding',
        metadata: { name: `${name}-tenants`, labels: { ...labels } },
        spec: {
          policyName: name,
          // Deny only; Warn or Audit alone would let a non-resident pod run.
          validationActions: ['Deny'],
          matchResources: { namespaceSelector: toSelector(selector) },
        },
      },
      dependsOn: [this.policy],
    });
  }
}

/** The CEL validations for the given regions and registries (exported for review tooling). */
export function residencyValidations(regions: readonly string[], registries: readonly string[]): ResidencyValidation[] {
  const prefixes = celList(registries.map((r) => `${r}/`));
  // The trailing '/' matters: 'reg.gov.my' must not admit 'reg.gov.my.evil.example/…'.
  const imagesOf = (field: string) => `object.spec.${field}.all(c, has(c.image) && ${prefixes}.exists(p, c.image.startsWith(p)))`;
  const registryText = registries.join(', ');

  const allowed = celList(regions);
  const bySelector = `has(object.spec.nodeSelector) && '${REGION_LABEL}' in object.spec.nodeSelector && object.spec.nodeSelector['${REGION_LABEL}'] in ${allowed}`;
  const required = 'object.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution';
  // Node selector terms are ORed, so every term must pin the region; expressions within a
  // term are ANDed, so one In expression over allowed values is enough.
  const byAffinity =
    `has(object.spec.affinity) && has(object.spec.affinity.nodeAffinity) && has(${required}) && ` +
    `size(${required}.nodeSelectorTerms) > 0 && ${required}.nodeSelectorTerms.all(t, has(t.matchExpressions) && ` +
    `t.matchExpressions.exists(e, e.key == '${REGION_LABEL}' && e.operator == 'In' && has(e.values) && size(e.values) > 0 && e.values.all(v, v in ${allowed})))`;

  return [
    {
      expression: imagesOf('containers'),
      message: `Every container image must come from an in-country registry: ${registryText}.`,
      reason: 'Forbidden',
    },
    {
      expression: `!has(object.spec.initContainers) || ${imagesOf('initContainers')}`,
      message: `Every init container image must come from an in-country registry: ${registryText}.`,
      reason: 'Forbidden',
    },
    {
      expression: `!has(object.spec.ephemeralContainers) || ${imagesOf('ephemeralContainers')}`,
      message: `Every ephemeral (debug) container image must come from an in-country registry: ${registryText}.`,
      reason: 'Forbidden',
    },
    {
      expression: `(${bySelector}) || (${byAffinity})`,
      message:
        `The pod must be pinned to in-country nodes: set nodeSelector ${REGION_LABEL} to one of ${regions.join(', ')}, ` +
        `or require node affinity with ${REGION_LABEL} In only those values in every term.`,
      reason: 'Forbidden',
    },
  ];
}

function celList(values: readonly string[]): string {
  return `[${values.map(celString).join(', ')}]`;
}

function celString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function toSelector(s: LabelSelector): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (s.matchLabels && Object.keys(s.matchLabels).length > 0) out.matchLabels = { ...s.matchLabels };
  if (s.matchExpressions && s.matchExpressions.length > 0) {
    out.matchExpressions = s.matchExpressions.map((e) => ({ key: e.key, operator: e.operator, ...(e.values ? { values: [...e.values] } : {}) }));
  }
  return out;
}

function isLabelKey(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const [prefix, nameOnly] = parts.length === 2 ? [parts[0] ?? '', parts[1] ?? ''] : [undefined, parts[0] ?? ''];
  return LABEL_NAME.test(nameOnly) && (prefix === undefined || DNS_SUBDOMAIN.test(prefix));
}

function validate(path: string, props: ResidencyGuardProps, name: string, selector: LabelSelector): void {
  const check = new PropChecker(`ResidencyGuard ${path}`);
  check.dnsName('name', name);
  check.check(name.length <= 253 - '-tenants'.length, `name "${name}" is too long for the binding name`);

  // Regions and registries are written into CEL text a reviewer reads: literals only.
  check.nonEmpty('allowedNodeRegions', props.allowedNodeRegions);
  check.unique('allowedNodeRegions', props.allowedNodeRegions ?? []);
  (props.allowedNodeRegions ?? []).forEach((r, i) =>
    check.check(typeof r === 'string' && !Token.isUnresolved(r) && LABEL_VALUE.test(r), `allowedNodeRegions[${i}] "${String(r)}" is not a literal label value`),
  );
  check.nonEmpty('imageRegistries', props.imageRegistries);
  check.unique('imageRegistries', props.imageRegistries ?? []);
  (props.imageRegistries ?? []).forEach((r, i) =>
    check.check(
      !Token.isUnresolved(r) && isRegistryHost(r),
      `imageRegistries[${i}] "${String(r)}" must be a lower-case registry host with an optional port (no scheme, no path)`,
    ),
  );

  const labels = Object.entries(selector.matchLabels ?? {});
  const exprs = selector.matchExpressions ?? [];
  check.check(labels.length + exprs.length > 0, 'tenantSelector must not be empty: an empty selector binds every namespace, kube-system included');
  for (const [k, v] of labels) {
    check.check(isLabelKey(k), `tenantSelector.matchLabels key "${k}" is not a valid label key`);
    check.check(v === '' || LABEL_VALUE.test(v), `tenantSelector.matchLabels["${k}"] "${v}" is not a valid label value`);
  }
  exprs.forEach((e, i) => {
    const at = `tenantSelector.matchExpressions[${i}]`;
    check.check(isLabelKey(e.key), `${at}.key "${e.key}" is not a valid label key`);
    if (!OPERATORS.includes(e.operator)) return void check.check(false, `${at}.operator must be In, NotIn, Exists or DoesNotExist`);
    const needsValues = e.operator === 'In' || e.operator === 'NotIn';
    if (needsValues) check.check((e.values?.length ?? 0) > 0, `${at}: ${e.operator} needs at least one value`);
    else check.check(e.values === undefined || e.values.length === 0, `${at}: ${e.operator} takes no values`);
    (e.values ?? []).forEach((v, j) => check.check(v === '' || LABEL_VALUE.test(v), `${at}.values[${j}] "${v}" is not a valid label value`));
  });
  check.throwIfAny();
}
