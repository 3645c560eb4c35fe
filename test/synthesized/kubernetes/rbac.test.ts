/** RBAC semantics: rules, what they grant, bindings. */
import { grantCovered, grants, grantsOf, isAggregated, isEveryone, isWildcardGrant, rbacRules, roleRefOf, subjectBlocks } from '../../../src/synthesized/kubernetes/rbac';

const role = (...rule: unknown[]) => ({ rule });

describe('role rules', () => {
  it('reads each rule, marking references', () => {
    const [a, b] = rbacRules(role({ api_groups: [''], resources: ['pods'], verbs: ['get'] }, { api_groups: '${x}', resources: ['secrets'], verbs: ['list'], resource_names: ['db'] }));
    expect(a).toMatchObject({ attribute: 'rule[0]', apiGroups: [''], resources: ['pods'], verbs: ['get'], unresolved: false });
    expect(b).toMatchObject({ attribute: 'rule[1]', apiGroups: [], resourceNames: ['db'], unresolved: true });
  });

  it('matches verbs, resources, subresources and groups as Kubernetes does', () => {
    const [r] = rbacRules(role({ api_groups: ['', 'apps'], resources: ['*/exec', 'deployments'], verbs: ['create', 'get'] }));
    expect(grants(r!, [''], ['pods/exec', 'pods'], ['create'])).toEqual({ verbs: ['create'], resources: ['pods/exec'] });
    expect(grants(r!, ['batch'], ['jobs'], ['create'])).toEqual({ verbs: [], resources: [] });
    const [star] = rbacRules(role({ api_groups: ['*'], resources: ['*'], verbs: ['*'] }));
    expect(grants(star!, ['rbac.authorization.k8s.io'], ['roles'], ['escalate'])).toEqual({ verbs: ['escalate'], resources: ['roles'] });
  });

  it('knows an aggregated ClusterRole', () => {
    expect(isAggregated({ aggregation_rule: { cluster_role_selectors: [{ match_labels: { a: 'b' } }] } })).toBe(true);
    expect(isAggregated({ aggregation_rule: [] })).toBe(false);
  });

  it('flattens grants (the core group when api_groups is empty, non-resource URLs apart) and compares them', () => {
    const g = grantsOf(role({ resources: ['pods'], verbs: ['get'], resource_names: ['b', 'a'] }, { non_resource_urls: ['/healthz'], verbs: ['get'] }));
    expect(g).toEqual([
      { group: '', resource: 'pods', verb: 'get', names: 'a,b' },
      { group: 'nonResourceURL', resource: '/healthz', verb: 'get', names: '*' },
    ]);
    expect(grantCovered(g[0]!, [{ group: '', resource: '*', verb: 'get', names: '*' }])).toBe(true);
    expect(grantCovered(g[0]!, [{ group: '', resource: 'pods', verb: 'get', names: 'a' }])).toBe(false);
    expect(isWildcardGrant({ group: '', resource: 'roles', verb: 'bind', names: '*' })).toBe(true);
    expect(isWildcardGrant(g[0]!)).toBe(false);
  });
});

describe('bindings', () => {
  it('reads role_ref and subjects in both shapes; an entry that is not a block is unresolved', () => {
    expect(roleRefOf({ role_ref: [{ kind: 'ClusterRole', name: 'view' }] })).toEqual({ kind: 'ClusterRole', name: 'view' });
    expect(subjectBlocks({ subject: [{ kind: 'Group', name: 'g' }, '${x}'] })).toEqual([
      { index: 0, unresolved: false, kind: 'Group', name: 'g', namespace: undefined },
      { index: 1, unresolved: true, kind: undefined, name: undefined, namespace: undefined },
    ]);
    expect(subjectBlocks({ subject: { kind: 'User', name: 'u' } })).toHaveLength(1);
  });

  it('knows the subjects that mean everyone', () => {
    expect(isEveryone('Group', 'system:authenticated', undefined)).toBe(true);
    expect(isEveryone('User', 'system:anonymous', '')).toBe(true);
    expect(isEveryone('Group', 'system:authenticated', 'ns')).toBe(false);
    expect(isEveryone('User', 'alice', undefined)).toBe(false);
  });
});
