/**
 * `slz pipeline`: what each generated file says about the stack graph — every stack exactly once,
 * dependencies honoured, every job within the engine's limits — at 3 and at 1,000 stacks per wave.
 * The engines' own parsers check the syntax in validate.test.ts.
 */
import fc from 'fast-check';
import { parse } from 'yaml';
import { atlantisConfig, checkStackGraph, fanIn, githubWaveJobs, githubWorkflow, gitlabPipeline, gitlabStackJob, splitEvenly, type GenerateOptions } from '../../src/orchestration';
import type { StackGraph } from '../../src/synthesized/stack-graph';
import { landingZoneGraph } from '../helpers/graph';

const opts: GenerateOptions = { engine: 'tofu', synthDir: 'cdktf.out', landingZoneFile: 'landing-zone.yaml' };

describe('splitEvenly', () => {
  it('makes the fewest parts of at most max, sizes within one, order kept', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 2000 }), fc.integer({ min: 1, max: 300 }), (items, max) => {
        const parts = splitEvenly(items, max);
        expect(parts.flat()).toEqual(items);
        expect(parts.length).toBe(Math.ceil(items.length / max));
        for (const p of parts) expect(p.length).toBeLessThanOrEqual(max);
        if (parts.length) expect(Math.max(...parts.map((p) => p.length)) - Math.min(...parts.map((p) => p.length))).toBeLessThanOrEqual(1);
      }),
    );
  });
  it('refuses a part size below one', () => {
    expect(() => splitEvenly([1], 0)).toThrow(RangeError);
  });
});

describe('fanIn', () => {
  it('bounds every job by max and still reaches every original dependency', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 2, max: 60 }), (n, max) => {
        const deps = Array.from({ length: n }, (_, i) => `d${i}`);
        const { needs, barriers } = fanIn(deps, max, 'b');
        const graph = new Map(barriers.map((b) => [b.name, b.needs]));
        expect(needs.length).toBeLessThanOrEqual(max);
        for (const b of barriers) expect(b.needs.length).toBeLessThanOrEqual(max);
        const reached = new Set<string>();
        const walk = (j: string): void => {
          const below = graph.get(j);
          if (below) below.forEach(walk);
          else reached.add(j);
        };
        needs.forEach(walk);
        expect([...reached].sort()).toEqual([...deps].sort());
        if (n <= max) expect(barriers).toEqual([]);
      }),
    );
  });
});

type MutableGraph = { stacks: Record<string, { dir: string; dependsOn: string[] }>; waves: string[][] };

describe('checkStackGraph', () => {
  const good = landingZoneGraph(2, ['r1']);
  it('accepts a graph slz synth writes', () => {
    expect(checkStackGraph(JSON.parse(JSON.stringify(good)))).toEqual(good);
  });
  it.each([
    ['a name that would inject a command', (g: MutableGraph) => (g.stacks['x;rm -rf ~'] = { ...g.stacks['lz-platform-r1']!, dir: 'stacks/x;rm -rf ~' }), /characters/],
    ['a dependency outside the graph', (g: MutableGraph) => g.stacks['lz-tenant-agency-0000-r1']!.dependsOn.push('nope'), /not in the graph/],
    ['a dependency in a later wave', (g: MutableGraph) => (g.stacks['lz-platform-r1']!.dependsOn = ['lz-admission-r1']), /depends on/],
    ['a folder outside stacks/', (g: MutableGraph) => (g.stacks['lz-platform-r1']!.dir = '../etc'), /dir/],
    ['a stack missing from the waves', (g: MutableGraph) => g.waves[1]!.pop(), /waves list/],
  ])('refuses %s', (_what, mutate, message) => {
    const g = JSON.parse(JSON.stringify(good)) as MutableGraph;
    mutate(g);
    expect(() => checkStackGraph(g)).toThrow(message);
  });
});

interface GitlabJob {
  extends?: string;
  needs?: ({ job: string; optional?: boolean } | string)[];
  resource_group?: string;
  variables?: Record<string, string>;
}

function gitlabJobs(graph: StackGraph, o: GenerateOptions = opts): Record<string, GitlabJob> {
  return parse(gitlabPipeline(graph, o)) as Record<string, GitlabJob>;
}

