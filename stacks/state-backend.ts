/**
 * The state backend each stack uses, from the landing-zone file. State is technical data:
 * at residency levels its host was already checked to be in-country. No credentials here —
 * PGPASSWORD, AWS_* and the kubeconfig supply them at init time.
 */
import { createHash } from 'node:crypto';
import { LocalBackend, PgBackend, S3Backend, type TerraformStack } from 'cdktf';
import type { Region, StateBackend } from '../src/landing-zone/schema';
import { KubernetesBackend } from './kubernetes-backend';

export function configureBackend(stack: TerraformStack, stackName: string, state: StateBackend, landingZone: string, region: Region): void {
  switch (state.backend) {
    case 'local':
      new LocalBackend(stack, { path: `${(state.path ?? DEFAULT_LOCAL_STATE_DIR).replace(/\/$/, '')}/${stackName}.tfstate` });
      return;
    case 'pg':
      new PgBackend(stack, {
        // No password in the connection string: the pg backend reads PGPASSWORD.
        connStr: `postgres://${state.host}:${state.port}/${encodeURIComponent(state.database)}?sslmode=verify-full`,
        schemaName: `${state.schemaPrefix ?? landingZone}_${stackName}`.replace(/-/g, '_'),
      });
      return;
    case 'kubernetes':
      new KubernetesBackend(stack, {
        secretSuffix: kubernetesSecretSuffix(stackName),
        namespace: state.namespace,
        ...(state.host ? { host: state.host } : region.kubernetes.host ? { host: region.kubernetes.host } : {}),
        ...(state.context ? { configContext: state.context } : region.kubernetes.context ? { configContext: region.kubernetes.context } : {}),
        ...(region.kubernetes.configPath ? { configPath: region.kubernetes.configPath } : { configPath: '~/.kube/config' }),
      });
      return;
    case 's3':
      new S3Backend(stack, {
        bucket: state.bucket,
        key: `${state.keyPrefix ?? landingZone}/${stackName}.tfstate`,
        region: state.region,
        endpoints: { s3: state.endpoint },
        usePathStyle: true,
        encrypt: true,
        // An in-country S3-compatible store is not AWS: skip the AWS-only account and region calls.
        skipCredentialsValidation: true,
        skipRegionValidation: true,
        skipRequestingAccountId: true,
        skipMetadataApiCheck: true,
      });
      // State locking by a lock object beside the state (conditional writes; Terraform ≥ 1.10,
      // OpenTofu ≥ 1.10): without it two applies can interleave and corrupt the state.
      stack.addOverride('terraform.backend.s3.use_lockfile', true);
      return;
  }
}

/**
 * Local state lives outside the output directory: a stack runs in `<out>/stacks/<stack>/`, so
 * this is `<out>/../terraform-state/`. Re-synthesis, `rm -rf cdktf.out` or `git clean` of the
 * output never reach it; `orphaned/<stack>/` sits at the same depth and finds the same file.
 */
export const DEFAULT_LOCAL_STATE_DIR = '../../../terraform-state';

/**
 * The kubernetes backend's `secret_suffix` for a stack: Terraform refuses a suffix ending in
 * `-<number>` (a region such as `sov-ai-1`), and the suffix is also a label value (≤ 63 characters).
 */
export function kubernetesSecretSuffix(stackName: string): string {
  let suffix = /-\d+$/.test(stackName) ? `${stackName}-state` : stackName;
  if (suffix.length > 63) {
    // A letter before the hash, so the shortened suffix can never end in -<number> either.
    suffix = `${suffix.slice(0, 53).replace(/-+$/, '')}-h${createHash('sha256').update(stackName).digest('hex').slice(0, 8)}`;
  }
  return suffix;
}
