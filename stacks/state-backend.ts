/**
 * The state backend each stack uses, from the landing-zone file. State is technical data:
 * at residency levels its host was already checked to be in-country. No credentials here —
 * PGPASSWORD, AWS_* and the kubeconfig supply them at init time.
 */
import { LocalBackend, PgBackend, S3Backend, type TerraformStack } from 'cdktf';
import type { Region, StateBackend } from '../src/landing-zone/schema';
import { KubernetesBackend } from './kubernetes-backend';

export function configureBackend(stack: TerraformStack, stackName: string, state: StateBackend, landingZone: string, region: Region): void {
  switch (state.backend) {
    case 'local':
      new LocalBackend(stack, { path: state.path ? `${state.path.replace(/\/$/, '')}/${stackName}.tfstate` : `terraform.${stackName}.tfstate` });
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
        secretSuffix: stackName,
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
      return;
  }
}