/** The stack jobs a GitLab job waits for, through any barrier jobs. */
function stackNeeds(jobs: Record<string, GitlabJob>, name: string): string[] {
  const out = new Set<string>();
  const walk = (j: string): void => {
    const job = jobs[j]!;
    if (job.extends === '.slz-stack' && j !== name) {
      out.add(j);
      return;
    }
    for (const n of job.needs ?? []) {
      const id = typeof n === 'string' ? n : n.job;
      if (id.startsWith('slz:') && id !== 'slz:synth' && id !== 'slz:approve') walk(id);
    }
  };
  walk(name);
  return [...out].sort();
}

describe.each([
  ['3 stacks', landingZoneGraph(1, ['r1'])],
  ['500 agencies × 2 regions', landingZoneGraph(500, ['north', 'south'])],
])('GitLab CI, %s', (_label, graph) => {
  const jobs = gitlabJobs(graph);
  const names = Object.keys(graph.stacks);
  it('has one job per stack, each with its own resource_group', () => {
    const stackJobs = Object.entries(jobs).filter(([, j]) => j.extends === '.slz-stack');
    expect(stackJobs.map(([k]) => k).sort()).toEqual(names.map(gitlabStackJob).sort());
    for (const [k, j] of stackJobs) {
      expect(j.resource_group).toBe(`slz-${j.variables!.SLZ_STACK}`);
      expect(k).toBe(gitlabStackJob(j.variables!.SLZ_STACK!));
    }
    expect(new Set(stackJobs.map(([, j]) => j.resource_group)).size).toBe(names.length);
  });
  it('waits for exactly the stacks the graph says, and no job lists more than 50 needs', () => {
    for (const name of names) expect(stackNeeds(jobs, gitlabStackJob(name))).toEqual(graph.stacks[name]!.dependsOn.map(gitlabStackJob).sort());
    for (const job of Object.values(jobs)) expect((job.needs ?? []).length).toBeLessThanOrEqual(50);
  });
  it('gates only the stacks with no dependency on the manual approval (optional in merge-request pipelines)', () => {
    for (const name of names) {
      const gate = jobs[gitlabStackJob(name)]!.needs!.find((n) => typeof n !== 'string' && n.job === 'slz:approve');
      if (graph.stacks[name]!.dependsOn.length === 0) expect(gate).toEqual({ job: 'slz:approve', optional: true, artifacts: false });
      else expect(gate).toBeUndefined();
    }
  });
});

it('GitLab: a smaller --max-needs makes a deeper barrier tree, never a job over the limit', () => {
  const graph = landingZoneGraph(300, ['r1']);
  const jobs = gitlabJobs(graph, { ...opts, maxNeeds: 6 });
  for (const job of Object.values(jobs)) expect((job.needs ?? []).length).toBeLessThanOrEqual(6);
  expect(stackNeeds(jobs, gitlabStackJob('lz-admission-r1'))).toEqual(graph.stacks['lz-admission-r1']!.dependsOn.map(gitlabStackJob).sort());
  expect(Object.keys(jobs).some((k) => k.startsWith('slz:lz-admission-r1:after-2-'))).toBe(true);
});

