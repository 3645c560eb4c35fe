/** The synth pipeline as a library: what `slz synth` and `SovereignApp.synth()` both run. */
export { synthesizeApp, synthesizeLandingZone, contextFileOf, type LandingZonePipelineOptions, type LandingZoneSource, type PipelineOptions, type PipelineResult } from './synthesize';
export { locateLandingZoneFile, exampleNames, DEFAULT_LANDING_ZONE_FILE } from './landing-zone-file';
export { OUTPUT_MARKER, ORPHANED_DIR, type CarryOver } from './output-dir';
export { packageRoot } from './package-root';
export { today } from './today';
