/**
 * `slz pipeline` on a synthesized tree: the stack graph built from its stacks, then the GitLab,
 * GitHub and Atlantis files generated from it. Usage: node orchestration.js TREE
 */
import { readSynthDir } from '../../src/synthesized';
import { buildStackGraph } from '../../src/synthesized/stack-graph';
import { generatePipeline, type GenerateOptions } from '../../src/orchestration';
import { report, timed } from './common';

const [tree] = process.argv.slice(2) as [string];
const phases: Record<string, number> = {};
const stacks = timed(phases, 'read', () => readSynthDir(tree));
const graph = timed(phases, 'graph', () => buildStackGraph(tree, stacks));
const opts: GenerateOptions = { engine: 'tofu', synthDir: 'cdktf.out', landingZoneFile: 'landing-zone.yaml', pipelineFile: 'pipeline.yml' };
let bytes = 0;
for (const target of ['gitlab', 'github', 'atlantis'] as const) bytes += timed(phases, target, () => generatePipeline(target, graph, opts)).length;
report(phases, { bytes, resources: Object.keys(graph.stacks).length });