describe('GitHub Actions', () => {
  interface Job {
    needs?: string[];
    strategy?: { matrix: { include: { stack: string; region?: string; vault?: string }[] } };
    concurrency?: { group: string; 'cancel-in-progress': boolean };
  }
  it.each([
    [1, 1],
    [256, 1],
    [257, 2],
    [1000, 4],
  ])('splits a wave of %i tenant stacks into %i matrix job(s) of at most 256', (tenants, parts) => {
    const graph = landingZoneGraph(tenants, ['r1']);
    const wf = parse(githubWorkflow(graph, opts)) as { jobs: Record<string, Job> };
    const wave1 = Object.entries(wf.jobs).filter(([k]) => k === 'wave-1' || k.startsWith('wave-1-'));
    expect(wave1).toHaveLength(parts);
    for (const [, j] of wave1) expect(j.strategy!.matrix.include.length).toBeLessThanOrEqual(256);
    expect(wave1.flatMap(([, j]) => j.strategy!.matrix.include.map((e) => e.stack)).sort()).toEqual(graph.waves[1]);
    const wave2 = Object.entries(wf.jobs).filter(([k]) => k.startsWith('wave-2'));
    for (const [, j] of wave2) expect(j.needs).toEqual(['synth', ...wave1.map(([k]) => k)]);
  });
  it('runs every stack exactly once, after every stack of the earlier waves, one at a time per stack', () => {
    const graph = landingZoneGraph(600, ['north', 'south']);
    const wf = parse(githubWorkflow(graph, { ...opts, maxMatrix: 100 })) as { jobs: Record<string, Job> };
    const seen: string[] = [];
    const parts = githubWaveJobs(graph, 100);
    const after = (id: string): Set<string> => new Set((wf.jobs[id]!.needs ?? []).flatMap((n) => [n, ...(wf.jobs[n] ? after(n) : [])]));
    for (const p of parts) {
      const job = wf.jobs[p.id]!;
      expect(job.concurrency).toEqual({ group: 'slz-stack-${{ matrix.stack }}', 'cancel-in-progress': false });
      const stacks = job.strategy!.matrix.include.map((e) => e.stack);
      expect(stacks.length).toBeLessThanOrEqual(100);
      for (const s of stacks) for (const d of graph.stacks[s]!.dependsOn) expect(after(p.id).has(parts.find((q) => q.stacks.includes(d))!.id)).toBe(true);
      seen.push(...stacks);
    }
    expect(seen.sort()).toEqual(Object.keys(graph.stacks).sort());
  });
  it('logs in to the Vault of each stack\'s own region', () => {
    const graph = landingZoneGraph(1, ['north', 'south']);
    const context = { vaultAddresses: { north: 'https://vault.north:8200', south: 'https://vault.south:8200' } } as never;
    const wf = parse(githubWorkflow(graph, opts, context)) as { jobs: Record<string, Job> };
    const entries = Object.values(wf.jobs).flatMap((j) => j.strategy?.matrix.include ?? []);
    for (const e of entries) expect(e.vault).toBe(`https://vault.${e.region}:8200`);
  });
});

describe('Atlantis', () => {
  it('has one project per stack: its folder, its wave as execution_order_group, its dependencies as depends_on', () => {
    const graph = landingZoneGraph(40, ['north', 'south']);
    const cfg = parse(atlantisConfig(graph, opts)) as { projects: { name: string; dir: string; execution_order_group: number; depends_on?: string[] }[] };
    expect(cfg.projects.map((p) => p.name).sort()).toEqual(Object.keys(graph.stacks).sort());
    for (const p of cfg.projects) {
      const s = graph.stacks[p.name]!;
      expect(p.dir).toBe(`cdktf.out/${s.dir}`);
      expect(p.execution_order_group).toBe(s.wave);
      expect(p.depends_on ?? []).toEqual(s.dependsOn);
    }
  });
});

describe('every engine', () => {
  it.each(['gitlab', 'github', 'atlantis'] as const)('%s: the same graph gives the same bytes, whatever order its stacks were listed in', (target) => {
    const graph = landingZoneGraph(30, ['north', 'south']);
    const shuffled: StackGraph = { ...graph, stacks: Object.fromEntries(Object.entries(graph.stacks).reverse()) };
    const gen = { gitlab: gitlabPipeline, github: githubWorkflow, atlantis: atlantisConfig }[target];
    expect(gen(shuffled, opts)).toBe(gen(graph, opts));
  });
  it.each(['tofu', 'terraform'] as const)('uses the engine chosen (%s)', (engine) => {
    const graph = landingZoneGraph(1, ['r1']);
    const other = engine === 'tofu' ? 'terraform' : 'tofu';
    const gl = parse(gitlabPipeline(graph, { ...opts, engine })) as { variables: Record<string, string> };
    expect(gl.variables.SLZ_ENGINE).toBe(engine);
    const gh = parse(githubWorkflow(graph, { ...opts, engine })) as { env: Record<string, string> };
    expect(gh.env.SLZ_ENGINE).toBe(engine);
    const at = parse(atlantisConfig(graph, { ...opts, engine })) as { projects: { terraform_distribution: string }[] };
    expect(at.projects[0]!.terraform_distribution).toBe(engine === 'tofu' ? 'opentofu' : 'terraform');
    expect(gitlabPipeline(graph, { ...opts, engine })).not.toContain(`SLZ_ENGINE: ${other}`);
  });
});
