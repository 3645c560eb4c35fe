/** Label selectors with Kubernetes semantics. */
import { selectorIsEmpty, selectorMatches } from '../../../src/synthesized/kubernetes/selector';

describe('selectors', () => {
  it('is empty without labels or expressions, in either shape or spelling', () => {
    for (const s of [undefined, {}, [], [{ match_labels: {}, match_expressions: [] }], { matchLabels: {} }]) expect(selectorIsEmpty(s)).toBe(true);
    expect(selectorIsEmpty({ match_labels: { a: 'b' } })).toBe(false);
    expect(selectorIsEmpty({ matchExpressions: [{ key: 'a', operator: 'Exists' }] })).toBe(false);
    expect(selectorIsEmpty('${x}')).toBe('unresolved');
    expect(selectorIsEmpty({ match_labels: '${x}' })).toBe('unresolved');
  });

  it('matches labels and expressions', () => {
    const labels = { tier: 'api', env: 'prod' };
    expect(selectorMatches({ match_labels: { tier: 'api' } }, labels)).toBe('yes');
    expect(selectorMatches({ match_labels: { tier: 'web' } }, labels)).toBe('no');
    expect(selectorMatches({ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dr'] }] }, labels)).toBe('yes');
    expect(selectorMatches({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, labels)).toBe('no');
    expect(selectorMatches({ matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }] }, labels)).toBe('yes');
    expect(selectorMatches({ matchExpressions: [{ key: 'team', operator: 'Exists' }] }, labels)).toBe('no');
    expect(selectorMatches({ matchExpressions: [{ key: 'team', operator: 'Gt', values: ['1'] }] }, labels)).toBe('unknown');
    expect(selectorMatches({ match_labels: { tier: '${x}' } }, labels)).toBe('unknown');
    expect(selectorMatches({}, undefined)).toBe('unknown');
    expect(selectorMatches(undefined, labels)).toBe('yes');
  });
});
