/** Labels of a namespace tree, as the namespace rules compare them. */
import { block, valueAt } from '../../synthesized/values';

export function labelsOf(tree: unknown): Record<string, unknown> {
  return block(valueAt(tree, 'metadata', 'labels')) ?? {};
}
