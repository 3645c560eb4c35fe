/**
 * App context keys slz sets on the cdktf App it builds itself (no cdktf here, so the pipeline can
 * name them before loading cdktf).
 */

/**
 * Set by `slz synth` on an App that holds only the stacks of a landing-zone file and runs no
 * other code before synthesis. Those stacks never refer to another stack's resources (tenancy
 * stacks name the platform's mounts by literal path), so cdktf's preparing pass — a full extra
 * resolve of every element, whose only effect is to wire cross-stack references — is skipped.
 * test/pipeline/parallel-synth.test.ts holds the output equal to a plain App's.
 */
export const LANDING_ZONE_ONLY = 'slz:landingZoneOnly';
