/** Stack graphs shaped like a landing zone's (platform per region → its tenants → admission), without synthesizing. */
import type { GraphStack, StackGraph } from '../../src/synthesized/stack-graph';

export function landingZoneGraph(tenants: number, regions: readonly string[], lz = 'lz'): StackGraph {
  const stacks: Record<string, GraphStack> = {};
  const waves: string[][] = [[], [], []];
  for (const region of regions) {
    const platform = `${lz}-platform-${region}`;
    stacks[platform] = { kind: 'platform', region, dependsOn: [], wave: 0, dir: `stacks/${platform}` };
    const names: string[] = [];
    for (let i = 0; i < tenants; i++) {
      const tenant = `agency-${String(i).padStart(4, '0')}`;
      const name = `${lz}-tenant-${tenant}-${region}`;
      stacks[name] = { kind: 'tenancy', region, tenant, dependsOn: [platform], wave: 1, dir: `stacks/${name}` };
      names.push(name);
    }
    const admission = `${lz}-admission-${region}`;
    stacks[admission] = { kind: 'admission', region, dependsOn: [platform, ...names].sort(), wave: 2, dir: `stacks/${admission}` };
    waves[0]!.push(platform);
    waves[1]!.push(...names);
    waves[2]!.push(admission);
  }
  const sorted = Object.fromEntries(Object.entries(stacks).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { apiVersion: 'slz/v1', kind: 'StackGraph', stacks: sorted, waves: waves.map((w) => w.sort()), reapply: {} };
}
