/** Pod specs of workloads, their containers and effective security contexts. */
import { containersOf, podSpecOf, readPodSpec, securityContextOf } from '../../../src/synthesized/kubernetes/pod-spec';

const pod = { security_context: { run_as_non_root: true, seccomp_profile: { type: 'RuntimeDefault' } }, container: [{ name: 'app', security_context: { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } } }], init_container: { name: 'init', security_context: { run_as_non_root: false, seccomp_profile: [{ type: 'Unconfined' }] } } };

describe('pod specs', () => {
  it('finds the pod spec of each workload kind, in both shapes', () => {
    expect(podSpecOf({ type: 'kubernetes_pod_v1', body: { spec: pod } })?.path).toBe('spec');
    expect(podSpecOf({ type: 'kubernetes_deployment_v1', body: { spec: { template: { spec: pod } } } })?.path).toBe('spec.template.spec');
    expect(podSpecOf({ type: 'kubernetes_cron_job_v1', body: { spec: [{ job_template: [{ spec: [{ template: [{ spec: [pod] }] }] }] }] } })?.path).toBe('spec.job_template.spec.template.spec');
    expect(podSpecOf({ type: 'kubernetes_deployment_v1', body: { spec: {} } })).toBeUndefined();
  });

  it('says when the pod spec is a reference', () => {
    expect(readPodSpec('kubernetes_daemon_set_v1', { spec: { template: '${var.t}' } })).toEqual({ kind: 'unresolved' });
    expect(readPodSpec('kubernetes_daemon_set_v1', {})).toEqual({ kind: 'absent' });
  });

  it('lists containers and init containers with their attributes', () => {
    const p = podSpecOf({ type: 'kubernetes_pod_v1', body: { spec: pod } })!;
    expect(containersOf(p).map((c) => [c.label, c.attribute])).toEqual([
      ['container "app"', 'spec.container[0]'],
      ['init_container "init"', 'spec.init_container[0]'],
    ]);
  });

  it('gives each container its own settings over the pod\'s', () => {
    const p = podSpecOf({ type: 'kubernetes_pod_v1', body: { spec: pod } })!;
    const [app, init] = containersOf(p).map((c) => securityContextOf(p, c));
    expect(app).toMatchObject({ runAsNonRoot: true, seccompProfileType: 'RuntimeDefault', drop: { items: ['ALL'] }, add: { items: ['NET_BIND_SERVICE'] } });
    expect(init).toMatchObject({ runAsNonRoot: false, seccompProfileType: 'Unconfined', drop: { items: [] } });
  });
});
