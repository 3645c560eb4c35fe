/**
 * GitLab CI: one job per stack, `needs` from the stack graph, a `resource_group` per stack, plan
 * in merge-request pipelines and apply on the default branch behind one manual gate, and a review
 * job that keeps one merge-request note and a Code Quality report up to date. Works as an
 * `include:` of the project's `.gitlab-ci.yml` or as a dynamic child pipeline (docs/pipelines.md).
 * Only GitLab's default stages (build, test, deploy) are used, so an include needs no `stages:`.
 */
import type { StackGraph } from '../synthesized/stack-graph';
import type { SynthContextFile } from '../synthesized/context';
import { engineVersion, header, regenerateCommand, toYaml, type GenerateOptions } from './options';
import { fanIn, GITLAB_NEEDS_LIMIT } from './split';

export const GITLAB_JOB_PREFIX = 'slz';
export const gitlabStackJob = (stack: string): string => `${GITLAB_JOB_PREFIX}:${stack}`;
export const GITLAB_SYNTH_JOB = `${GITLAB_JOB_PREFIX}:synth`;
export const GITLAB_REVIEW_JOB = `${GITLAB_JOB_PREFIX}:review`;
export const GITLAB_GATE_JOB = `${GITLAB_JOB_PREFIX}:approve`;

const ENGINE_IMAGE = { tofu: 'ghcr.io/opentofu/opentofu', terraform: 'hashicorp/terraform' } as const;

