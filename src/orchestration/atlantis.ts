/**
 * Atlantis repo config (`atlantis.yaml`): one project per stack, `execution_order_group` from the
 * stack's wave and `depends_on` from its dependencies, so `atlantis apply` goes platform → tenants
 * → admission and refuses a tenant before its platform. Only unrestricted keys are used: no
 * server-side `allowed_overrides` are needed. Reference: https://www.runatlantis.io/docs/repo-level-atlantis-yaml
 */
import type { StackGraph } from '../synthesized/stack-graph';
import { engineVersion, header, toYaml, type GenerateOptions } from './options';

export function atlantisConfig(graph: StackGraph, opts: GenerateOptions): string {
  const projects = graph.waves.flatMap((wave) =>
    wave.map((name) => {
      const s = graph.stacks[name]!;
      return {
        name,
        dir: `${opts.synthDir}/${s.dir}`,
        workspace: 'default',
        terraform_distribution: opts.engine === 'tofu' ? 'opentofu' : 'terraform',
        terraform_version: `v${engineVersion(opts)}`,
        execution_order_group: s.wave,
        ...(s.dependsOn.length ? { depends_on: [...s.dependsOn] } : {}),
        // The synthesized stack is the project's whole configuration: it changes exactly when a
        // change to the landing-zone file re-applies this stack (stack-graph.json "reapply").
        autoplan: { enabled: true, when_modified: ['cdk.tf.json', '.terraform.lock.hcl'] },
      };
    }),
  );
  const doc = {
    version: 3,
    automerge: false,
    parallel_plan: true,
    parallel_apply: true,
    abort_on_execution_order_fail: true,
    projects,
  };
  return (
    header('atlantis', graph, opts, [
      `Commit this file as atlantis.yaml at the repository root, with the synthesized ${opts.synthDir}/ beside it (docs/pipelines.md).`,
      'execution_order_group = the stack\'s wave; depends_on = the stacks it needs applied first.',
    ]) + toYaml(doc)
  );
}
