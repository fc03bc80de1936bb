/**
 * Reading a call tree's sparse self values (see CallTree in model.ts) for one sample type.
 */
import type { CallTree } from './model';

type SelfValues = Pick<CallTree, 'selfNodes' | 'selfValues' | 'size'>;

/**
 * The self value of every node for one sample type, in a fresh array the caller may change (stats
 * sums it up the tree in place). Each node's entries are added in their order, starting from zero,
 * as the importer added them, so the values are the same to the bit.
 */
export function selfColumn(tree: SelfValues, sampleType: number): Float64Array {
  const column = new Float64Array(tree.size);
  const { selfNodes } = tree;
  const values = tree.selfValues[sampleType];
  for (let k = 0; k < selfNodes.length; k++) column[selfNodes[k]] += values[k];
  return column;
}

/** The sum of all self values of one sample type. */
export function selfSum(tree: SelfValues, sampleType: number): number {
  let sum = 0;
  for (const value of tree.selfValues[sampleType]) sum += value;
  return sum;
}
