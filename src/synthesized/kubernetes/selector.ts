/** Label selectors with Kubernetes semantics (camelCase keys in manifests, snake_case in typed resources). */
import { block, blocks, isUnresolved, literal, pick, stringList } from '../values';

/**
 * Whether a selector selects everything (no labels, no expressions). An absent or empty block is
 * empty; `unresolved` when the selector or its parts are references.
 */
export function selectorIsEmpty(selector: unknown): boolean | 'unresolved' {
  if (isUnresolved(selector)) return 'unresolved';
  const sel = block(selector);
  if (!sel) return true;
  const labels = pick(sel, 'matchLabels', 'match_labels');
  const exprs = pick(sel, 'matchExpressions', 'match_expressions');
  if (isUnresolved(labels) || isUnresolved(exprs)) return 'unresolved';
  const labelCount = labels && typeof labels === 'object' ? Object.keys(block(labels) ?? {}).length : 0;
  return labelCount === 0 && blocks(exprs).length === 0;
}

/** Whether a label selector selects an object with these labels; `unknown` when parts are references. */
export function selectorMatches(selector: unknown, labels: Readonly<Record<string, unknown>> | undefined): 'yes' | 'no' | 'unknown' {
  if (isUnresolved(selector) || labels === undefined) return 'unknown';
  const sel = block(selector);
  if (!sel) return 'yes';
  let result: 'yes' | 'unknown' = 'yes';
  const matchLabels = pick(sel, 'matchLabels', 'match_labels');
  if (isUnresolved(matchLabels)) result = 'unknown';
  else {
    for (const [k, v] of Object.entries(block(matchLabels) ?? {})) {
      const want = literal(v);
      const have = literal(labels[k]);
      if (want === undefined || (labels[k] !== undefined && have === undefined)) result = 'unknown';
      else if (have !== want) return 'no';
    }
  }
  const exprs = pick(sel, 'matchExpressions', 'match_expressions');
  if (isUnresolved(exprs)) return 'unknown';
  for (const e of blocks(exprs)) {
    const key = literal(e.key);
    const op = literal(e.operator);
    const values = stringList(e.values);
    if (key === undefined || op === undefined || values.unresolved) {
      result = 'unknown';
      continue;
    }
    const present = labels[key] !== undefined && labels[key] !== null;
    const value = literal(labels[key]);
    if (present && value === undefined) {
      result = 'unknown';
      continue;
    }
    let ok: boolean;
    switch (op) {
      case 'Exists':
        ok = present;
        break;
      case 'DoesNotExist':
        ok = !present;
        break;
      case 'In':
        ok = present && values.items.includes(value as string);
        break;
      case 'NotIn':
        ok = !present || !values.items.includes(value as string);
        break;
      default:
        return 'unknown';
    }
    if (!ok) return 'no';
  }
  return result;
}
