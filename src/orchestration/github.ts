/**
 * GitHub Actions (and Forgejo/Gitea Actions, which read the same syntax): one job per wave with a
 * matrix over that wave's stacks, split into parts of at most `maxMatrix` (GitHub's limit: 256 jobs
 * per matrix), so every matrix job handles exactly one stack. Pull requests plan; pushes to the
 * default branch apply after one approval (the `slz-approve` environment). A `concurrency` group per
 * stack keeps two runs from touching one state at once; Vault tokens come from the job's OIDC
 * identity as in examples/ci/review-plan.yml.
 */
import type { SynthContextFile } from '../synthesized/context';
import type { StackGraph } from '../synthesized/stack-graph';
import { engineVersion, header, regenerateCommand, toYaml, type GenerateOptions } from './options';
import { GITHUB_MATRIX_LIMIT, splitEvenly } from './split';

/** Job ids: `wave-<w>` or, when a wave is split, `wave-<w>-<part>` (1-based). */
export function githubWaveJobs(graph: StackGraph, maxMatrix = GITHUB_MATRIX_LIMIT): { id: string; wave: number; stacks: string[] }[] {
  return graph.waves.flatMap((wave, w) => {
    const parts = splitEvenly(wave, maxMatrix);
    return parts.map((stacks, i) => ({ id: parts.length === 1 ? `wave-${w}` : `wave-${w}-${i + 1}`, wave: w, stacks }));
  });
}

const SAME_REPO = "(github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository)";

const STACK_SCRIPT = `"$SLZ_ENGINE" init -input=false
if [ "$SLZ_MODE" = apply ]; then
  "$SLZ_ENGINE" plan -input=false -lock-timeout=10m -out=tfplan
  "$SLZ_ENGINE" apply -input=false -lock-timeout=10m tfplan
else
  "$SLZ_ENGINE" plan -input=false -lock-timeout=10m
fi
`;

