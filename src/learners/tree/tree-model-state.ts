import type { Matrix } from '../../data/matrix.js';
import type { SerialReader } from '../../data/serialized-reader.js';
import { DeserializationError } from '../../errors.js';
import { checkPredictColumns } from '../check-data.js';
import type { FlatTree } from './flat-tree.js';
import { treeFeatures } from './tree-input.js';

/** What a fitted tree model (one tree or a forest) knows besides its trees. */
export interface TreeModelState {
  readonly featureCount: number;
  readonly featureImportances: Float64Array;
  /** Class labels (classifiers); empty for regressors. */
  readonly classes: Float64Array;
}

/** The serialized form of {@link TreeModelState} (copies, so the model stays immutable). */
export function treeModelStateJSON(s: TreeModelState): {
  featureCount: number;
  featureImportances: Float64Array;
  classes: Float64Array;
} {
  return {
    featureCount: s.featureCount,
    featureImportances: s.featureImportances.slice(),
    classes: s.classes.slice(),
  };
}

/** Reads and checks {@link TreeModelState} from a model's serialized state. */
export function readTreeModelState(type: string, state: SerialReader): TreeModelState {
  const featureCount = state.integer('featureCount');
  if (featureCount === 0) throw new DeserializationError(type, '"featureCount" must be ≥ 1.');
  return {
    featureCount,
    featureImportances: state.float64('featureImportances', featureCount).slice(),
    classes: state.float64('classes').slice(),
  };
}

/**
 * The mean of the trees' leaf values for each row of X (rows × valueSize, row-major): a
 * decision tree is a forest of one.
 */
export function meanLeafValues(
  type: string,
  X: Matrix,
  featureCount: number,
  trees: readonly FlatTree[],
): Float64Array {
  checkPredictColumns(type, X, featureCount);
  const dense = treeFeatures(type, X);
  const out = new Float64Array(dense.rows * trees[0].valueSize);
  const share = 1 / trees.length;
  for (const tree of trees) tree.addPredictions(dense, out, share);
  return out;
}
