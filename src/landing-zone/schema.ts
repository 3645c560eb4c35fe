/**
 * The landing-zone file, v1 (DESIGN.md §3). Shape and single-field rules live here;
 * rules that need several fields or the jurisdiction catalogue live in `validate.ts`.
 * Every field has a description: `slz schema` and the file reference are generated from them.
 */
import { z } from 'zod';
import { HYBRID_EC_TYPES, KEY_PURPOSES, ML_DSA_PARAMETER_SETS, PKI_KEY_TYPES, SLH_DSA_PARAMETER_SETS, TRANSIT_KEY_TYPES } from '../jurisdictions/algorithms';
import { PROVIDERS } from '../jurisdictions/data/providers';
import { parseCidr } from './net';

export const API_VERSION = 'slz/v1';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const HOSTNAME = /^(?=.{1,253}$)([a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?)*$/;
/** Kubernetes resource quantity (k8s.io/apimachinery resource.Quantity, decimal and binary SI). */
const QUANTITY = /^(\d+(\.\d+)?|\.\d+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei|e\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const dnsLabel = z
  .string()
  .regex(DNS_LABEL, { message: 'must be a DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit, at most 63 characters' });

const hostname = z.string().regex(HOSTNAME, { message: 'must be a host name (letters, digits, "-" and ".")' });

const domain = z
  .string()
  .transform((s) => s.toLowerCase().replace(/\.$/, ''))
  .pipe(hostname);

const cidr = z.string().superRefine((value, ctx) => {
  const parsed = parseCidr(value);
  if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error, params: { hint: parsed.hint } });
});

const port = z.number().int({ message: 'must be a whole number' }).min(1, { message: 'must be a port from 1 to 65535' }).max(65535, { message: 'must be a port from 1 to 65535' });

/** A real calendar date written YYYY-MM-DD (YAML also gives these as strings with the core schema). */
export const isoDate = z.string().superRefine((value, ctx) => {
  const d = new Date(`${value}T00:00:00Z`);
  if (!ISO_DATE.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a real date`, params: { hint: 'write it as YYYY-MM-DD, e.g. 2027-03-31' } });
  }
});

const httpsUrl = z.string().superRefine((value, ctx) => {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a URL`, params: { hint: 'write it as https://host[:port]' } });
    return;
  }
  if (url.protocol !== 'https:') ctx.addIssue({ code: 'custom', message: 'must use https', params: { hint: 'endpoints carry tokens and keys: plain http is refused' } });
});