export function githubWorkflow(graph: StackGraph, opts: GenerateOptions, context?: SynthContextFile): string {
  const maxMatrix = opts.maxMatrix ?? GITHUB_MATRIX_LIMIT;
  const branch = opts.defaultBranch ?? 'main';
  const waves = githubWaveJobs(graph, maxMatrix);
  // Apply only for a push (or a manual run) on the default branch: anything else plans.
  const apply = `github.event_name != 'pull_request' && github.ref == 'refs/heads/${branch}'`;
  const jobs: Record<string, unknown> = {
    synth: {
      name: 'synthesize',
      'runs-on': 'ubuntu-latest',
      'timeout-minutes': 30,
      permissions: { contents: 'read' },
      steps: [
        { uses: 'actions/checkout@v4', with: { 'persist-credentials': false } },
        { uses: 'actions/setup-node@v4', with: { 'node-version': 20, cache: 'npm' } },
        {
          name: 'Synthesize',
          run: 'npm ci --no-audit --no-fund\ncode=0; npx slz synth "$SLZ_LANDING_ZONE" --out "$SLZ_DIR" || code=$?\n# 1 = compliance errors: everything was written and the review reports them.\nif [ "$code" -gt 1 ]; then exit "$code"; fi\n',
        },
        ...(opts.pipelineFile ? [{ name: 'This workflow matches the stacks just synthesized', run: regenerateCommand('github', opts, 'check') }] : []),
        { uses: 'actions/upload-artifact@v4', with: { name: 'slz-synth', path: opts.synthDir, 'retention-days': 7, 'if-no-files-found': 'error' } },
      ],
    },
    approve: {
      name: 'approve apply',
      if: apply,
      needs: ['synth'],
      'runs-on': 'ubuntu-latest',
      // Required reviewers live on this environment: one approval per run, not one per stack.
      environment: 'slz-approve',
      permissions: {},
      steps: [{ run: 'echo "apply of ${{ github.sha }} approved"' }],
    },
  };
  let previous: string[] = [];
  for (const w of graph.waves.keys()) {
    const parts = waves.filter((p) => p.wave === w);
    for (const part of parts) {
      const include = part.stacks.map((name) => {
        const s = graph.stacks[name]!;
        const vault = s.region ? context?.vaultAddresses?.[s.region] : undefined;
        return { stack: name, ...(s.region ? { region: s.region } : {}), ...(vault ? { vault } : {}) };
      });
      // Approved, or skipped because this run only plans; never rejected or failed.
      const gate = w === 0 ? ` && needs.synth.result == 'success' && (needs.approve.result == 'success' || (needs.approve.result == 'skipped' && !(${apply})))` : '';
      jobs[part.id] = {
        name: `wave ${w}: \${{ matrix.stack }}`,
        needs: w === 0 ? ['synth', 'approve'] : ['synth', ...previous],
        if: `\${{ !cancelled() && !failure()${gate} && ${SAME_REPO} }}`,
        'runs-on': 'ubuntu-latest',
        'timeout-minutes': 60,
        permissions: { contents: 'read', 'id-token': 'write' },
        environment: `\${{ ${apply} && 'slz-apply' || 'slz-plan' }}`,
        concurrency: { group: 'slz-stack-${{ matrix.stack }}', 'cancel-in-progress': false },
        strategy: { 'fail-fast': false, matrix: { include } },
        steps: [
          { uses: 'actions/download-artifact@v4', with: { name: 'slz-synth', path: opts.synthDir } },
          { if: "env.SLZ_ENGINE == 'terraform'", uses: 'hashicorp/setup-terraform@v3', with: { terraform_version: '${{ env.SLZ_ENGINE_VERSION }}', terraform_wrapper: false } },
          { if: "env.SLZ_ENGINE == 'tofu'", uses: 'opentofu/setup-opentofu@v1', with: { tofu_version: '${{ env.SLZ_ENGINE_VERSION }}', tofu_wrapper: false } },
          {
            name: 'Vault login (OIDC)',
            if: "vars.SLZ_VAULT_ROLE != ''",
            uses: 'hashicorp/vault-action@v3',
            with: { url: '${{ matrix.vault || vars.VAULT_ADDR }}', method: 'jwt', path: "${{ vars.SLZ_VAULT_JWT_PATH || 'jwt' }}", role: '${{ vars.SLZ_VAULT_ROLE }}', exportToken: true },
          },
          {
            name: 'Kubernetes access',
            env: { KUBECONFIG_B64: '${{ secrets.SLZ_KUBECONFIG_B64 }}' },
            run: 'if [ -n "$KUBECONFIG_B64" ]; then mkdir -p ~/.kube && umask 077 && echo "$KUBECONFIG_B64" | base64 -d > ~/.kube/config; fi\n',
          },
          {
            name: `\${{ ${apply} && 'Plan and apply' || 'Plan' }}`,
            'working-directory': `${opts.synthDir}/stacks/\${{ matrix.stack }}`,
            env: {
              SLZ_MODE: `\${{ ${apply} && 'apply' || 'plan' }}`,
              TF_IN_AUTOMATION: '1',
              TF_INPUT: '0',
              PGUSER: '${{ secrets.SLZ_STATE_PGUSER }}',
              PGPASSWORD: '${{ secrets.SLZ_STATE_PGPASSWORD }}',
            },
            run: STACK_SCRIPT,
          },
          { name: 'Delete the plan file (it holds secrets)', if: 'always()', run: `rm -f "${opts.synthDir}/stacks/\${{ matrix.stack }}/tfplan" ~/.kube/config` },
        ],
      };
    }
    previous = parts.map((p) => p.id);
  }
  const doc = {
    name: 'slz stacks',
    on: { pull_request: { types: ['opened', 'synchronize', 'reopened', 'ready_for_review'] }, push: { branches: [branch] }, workflow_dispatch: {} },
    permissions: { contents: 'read' },
    env: { SLZ_ENGINE: opts.engine, SLZ_ENGINE_VERSION: engineVersion(opts), SLZ_DIR: opts.synthDir, SLZ_LANDING_ZONE: opts.landingZoneFile },
    jobs,
  };
  const largest = Math.max(...waves.map((p) => p.stacks.length));
  return (
    header('github', graph, opts, [
      `One job per wave with a matrix over its stacks; a wave of more than ${maxMatrix} stacks is split into parts (largest here: ${largest}).`,
      `Pull requests plan; pushes to ${branch} plan and apply after the slz-approve environment's reviewers approve.`,
      'Also runs on Forgejo and Gitea Actions (see docs/pipelines.md for the differences).',
    ]) + toYaml(doc)
  );
}
