/** The e2e harness: real servers on loopback, built by the kit (test/e2e/servers), and clients for them. */
export { AuditListener } from './audit-listener';
export { gate, isCi } from './gate';
export { itWithLogs } from './it-with-logs';
export { http, type HttpResponse } from './http';
export { iacTools, kitBinary, kitCache, kitVersion, providerMirror, serverBinaries, writeCliConfig, type IacTool, type ProviderMirror, type ServerBinaries } from './kit';
export { KubeClient, KubeError, type Impersonation } from './kube';
export { startServers, KUBE_CONTEXT, SERVICE_CIDR, type KubernetesEndpoint, type Servers, type VaultEndpoint } from './servers';
export { VaultClient, VaultError } from './vault';
export { pointAtKit, stackResources, type KitTarget } from './landing-zone';
