/** The base of every stack this library emits: pinned providers, the file's state backend, its sovereignty context. */
import { TerraformStack } from 'cdktf';
import type { Construct, IConstruct } from 'constructs';
import type { SovereigntyContext } from '../constructs/common/labels';
import type { ResolvedLandingZone } from '../src/landing-zone/validate';
import type { Region } from '../src/landing-zone/schema';
import { pinProviders, type PROVIDER_PINS } from './provider-pinning';
import { kubernetesProvider, vaultProvider } from './providers';
import { configureBackend } from './state-backend';
import type { StackMeta } from '../src/synthesized/stack-graph';
import { LANDING_ZONE_ONLY } from './context-keys';

export interface SovereignStackProps {
  readonly landingZone: ResolvedLandingZone;
  /** Index into `landingZone.spec.regions`. */
  readonly regionIndex: number;
}

/** Parts of the landing-zone file every stack of this library reads (labels, backend, providers). */
const COMMON_READS = ['metadata', 'jurisdiction', 'classification', 'state'] as const;

export abstract class SovereignStack extends TerraformStack {
  readonly region: Region;
  /** Construct path (relative to the stack) → JSON Pointer of the landing-zone node it was built from. */
  private readonly sourceMap = new Map<string, string>();
  readonly context: SovereigntyContext;
  /** Platform, tenancy or admission: written to the stack's `"//".slz` block for the stack graph. */
  abstract readonly kind: StackMeta['kind'];

  protected constructor(scope: Construct, id: string, props: SovereignStackProps, providers: readonly (keyof typeof PROVIDER_PINS)[]) {
    super(scope, id);
    const lz = props.landingZone;
    const region = lz.spec.regions[props.regionIndex];
    if (!region) throw new Error(`${id}: no region at index ${props.regionIndex}`);
    this.region = region;
    this.context = { agency: lz.spec.metadata.agency, classification: lz.spec.classification, jurisdiction: lz.jurisdiction.countryCode, region: region.name };
    configureBackend(this, id, lz.spec.state, lz.spec.metadata.name, region);
    pinProviders(this, providers);
    if (providers.includes('kubernetes')) kubernetesProvider(this, region);
    if (providers.includes('vault')) vaultProvider(this, region);
    const r = `/regions/${props.regionIndex}`;
    this.source('', r);
    this.source('backend', '/state');
    this.source('provider/kubernetes', `${r}/kubernetes`);
    this.source('provider/vault', `${r}/vault`);
  }

  /**
   * Records which node of the landing-zone file (a JSON Pointer such as `/tenants/2/keys/0`) a
   * construct of this stack comes from, so findings about it point at the line a person edits.
   * `scope` is a construct of this stack or a path below the stack (`backend`, `provider/vault`,
   * the paths compliance gives non-resource subjects); an absent construct records nothing.
   */
  protected source(scope: IConstruct | string | undefined, pointer: string): void {
    if (scope === undefined) return;
    if (typeof scope === 'string') {
      this.sourceMap.set(scope, pointer);
      return;
    }
    const prefix = `${this.node.path}/`;
    if (scope.node.path.startsWith(prefix)) this.sourceMap.set(scope.node.path.slice(prefix.length), pointer);
  }

  /**
   * Parts of the landing-zone file (besides the common ones and the stack's region) whose change
   * changes this stack; read when the stack is synthesized, so tenants added later count.
   */
  protected abstract reads(): readonly string[];

  /** The tenant a tenancy stack serves. */
  protected tenantName(): string | undefined {
    return undefined;
  }

  override prepareStack(): void {
    if (this.node.tryGetContext(LANDING_ZONE_ONLY) === true) this.ensureBackendExists();
    else super.prepareStack();
    const tenant = this.tenantName();
    const meta: StackMeta = {
      kind: this.kind,
      region: this.region.name,
      ...(tenant ? { tenant } : {}),
      reads: [...new Set([...COMMON_READS, `regions/${this.region.name}`, ...this.reads()])].sort(),
      sources: Object.fromEntries([...this.sourceMap].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    };
    this.addOverride('//.slz', meta);
  }
}
