/**
 * Per region: the residency admission policy. Separate because `kubernetes_manifest` needs a
 * live API server at plan time (cdktf-notes §12); applied after the platform and tenancy stacks.
 */
import type { Construct } from 'constructs';
import { ResidencyGuard } from '../constructs/residency-guard';
import { SovereignStack, type SovereignStackProps } from './sovereign-stack';

export class AdmissionStack extends SovereignStack {
  readonly kind = 'admission';
  readonly guard: ResidencyGuard;

  constructor(scope: Construct, id: string, props: SovereignStackProps) {
    super(scope, id, props, ['kubernetes']);
    const region = this.region;
    this.guard = new ResidencyGuard(this, 'residency-guard', {
      allowedNodeRegions: region.kubernetes.nodeRegions ?? [region.site.id],
      imageRegistries: [region.kubernetes.imageRegistry],
      context: this.context,
    });
    this.source(this.guard, `/regions/${props.regionIndex}/kubernetes`);
  }

  protected reads(): readonly string[] {
    return [];
  }
}
