/** `slz pipeline`: CI and Atlantis files generated from a synthesized tree's stack graph. No cdktf here. */
import type { SynthContextFile } from '../synthesized/context';
import type { StackGraph } from '../synthesized/stack-graph';
import { atlantisConfig } from './atlantis';
import { githubWorkflow } from './github';
import { gitlabPipeline } from './gitlab';
import type { GenerateOptions, Target } from './options';

export * from './options';
export { checkStackGraph, OrchestrationInputError, readOrchestrationInput, SAFE_NAME, type OrchestrationInput } from './input';
export { fanIn, GITHUB_MATRIX_LIMIT, GITLAB_NEEDS_LIMIT, splitEvenly } from './split';
export { gitlabPipeline, gitlabStackJob, GITLAB_GATE_JOB, GITLAB_REVIEW_JOB, GITLAB_SYNTH_JOB } from './gitlab';
export { githubWaveJobs, githubWorkflow } from './github';
export { atlantisConfig } from './atlantis';

/** The generated file for one engine. Pure: the same graph, context and options give the same text. */
export function generatePipeline(target: Target, graph: StackGraph, opts: GenerateOptions, context?: SynthContextFile): string {
  switch (target) {
    case 'gitlab':
      return gitlabPipeline(graph, opts, context);
    case 'github':
      return githubWorkflow(graph, opts, context);
    case 'atlantis':
      return atlantisConfig(graph, opts);
  }
}
