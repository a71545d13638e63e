import type { Serializable } from '../../data/serializable.js';
import { SerialReader } from '../../data/serialized-reader.js';
import { DeserializationError } from '../../errors.js';
import { FlatTree } from '../tree/index.js';

/**
 * A forest's trees as one set of concatenated typed arrays plus node offsets, so the model
 * artifact stores seven binary blocks however many trees there are. Child indices stay local to
 * each tree.
 */
export function packTrees(trees: readonly FlatTree[]): Serializable {
  const offsets = new Int32Array(trees.length + 1);
  trees.forEach((tree, t) => (offsets[t + 1] = offsets[t] + tree.nodeCount));
  const total = offsets[trees.length];
  const valueSize = trees[0].valueSize;
  const feature = new Int32Array(total);
  const threshold = new Float64Array(total);
  const left = new Int32Array(total);
  const right = new Int32Array(total);
  const missingLeft = new Uint8Array(total);
  const values = new Float64Array(total * valueSize);
  trees.forEach((tree, t) => {
    const at = offsets[t];
    feature.set(tree.feature, at);
    threshold.set(tree.threshold, at);
    left.set(tree.left, at);
    right.set(tree.right, at);
    missingLeft.set(tree.missingLeft, at);
    values.set(tree.values, at * valueSize);
  });
  return { offsets, feature, threshold, left, right, missingLeft, values, valueSize };
}

/** Restores trees written by {@link packTrees}, checking every tree as {@link FlatTree.fromJSON} does. */
export function unpackTrees(
  owner: string,
  packed: SerialReader,
  valueSize: number,
  featureCount: number,
): FlatTree[] {
  const offsets = packed.record.offsets;
  if (!(offsets instanceof Int32Array) || offsets.length < 2 || offsets[0] !== 0)
    throw new DeserializationError(owner, 'tree offsets are malformed.');
  const total = offsets[offsets.length - 1];
  const trees: FlatTree[] = [];
  for (let t = 0; t + 1 < offsets.length; t++) {
    const start = offsets[t];
    const end = offsets[t + 1];
    if (!(end > start && end <= total))
      throw new DeserializationError(owner, `tree ${t} has an invalid node range.`);
    const slice = (key: string, width = 1): Serializable => {
      const array = packed.record[key];
      if (!ArrayBuffer.isView(array) || array instanceof DataView)
        throw new DeserializationError(owner, `tree "${key}" is malformed.`);
      return (array as Int32Array).subarray(start * width, end * width);
    };
    const record = {
      feature: slice('feature'),
      threshold: slice('threshold'),
      left: slice('left'),
      right: slice('right'),
      missingLeft: slice('missingLeft'),
      values: slice('values', valueSize),
      valueSize: packed.raw('valueSize'),
    };
    trees.push(
      FlatTree.fromJSON(owner, new SerialReader(owner, record, 'tree'), valueSize, featureCount),
    );
  }
  return trees;
}