/** MR pipelines plan, default-branch pipelines apply; a parent pipeline may set SLZ_MODE itself. */
const MODE_RULES = [
  { if: '$SLZ_MODE == "plan" || $SLZ_MODE == "apply"' },
  { if: '$CI_PIPELINE_SOURCE == "merge_request_event"', variables: { SLZ_MODE: 'plan' } },
  { if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH', variables: { SLZ_MODE: 'apply' } },
];

const STACK_SCRIPT = `cd "$SLZ_DIR/stacks/$SLZ_STACK"
"$SLZ_ENGINE" init -input=false
if [ "$SLZ_MODE" = apply ]; then
  "$SLZ_ENGINE" plan -input=false -lock-timeout=10m -out=tfplan
  "$SLZ_ENGINE" apply -input=false -lock-timeout=10m tfplan
else
  "$SLZ_ENGINE" plan -input=false -lock-timeout=10m
fi
`;

/** A short-lived Vault token from the job's GitLab ID token (Vault JWT auth); nothing printed. */
const LOGIN_SCRIPT = `if [ -z "\${VAULT_TOKEN:-}" ] && [ -n "\${SLZ_VAULT_ROLE:-}" ] && [ -n "\${VAULT_ADDR:-}" ]; then
  VAULT_TOKEN="$(curl --fail --silent --show-error --request POST --data "{\\"role\\":\\"$SLZ_VAULT_ROLE\\",\\"jwt\\":\\"$SLZ_VAULT_ID_TOKEN\\"}" "$VAULT_ADDR/v1/auth/$SLZ_VAULT_JWT_PATH/login" | sed -n 's/.*"client_token":"\\([^"]*\\)".*/\\1/p')"
  export VAULT_TOKEN
fi
if [ -n "\${SLZ_KUBECONFIG:-}" ]; then mkdir -p ~/.kube && cp "$SLZ_KUBECONFIG" ~/.kube/config && chmod 600 ~/.kube/config; fi
`;

const SYNTH_SCRIPT = (opts: GenerateOptions) => `npm ci --no-audit --no-fund
code=0; npx slz synth "$SLZ_LANDING_ZONE" --out "$SLZ_DIR" || code=$?
# 1 = compliance errors: everything was written and the review reports them.
if [ "$code" -gt 1 ]; then exit "$code"; fi
${
  opts.pipelineFile
    ? `# The committed pipeline must match the stacks just synthesized (absent in a dynamic child pipeline).
if [ -f ${opts.pipelineFile} ]; then ${regenerateCommand('gitlab', opts, 'check')}; fi
`
    : ''
}`;

// Paths are relative to the job's folder: CI_PROJECT_DIR is not where every executor runs the script.
const REVIEW_SCRIPT = `npm ci --no-audit --no-fund
git fetch --no-tags --depth=1 origin "$CI_MERGE_REQUEST_DIFF_BASE_SHA"
git worktree add --detach .slz-base FETCH_HEAD
base_out="$PWD/.slz-base-out"
code=0; (cd .slz-base && npm ci --no-audit --no-fund && npx slz synth "$SLZ_LANDING_ZONE" --out "$base_out") || code=$?
# No valid landing zone on the target branch yet: every resource is new.
if [ "$code" -gt 1 ]; then rm -rf "$base_out" && mkdir -p "$base_out/stacks"; fi
set +e
npx slz review --base "$base_out" --head "$SLZ_DIR" --fail-on "$SLZ_FAIL_ON" --format md --out slz-review.md
gate=$?
set -e
if [ "$gate" -gt 1 ]; then exit "$gate"; fi
npx slz review --base "$base_out" --head "$SLZ_DIR" --fail-on never --format codequality --out gl-code-quality-review.json
npx slz check "$SLZ_DIR" --codequality gl-code-quality-compliance.json || [ $? -eq 1 ]
npx slz review --base "$base_out" --head "$SLZ_DIR" --fail-on never --format md --post gitlab
exit "$gate"
`;

export function gitlabPipeline(graph: StackGraph, opts: GenerateOptions, context?: SynthContextFile): string {
  const maxNeeds = opts.maxNeeds ?? GITLAB_NEEDS_LIMIT;
  const version = engineVersion(opts);
  const doc: Record<string, unknown> = {
    variables: {
      SLZ_ENGINE: opts.engine,
      SLZ_ENGINE_IMAGE: `${ENGINE_IMAGE[opts.engine]}:${version}`,
      SLZ_NODE_IMAGE: 'node:20',
      SLZ_DIR: opts.synthDir,
      SLZ_LANDING_ZONE: opts.landingZoneFile,
      SLZ_FAIL_ON: 'high',
      SLZ_ENVIRONMENT: 'slz-apply',
      SLZ_VAULT_JWT_PATH: 'jwt',
      SLZ_VAULT_ROLE: '',
    },
    '.slz-rules': { rules: MODE_RULES },
    [GITLAB_SYNTH_JOB]: {
      extends: '.slz-rules',
      stage: 'build',
      image: '$SLZ_NODE_IMAGE',
      script: [SYNTH_SCRIPT(opts)],
      artifacts: { paths: [`${opts.synthDir}/`], expire_in: '1 week' },
    },
    [GITLAB_REVIEW_JOB]: {
      stage: 'test',
      image: '$SLZ_NODE_IMAGE',
      rules: [{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }, { if: '$SLZ_MODE == "plan" && $CI_MERGE_REQUEST_IID' }],
      needs: [{ job: GITLAB_SYNTH_JOB, artifacts: true }],
      variables: { GIT_DEPTH: '20' },
      script: [REVIEW_SCRIPT],
      artifacts: {
        when: 'always',
        paths: ['slz-review.md'],
        reports: { codequality: ['gl-code-quality-review.json', 'gl-code-quality-compliance.json'] },
        expire_in: '30 days',
      },
    },
    [GITLAB_GATE_JOB]: {
      stage: 'deploy',
      image: '$SLZ_NODE_IMAGE',
      rules: [
        { if: '$SLZ_MODE == "plan"', when: 'never' },
        { if: '$SLZ_MODE == "apply"', when: 'manual' },
        { if: '$CI_PIPELINE_SOURCE == "merge_request_event"', when: 'never' },
        { if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH', when: 'manual' },
      ],
      allow_failure: false,
      needs: [{ job: GITLAB_SYNTH_JOB, artifacts: false }],
      environment: { name: '$SLZ_ENVIRONMENT', action: 'prepare' },
      script: ['echo "apply approved by $GITLAB_USER_LOGIN"'],
    },
    '.slz-stack': {
      extends: '.slz-rules',
      stage: 'deploy',
      image: { name: '$SLZ_ENGINE_IMAGE', entrypoint: [''] },
      variables: { TF_IN_AUTOMATION: '1', TF_INPUT: '0' },
      id_tokens: { SLZ_VAULT_ID_TOKEN: { aud: '$CI_SERVER_URL' } },
      before_script: [LOGIN_SCRIPT],
      script: [STACK_SCRIPT],
      after_script: ['rm -f "$SLZ_DIR/stacks/$SLZ_STACK/tfplan"'],
    },
    '.slz-barrier': {
      extends: '.slz-rules',
      stage: 'deploy',
      image: { name: '$SLZ_ENGINE_IMAGE', entrypoint: [''] },
      variables: { GIT_STRATEGY: 'none' },
      script: ['echo "$CI_JOB_NAME: the stacks it waits for are done"'],
    },
  };

  const jobs: [string, Record<string, unknown>][] = [];
  for (const wave of graph.waves) {
    for (const name of wave) {
      const s = graph.stacks[name]!;
      const deps = s.dependsOn.map(gitlabStackJob);
      const { needs, barriers } = fanIn(deps, maxNeeds - 2, `${GITLAB_JOB_PREFIX}:${name}:after`);
      for (const b of barriers) jobs.push([b.name, { extends: '.slz-barrier', needs: b.needs.map((job) => ({ job, artifacts: false })) }]);
      const vault = s.region ? context?.vaultAddresses?.[s.region] : undefined;
      jobs.push([
        gitlabStackJob(name),
        {
          extends: '.slz-stack',
          variables: { SLZ_STACK: name, ...(s.region ? { SLZ_REGION: s.region } : {}), ...(vault ? { VAULT_ADDR: vault } : {}) },
          resource_group: `slz-${name}`,
          needs: [
            { job: GITLAB_SYNTH_JOB, artifacts: true },
            ...(s.dependsOn.length === 0 ? [{ job: GITLAB_GATE_JOB, optional: true, artifacts: false }] : []),
            ...needs.map((job) => ({ job, artifacts: false })),
          ],
        },
      ]);
    }
  }
  for (const [name, job] of jobs) doc[name] = job;

  return (
    header('gitlab', graph, opts, [
      'One job per stack: plan in merge-request pipelines; on the default branch, plan and apply after the manual',
      `${GITLAB_GATE_JOB} job. resource_group slz-<stack> keeps two pipelines from applying one state at once.`,
      `A job waits for at most ${maxNeeds} others: larger fan-ins go through ${GITLAB_JOB_PREFIX}:<stack>:after-* jobs.`,
      'Override any SLZ_* variable in your .gitlab-ci.yml; see docs/pipelines.md.',
    ]) + toYaml(doc)
  );
}
