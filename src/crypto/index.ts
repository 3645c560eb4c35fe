/**
 * The crypto inventory: a CycloneDX 1.6 CBOM of every algorithm, key and CA certificate the
 * synthesized stacks declare in Vault/OpenBao, and a post-quantum readiness report. Reads
 * synthesized JSON only (no cdktf). Classification comes from src/jurisdictions, shared with the
 * pqc-readiness compliance pack.
 *
 * Schema validation lives in `./validate` and is not re-exported here: it needs ajv, which this
 * package only has as a development dependency.
 */
export { buildCryptoInventory, type BuildCryptoInventoryInput } from './inventory';
export { renderPqcReadiness, writeCryptoReports, CBOM_FILE, PQC_READINESS_FILE } from './report';
export { derivedSerialNumber } from './serial';
export type { AssetUse, CbomDocument, CertificateEntry, CryptoAsset, CryptoInventory, EngineEntry, KeyEntry, KeyKind, ResourceLocation } from './types';
