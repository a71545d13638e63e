import type { Serializable } from '../../data/serializable.js';
import type { SerialReader } from '../../data/serialized-reader.js';
import { DeserializationError } from '../../errors.js';
import type { FlatEnsemble } from './predictor.js';

/** The flattened ensemble as typed arrays (copied, so the model and its JSON never alias). */
export function writeEnsemble(e: FlatEnsemble): Serializable {
  return {
    outputs: e.outputs,
    baseline: e.baseline.slice(),
    treeRoots: e.treeRoots.slice(),
    feature: e.feature.slice(),
    threshold: e.threshold.slice(),
    left: e.left.slice(),
    right: e.right.slice(),
    value: e.value.slice(),
    defaultLeft: e.defaultLeft.slice(),
    categoryOffset: e.categoryOffset.slice(),
    categories: e.categories.slice(),
  };
}

function typed<T extends ArrayBufferView>(
  owner: string,
  r: SerialReader,
  key: string,
  kind: new (n: number) => T,
  length?: number,
): T {
  const value = r.raw(key);
  if (
    !(value instanceof kind) ||
    (length !== undefined && (value as unknown as { length: number }).length !== length)
  ) {
    throw new DeserializationError(
      owner,
      `"${key}" must be a ${kind.name}${length === undefined ? '' : ` of ${length} values`}.`,
    );
  }
  return (value as unknown as { slice(): T }).slice();
}

/**
 * Reads an ensemble written by {@link writeEnsemble}, checking array lengths and that every
 * child index and feature is in range, so a corrupted model fails here and not in predict.
 */
export function readEnsemble(owner: string, r: SerialReader, nFeatures: number): FlatEnsemble {
  const outputs = r.integer('outputs');
  const baseline = r.float64('baseline', outputs).slice();
  const treeRoots = typed(owner, r, 'treeRoots', Int32Array);
  const feature = typed(owner, r, 'feature', Int32Array);
  const nodes = feature.length;
  const categories = typed(owner, r, 'categories', Uint32Array);
  const ensemble: FlatEnsemble = {
    outputs,
    baseline,
    treeRoots,
    feature,
    threshold: typed(owner, r, 'threshold', Float64Array, nodes),
    left: typed(owner, r, 'left', Int32Array, nodes),
    right: typed(owner, r, 'right', Int32Array, nodes),
    value: typed(owner, r, 'value', Float64Array, nodes),
    defaultLeft: typed(owner, r, 'defaultLeft', Uint8Array, nodes),
    categoryOffset: typed(owner, r, 'categoryOffset', Int32Array, nodes),
    categories,
  };
  const bad = (what: string): never => {
    throw new DeserializationError(owner, `the ensemble is corrupt: ${what}.`);
  };
  if (outputs < 1 || treeRoots.length % outputs !== 0)
    bad('tree count is not a multiple of outputs');
  for (const root of treeRoots)
    if (root < 0 || root >= nodes) bad(`tree root ${root} out of range`);
  for (let node = 0; node < nodes; node++) {
    if (feature[node] < 0) continue;
    if (feature[node] >= nFeatures) bad(`node ${node} splits on feature ${feature[node]}`);
    // Children come after their parent, so every walk ends at a leaf.
    const { left, right, categoryOffset } = ensemble;
    if (!(left[node] > node && left[node] < nodes && right[node] > node && right[node] < nodes))
      bad(`node ${node} has children out of range`);
    if (categoryOffset[node] >= 0 && categoryOffset[node] + 8 > categories.length)
      bad(`node ${node} has a category set out of range`);
  }
  return ensemble;
}
