/** Vault auth roles (Kubernetes and JWT/OIDC), as the auth rules compare them. */

export const AUTH_ROLE_TYPES: readonly string[] = ['vault_kubernetes_auth_backend_role', 'vault_jwt_auth_backend_role'];