const hostPort = z.string().superRefine((value, ctx) => {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]\s]+):(\d{1,5})$/.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not host:port`, params: { hint: 'e.g. logs.cyberjaya.example.gov.my:6514' } });
  }
});

const quantity = z.string().regex(QUANTITY, { message: 'must be a Kubernetes quantity, e.g. "8", "500m", "32Gi"' });

const countryCode = z.string().regex(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code in upper case, e.g. MY' });

export const metadataSchema = z
  .strictObject({
    name: dnsLabel.describe('Short name of the landing zone (DNS-1123 label); prefixes stack names.').meta({ examples: ['moh'] }),
    agency: z.string().min(1).max(200).describe('The agency that owns the tenancy, as it should appear in labels and reports.').meta({ examples: ['Ministry of Health Malaysia'] }),
    owner: z.email({ message: 'must be an e-mail address' }).describe('Contact for this landing zone (team mailbox): reports and findings name it.').meta({ examples: ['platform@agency.example.gov.my'] }),
  })
  .describe('Who owns this landing zone.');

export const siteSchema = z
  .strictObject({
    provider: z
      .string()
      .min(1)
      .describe(`Provider id: ${PROVIDERS.map((p) => p.id).join(', ')}, or your own for a declared site. With id it finds the site in the catalogue, which says where it is and under whose law it is run.`)
      .meta({ examples: ['mygovcloud'] }),
    id: z.string().min(1).describe("The provider's region or site id. Sites are keyed by (provider, id): ids collide across providers.").meta({ examples: ['pdsa'] }),
    country: countryCode.optional().describe('For a site not in the catalogue: the country it is physically in.'),
    operatorJurisdiction: countryCode
      .optional()
      .describe("For a site not in the catalogue, or a catalogued one whose operator the catalogue only infers: the country whose law governs the site's operator (declare it with evidence)."),
    deployment: z
      .enum(['public', 'sovereign', 'private', 'hybrid', 'dedicated'])
      .optional()
      .describe('For a site not in the catalogue: its deployment model. Required where the classification restricts deployment models.'),
    displayName: z.string().optional().describe('Human name for a declared site.'),
    contractingEntity: z
      .strictObject({
        name: z.string().min(1).describe('Legal name of the entity the agency contracts with: the provider\'s local company or an authorised distributor.').meta({ examples: ['Example Cloud Sdn Bhd'] }),
        incorporatedIn: countryCode.describe('Country under whose law that entity is incorporated: the contracting rule judges it.').meta({ examples: ['MY'] }),
      })
      .optional()
      .describe('Who the agency signs the contract for this site with, where the jurisdiction restricts it (e.g. Thailand\'s draft rule: a Thai-incorporated entity, distributors allowed). @default the site\'s operator'),
  })
  .describe('Where a region runs: a catalogued site ({provider, id}) or a declared one (with country and operatorJurisdiction).');

export const kubernetesSchema = z
  .strictObject({
    context: z.string().min(1).optional().describe('kubeconfig context to use. Credentials stay in the kubeconfig, never in this file.'),
    configPath: z.string().min(1).optional().describe('kubeconfig path. @default the provider default (KUBECONFIG or ~/.kube/config)'),
    host: httpsUrl.optional().describe('Kubernetes API server URL. Required at or above the residency threshold so the endpoint can be checked.'),
    imageRegistry: hostname
      .describe('In-country image registry host: every landing zone pins its images to one, because the admission policy refuses images from anywhere else (an image is code and data crossing the border).')
      .meta({ examples: ['registry.cyberjaya.agency.example.gov.my'] }),
    apiServerCidr: cidr.optional().describe('Network of the API server endpoints as pods see them (after the kubernetes Service DNAT); the log forwarder may reach only it and the sink.'),
    nodeRegions: z.array(z.string().min(1)).min(1).optional().describe('Values of topology.kubernetes.io/region that tenant pods must be pinned to. @default [site id]'),
    dns: z
      .strictObject({
        namespace: dnsLabel.default('kube-system').describe('Namespace of the cluster DNS. @default kube-system'),
        podLabels: z.record(z.string(), z.string()).default({ 'k8s-app': 'kube-dns' }).describe('Labels of the cluster DNS pods. @default {k8s-app: kube-dns}'),
      })
      .optional()
      .describe('Where the cluster DNS runs, for the DNS egress rule.'),
  })
  .describe('How to reach the in-country Kubernetes cluster. Never a token.');

export const vaultSchema = z
  .strictObject({
    address: httpsUrl
      .describe("The agency's Vault or OpenBao address (https): keys, PKI and audit are configured there. The token comes from VAULT_TOKEN or an auth method, never from this file.")
      .meta({ examples: ['https://vault.cyberjaya.agency.example.gov.my:8200'] }),
    dialect: z.enum(['vault', 'openbao']).default('vault').describe('Server family: key type names differ for post-quantum keys. @default vault'),
    edition: z.enum(['community', 'enterprise']).default('community').describe('Vault edition: post-quantum and CMAC transit key types need enterprise (Community refuses them). OpenBao has one edition: ignored. @default community'),
    namespace: z.string().min(1).optional().describe('Vault Enterprise namespace for this landing zone.'),
    version: z
      .string()
      .regex(/^\d+\.\d+(\.\d+)?$/, { message: 'must be a version like 1.21.4 or 2.7' })
      .optional()
      .describe(
        'Server version, major.minor[.patch] (Vault 1.x, OpenBao 2.x): decides which post-quantum and CMAC transit key types the server accepts (ml-dsa and hybrid from Vault Enterprise 1.19, slh-dsa and aes192-cmac from 1.20, mldsa-44/65/87 from OpenBao 2.7). @default Vault 1.19 (a Long-Term Support release, the first with post-quantum keys) or OpenBao 2.6 (the last line without ML-DSA): nothing newer is assumed, and validation warns where a key type relies on the assumption',
      ),
    cidr: cidr
      .optional()
      .describe("Network of Vault's addresses as pods see them (NetworkPolicies match addresses, not names): tenants with workloads may reach it on the address's port. Required when Vault runs outside the cluster and a tenant of the region has workloads."),
    inCluster: z
      .strictObject({
        namespace: dnsLabel.describe("Namespace Vault runs in: the tenants' egress rule selects Vault's pods there.").meta({ examples: ['vault'] }),
        serviceAccount: dnsLabel.default('vault').describe("Vault's service account: it reviews workload tokens, so it is bound to system:auth-delegator. @default vault"),
        podLabels: z.record(z.string(), z.string()).default({ 'app.kubernetes.io/name': 'vault' }).describe('Labels of the Vault pods, for the tenants\' egress rule. @default {app.kubernetes.io/name: vault}'),
      })
      .optional()
      .describe('Vault runs in this cluster: tenants reach its pods by selector, and it reviews workload tokens with its own pod token. Absent: Vault runs outside the cluster (give cidr, kubernetes.host and kubernetesCaPem).'),
    kubernetesCaPem: z
      .string()
      .regex(/^\s*(-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\s*)+$/, { message: 'must be one or more PEM certificates (-----BEGIN CERTIFICATE----- …)' })
      .optional()
      .describe("CA certificate (PEM) of the Kubernetes API server, for a Vault outside the cluster to verify it when it reviews workload tokens. @default Vault's system trust store"),
  })
  .describe("The agency's own Vault or OpenBao in this region.");

export const regionSchema = z
  .strictObject({
    name: dnsLabel.describe('Region name (DNS-1123 label), unique in the file; stack names and tenants refer to it.').meta({ examples: ['cyberjaya'] }),
    site: siteSchema,
    kubernetes: kubernetesSchema,
    vault: vaultSchema,
  })
  .describe('A region the tenancy runs in: one site, one cluster, one Vault.');

const egressRuleSchema = z
  .strictObject({
    name: dnsLabel.describe('Destination name (DNS-1123 label), unique; tenants open it by name.').meta({ examples: ['his'] }),
    cidr: cidr.describe('Destination CIDR; must lie inside network.inCountryCidrs, so tenants are only opened to in-country networks.').meta({ examples: ['10.20.0.0/16'] }),
    ports: z.array(port).min(1).describe('Destination ports: only these are opened.').meta({ examples: [[443]] }),
    protocol: z.enum(['TCP', 'UDP']).default('TCP').describe('Transport protocol of the rule. @default TCP'),
    description: z.string().optional().describe('What the destination is, for reviewers.'),
  })
  .describe('A declared egress destination.');

const ingressRuleSchema = z
  .strictObject({
    name: dnsLabel.describe('Source name (DNS-1123 label), unique; tenants open it by name.').meta({ examples: ['hospital-lan'] }),
    cidr: cidr.describe('Source CIDR: only traffic from it is admitted to the tenants that open this source.').meta({ examples: ['10.50.0.0/16'] }),
    ports: z.array(port).min(1).describe('Ports on the tenant pods: only these are opened.').meta({ examples: [[8443]] }),
    protocol: z.enum(['TCP', 'UDP']).default('TCP').describe('Transport protocol of the rule. @default TCP'),
    description: z.string().optional().describe('What the source is, for reviewers.'),
  })
  .describe('A declared ingress source.');

export const networkSchema = z
  .strictObject({
    inCountryCidrs: z.array(cidr).default([]).describe('Networks inside the country: the only egress destinations a tenant may be opened to.'),
    endpointDomains: z.array(domain).default([]).describe('In-country DNS domains: Vault, Kubernetes API, log sink, identity provider and state hosts must be under these (or in inCountryCidrs).'),
    adminCidrs: z.array(cidr).optional().describe('Networks administrators log in from; Vault binds human tokens to them. @default network.inCountryCidrs'),
    egress: z.array(egressRuleSchema).default([]).describe('Declared egress destinations.'),
    ingress: z.array(ingressRuleSchema).default([]).describe('Declared ingress sources.'),
  })
  .describe('Network facts. None → tenants get DNS and same-namespace traffic only.');

const keyPurpose = z.enum(KEY_PURPOSES);

const keySchema = z
  .strictObject({
    name: dnsLabel.describe('Key name (DNS-1123 label), unique within the tenant; workloads are granted keys by name.').meta({ examples: ['records'] }),
    purpose: keyPurpose.describe('What the key does: encryption (data-encryption key), key-wrapping, signing or mac. It decides which algorithms and which cryptoperiod the policy allows.'),
    algorithm: z.enum(TRANSIT_KEY_TYPES).default('aes256-gcm96').describe('Vault transit key type. @default aes256-gcm96'),
    parameterSet: z.enum([...ML_DSA_PARAMETER_SETS, ...SLH_DSA_PARAMETER_SETS]).optional().describe('Parameter set for ml-dsa (44, 65, 87), slh-dsa, and the PQ half of hybrid.'),
    hybridKeyTypeEc: z.enum(HYBRID_EC_TYPES).optional().describe('Classical half of a hybrid key.'),
    rotateDays: z.number().int().min(1).describe("Automatic rotation period in days; at most the jurisdiction's cryptoperiod for the purpose.").meta({ examples: [365] }),
    keySize: z
      .number()
      .int()
      .min(32)
      .max(512)
      .optional()
      .describe('Key size in bytes of an hmac key, 32–512 (Vault refuses anything else, and the provider would send 0). Only for hmac. @default 32'),
  })
  .describe('A transit key. Keys are never exportable, never backed up in plaintext, never deletable.');

const workloadSchema = z
  .strictObject({
    serviceAccount: dnsLabel.describe('Kubernetes service account of the workload (DNS-1123 label): Vault binds its role to this identity.').meta({ examples: ['records-api'] }),
    keys: z.array(dnsLabel).default([]).describe("Names of the tenant's keys this workload may use."),
    kv: z.boolean().default(false).describe('Whether the workload reads its own secrets from the KV engine. @default false'),
  })
  .describe('A workload identity: a service account bound to exactly the keys it needs.');

const quotaSchema = z
  .strictObject({
    cpu: quantity.describe('CPU limit for the namespace, so one tenant cannot starve the others, e.g. "8".'),
    memory: quantity.describe('Memory limit for the namespace, so one tenant cannot starve the others, e.g. 32Gi.'),
    pods: z.number().int().min(1).max(100000).describe('Maximum pods in the namespace, so one tenant cannot exhaust the cluster.').meta({ examples: [40] }),
    gpu: z.number().int().min(0).max(1024).optional().describe('GPUs (requests.nvidia.com/gpu).'),
    storage: quantity.optional().describe('Total persistent storage requests.'),
  })
  .describe('ResourceQuota for the tenant namespace: required, so one tenant cannot exhaust the shared cluster.');

const accessSchema = z
  .strictObject({
    admins: z.array(z.string().min(1)).default([]).describe('Identity-provider groups that administer the namespace.'),
    developers: z.array(z.string().min(1)).default([]).describe('Identity-provider groups that deploy workloads.'),
    viewers: z.array(z.string().min(1)).default([]).describe('Identity-provider groups with read-only access.'),
  })
  .describe('Kubernetes RBAC, bound to identity-provider groups only.');

export const tenantSchema = z
  .strictObject({
    name: dnsLabel.describe('Tenant name (DNS-1123 label), unique; also the namespace name.').meta({ examples: ['patient-records'] }),
    quota: quotaSchema,
    keys: z.array(keySchema).default([]).describe('Transit keys. None → one default data-encryption key (AES-256-GCM).'),
    workloads: z.array(workloadSchema).default([]).describe('Workload identities.'),
    access: accessSchema.optional(),
    egress: z.array(dnsLabel).default([]).describe('Names of network.egress destinations this tenant may reach.'),
    ingress: z.array(dnsLabel).default([]).describe('Names of network.ingress sources that may reach this tenant.'),
    regions: z.array(dnsLabel).optional().describe('Regions this tenant runs in. @default every region'),
  })
  .describe('A tenant: one namespace per region, its keys, workloads and firewall.');

export const pkiSchema = z
  .strictObject({
    domains: z.array(domain).min(1).describe('Agency DNS domains certificates may be issued for (no wildcards): the roles refuse any other name.').meta({ examples: [['agency.example.gov.my']] }),
    keyType: z.enum(PKI_KEY_TYPES).default('ec').describe('CA key type. @default ec'),
    keyBits: z.number().int().default(384).describe('CA key size: rsa 2048/3072/4096, ec 256/384/521, ed25519 0. @default 384'),
    rootTtlDays: z.number().int().min(30).max(7300).default(3650).describe('Root CA lifetime in days. @default 3650'),
    intermediateTtlDays: z.number().int().min(7).max(3650).default(1095).describe('Tenant intermediate CA lifetime in days. @default 1095'),
    leafMaxTtlHours: z.number().int().min(1).max(2160).default(720).describe('Longest leaf certificate lifetime in hours. @default 720'),
  })
  .describe('Agency PKI: a root per region, an intermediate per tenant. None → no certificates issued.');

export const oidcSchema = z
  .strictObject({
    issuer: httpsUrl.describe('OIDC issuer URL of the national identity provider: Vault trusts tokens it signs.').meta({ examples: ['https://id.gov.example.my/realms/government'] }),
    clientId: z
      .string()
      .min(1)
      .describe('OIDC client id. The client secret comes from TF_VAR_oidc_client_secret at apply time and is sent write-only: it is never stored in plan or state.')
      .meta({ examples: ['agency-vault'] }),
    discoveryCaPem: z
      .string()
      .regex(/^\s*(-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\s*)+$/, { message: 'must be one or more PEM certificates (-----BEGIN CERTIFICATE----- …)' })
      .optional()
      .describe("CA certificate(s) (PEM) Vault trusts when it fetches the issuer's discovery document during apply. @default Vault's system trust store"),
    adminGroups: z
      .array(z.string().regex(/^[^,\s](?:[^,]*[^,\s])?$/, { message: 'must not contain commas or surrounding spaces (Vault reads commas in bound claims as separators)' }))
      .min(1)
      .describe('Groups whose members may administer Vault (no commas: Vault splits bound-claim values on them).')
      .meta({ examples: [['platform-admins']] }),
    groupsClaim: z.string().min(1).default('groups').describe("Token claim that lists the user's groups, matched against adminGroups. @default groups"),
    userClaim: z.string().min(1).default('sub').describe("Token claim that names the user in Vault's audit log. @default sub"),
    mfa: z
      .strictObject({
        claim: z.string().min(1).default('amr').describe('Token claim that says how the user authenticated. @default amr'),
        values: z.array(z.string().min(1)).min(1).default(['mfa']).describe('Values of that claim, any of which proves a multi-factor login. @default [mfa]'),
      })
      .optional()
      .describe('Claim that proves multi-factor login. @default {claim: amr, values: [mfa]} where the jurisdiction requires MFA'),
  })
  .describe('Human login through the national identity provider.');

export const identitySchema = z
  .strictObject({ oidc: oidcSchema.optional() })
  .describe('Identity. None → no human login through OIDC.');

export const loggingSchema = z
  .strictObject({
    sink: z
      .strictObject({
        type: z.enum(['syslog', 'http', 'forward']).describe('Sink protocol (always over TLS): how the log forwarder and Vault\'s audit relay send to the sink.'),
        address: hostPort.describe('host:port of the in-country log sink: audit and security logs must leave the cluster for a separate, in-country host.').meta({ examples: ['logs.cyberjaya.agency.example.gov.my:6514'] }),
        cidr: cidr.optional().describe("Network holding the sink's addresses, inside network.inCountryCidrs: the log forwarder's firewall opens egress to it only. Without it (or without kubernetes.apiServerCidr) the forwarder's namespace gets no NetworkPolicies."),
      })
      .describe('The in-country log sink: security and audit logs leave the cluster for a separate in-country host.'),
    retentionDays: z.number().int().min(1).max(36500).describe("Security-log retention in days; at least the jurisdiction's minimum, so incidents can be investigated.").meta({ examples: [365] }),
    auditRelay: hostPort
      .optional()
      .describe("host:port of a relay beside Vault that forwards audit events to the sink over TLS. Vault's socket audit device cannot speak TLS; without a relay it sends to the sink in clear."),
    auditFilePath: z
      .string()
      .regex(/^\/[A-Za-z0-9._/-]+$/, { message: 'must be an absolute path without spaces' })
      .default('/vault/audit/audit.log')
      .describe("Where Vault's file audit device writes, on the Vault server. @default /vault/audit/audit.log"),
    forwarderImage: z.string().min(1).optional().describe('Log shipper image, from the in-country registry. @default <imageRegistry>/fluent/fluent-bit:3.2'),
  })
  .describe('Audit and log shipping to the in-country sink: required, because security logs must be kept outside the cluster for the jurisdiction\'s retention period.');

export const stateSchema = z
  .discriminatedUnion('backend', [
    z.strictObject({
      backend: z.literal('local').describe('Which backend holds the Terraform state.'),
      path: z
        .string()
        .min(1)
        .optional()
        .describe('Folder of the state files (one <stack>.tfstate per stack), absolute or relative to each stack\'s folder <out>/stacks/<stack>/. @default ../../../terraform-state (a terraform-state/ folder beside the output directory, which re-synthesis never touches)'),
    }),
    z.strictObject({
      backend: z.literal('pg').describe('Which backend holds the Terraform state.'),
      host: hostname.describe('PostgreSQL host (in-country): the state holds every resource\'s attributes. The password comes from PGPASSWORD.').meta({ examples: ['tfstate.agency.example.gov.my'] }),
      port: port.default(5432).describe('PostgreSQL port. @default 5432'),
      database: z.string().min(1).describe('Database that holds one state schema per stack.').meta({ examples: ['terraform'] }),
      schemaPrefix: dnsLabel.optional().describe('Schema name prefix. @default the landing zone name'),
    }),
    z.strictObject({
      backend: z.literal('kubernetes').describe('Which backend holds the Terraform state.'),
      namespace: dnsLabel.default('slz-state').describe('Namespace of the state Secrets. @default slz-state'),
      host: httpsUrl.optional().describe('API server holding the state. @default the region\'s cluster'),
      context: z.string().min(1).optional().describe("kubeconfig context of the state cluster. @default the region's kubernetes.context"),
    }),
    z.strictObject({
      backend: z.literal('s3').describe('Which backend holds the Terraform state.'),
      bucket: z.string().min(3).max(63).describe('Bucket that holds the state (3–63 characters, the S3 bucket-name limit).').meta({ examples: ['agency-tfstate'] }),
      endpoint: httpsUrl.describe('In-country S3-compatible endpoint: the state holds every resource\'s attributes.').meta({ examples: ['https://objects.agency.example.gov.my'] }),
      region: z.string().min(1).default('us-east-1').describe('Signing region for the S3 API. @default us-east-1'),
      keyPrefix: z.string().min(1).optional().describe('Prefix of the state object keys. @default the landing zone name'),
    }),
  ])
  .default({ backend: 'local' })
  .describe('Terraform state backend: local | pg | kubernetes | s3 (in-country endpoint). @default local');

export const exemptionSchema = z
  .strictObject({
    rule: z.string().regex(/^[A-Z]{2,4}-[A-Z0-9]+$/, { message: 'must be a rule id such as KT-NS5' }).describe('Id of the rule whose findings are accepted (RULES.md).').meta({ examples: ['KT-WL3'] }),
    resource: z
      .string()
      .min(1)
      .describe('Construct path or glob, starting with a stack of this file (<name>-platform-<region>, <name>-tenant-<tenant>-<region>, <name>-admission-<region>); `*` matches within a path segment, `**` across segments, and a construct covers what it contains.')
      .meta({ examples: ['moh-tenant-patient-records-*/keys', 'moh-platform-*/log-forwarder/DaemonSet'] }),
    reason: z.string().min(10, { message: 'must be at least 10 characters: say why the risk is accepted' }).describe('Why the risk is accepted: reviewers and auditors read it.'),
    owner: z.string().min(1).describe('Who accepted the risk: a person or role, answerable for it.').meta({ examples: ['ciso@agency.example.gov.my'] }),
    expires: isoDate.describe('When the exemption lapses (YYYY-MM-DD), so an accepted risk is reviewed again.').meta({ examples: ['2027-06-30'] }),
    ticket: z.string().optional().describe('Tracking ticket.'),
  })
  .describe('An accepted risk: a suppression with owner and expiry.');

export const landingZoneSchema = z
  .strictObject({
    apiVersion: z.literal(API_VERSION, { message: `must be "${API_VERSION}"` }).describe('Version of the file format: always slz/v1.'),
    kind: z.literal('LandingZone', { message: 'must be "LandingZone"' }).describe('What the file describes: always LandingZone.'),
    metadata: metadataSchema,
    jurisdiction: countryCode.describe('ISO 3166-1 alpha-2 code of a catalogued jurisdiction (slz jurisdictions): its residency, crypto and retention rules apply.').meta({ examples: ['MY'] }),
    classification: z
      .string()
      .min(1)
      .describe("A label of one of the jurisdiction's schemes (case-insensitive, optionally SCHEME/label) or a common level (PUBLIC … TOP_SECRET): the level decides which residency, operator and admin rules apply.")
      .meta({ examples: ['SULIT'] }),
    regions: z.array(regionSchema).min(1, { message: 'needs at least one region' }).describe('Where the tenancy runs (at least one): each region is one site, one cluster and one Vault, checked for residency.'),
    network: networkSchema.optional(),
    tenants: z.array(tenantSchema).min(1, { message: 'needs at least one tenant' }).describe('Tenants (at least one): each gets a namespace per region, its keys, workload identities and firewall.'),
    pki: pkiSchema.optional(),
    identity: identitySchema.optional(),
    logging: loggingSchema,
    state: stateSchema,
    compliance: z
      .strictObject({
        strict: z.boolean().optional().describe('Refuse suppressions of error-level rules. @default true at CONFIDENTIAL and above'),
      })
      .optional()
      .describe('Compliance settings.'),
    exemptions: z.array(exemptionSchema).default([]).describe('Suppressions as code.'),
  })
  .describe('A sovereign landing zone (slz/v1).');

/** A landing-zone file as written (defaults not yet applied). */
export type LandingZoneInput = z.input<typeof landingZoneSchema>;
/** A landing-zone file with defaults applied. */
export type LandingZone = z.output<typeof landingZoneSchema>;
export type Region = LandingZone['regions'][number];
export type Tenant = LandingZone['tenants'][number];
export type TransitKey = Tenant['keys'][number];
export type KeyPurpose = z.infer<typeof keyPurpose>;
export type EgressRule = NonNullable<LandingZone['network']>['egress'][number];
export type IngressRule = NonNullable<LandingZone['network']>['ingress'][number];
export type StateBackend = LandingZone['state'];
