/** Stacks that compose the constructs per region and tenant. */
export { buildLandingZone, type BuildOptions, type LandingZoneStacks } from './landing-zone';
export { PlatformStack, PLATFORM_PATHS, OPERATOR_POLICY, operatorPolicy } from './platform-stack';
export { TenancyStack, type TenancyStackProps } from './tenancy-stack';
export { AdmissionStack } from './admission-stack';
export { SovereignStack, type SovereignStackProps } from './sovereign-stack';
export { pinProviders, PROVIDER_PINS, REQUIRED_TERRAFORM_VERSION } from './provider-pinning';
export { KubernetesBackend, type KubernetesBackendConfig } from './kubernetes-backend';
export { admissionStackName, platformStackName, tenancyStackName } from './names';
export { SovereignApp, ComplianceError, type SovereignAppConfig } from './sovereign-app';
