/** Vault mounts: which secrets engines hold data or keys, and which resources sit at a path that can move. */

/** Engine types whose mount stores data (secrets, keys, certificates) that disabling it deletes. */
export const DATA_MOUNT_TYPES: readonly string[] = ['kv', 'kv-v2', 'generic', 'transit', 'pki'];

/** Engine types that hold cryptographic keys (the CBOM's engines). */
export const CRYPTO_ENGINE_TYPES: readonly string[] = ['transit', 'pki'];

/** Resources mounted at a `path` that Vault can remount in place (sys/remount). */
export const MOUNT_RESOURCES: readonly string[] = ['vault_mount', 'vault_auth_backend', 'vault_jwt_auth_backend'];
