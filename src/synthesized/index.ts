/**
 * Synthesized Terraform JSON and what its resources mean, shared by compliance, the CBOM and the
 * plan review. This module holds the tree reader and the value readers; the meaning of Kubernetes
 * and Vault resources lives in `kubernetes/` and `vault/`, imported by path.
 */
export * from './tree';
export * from './values';
