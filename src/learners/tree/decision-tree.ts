import type { Matrix } from '../../data/matrix.js';
import { Rng } from '../../data/rng.js';
import type { Serializable, SerializedObject } from '../../data/serializable.js';
import type { SerialRecord } from '../../data/serialized-reader.js';
import { checkRestoredOptions, readEnvelope } from '../../data/serialized-reader.js';
import { NotFittedError } from '../../errors.js';
import { checkFitData } from '../check-data.js';
import type { FitOptions } from '../estimator.js';
import { normalised } from './feature-importances.js';
import { FlatTree } from './flat-tree.js';
import { rankColumns } from './ranked-columns.js';
import { buildTree } from './tree-builder.js';
import type { TreeGrowthOptions } from './tree-options.js';
import { checkGrowthOptions, resolveMaxFeatures } from './tree-options.js';
import type { TreeTargets } from './tree-targets.js';
import { treeFeatures } from './tree-input.js';
import { meanLeafValues, readTreeModelState, treeModelStateJSON } from './tree-model-state.js';

/** Options of a single tree: the growth limits plus the task's criterion (and class weights). */
export type DecisionTreeParams = TreeGrowthOptions & { readonly [key: string]: Serializable };

interface FittedTree {
  readonly tree: FlatTree;
  readonly featureCount: number;
  readonly featureImportances: Float64Array;
  readonly classes: Float64Array;
}

/**
 * What the CART classifier and regressor share: option checks, fitting (rank the columns, grow with the
 * `best` splitter), leaf values per row, feature importances and serialization. A subclass
 * supplies `type`, its criterion check and the targets (criterion, weights, classes).
 */
export abstract class DecisionTree<P extends DecisionTreeParams> {
  abstract readonly type: string;
  readonly #options: P;
  #state: FittedTree | undefined;

  constructor(options: P) {
    this.#options = Object.freeze(options);
  }

  protected abstract checkTaskOptions(options: P): void;

  protected abstract targets(y: Float64Array, weights: Float64Array, options: P): TreeTargets;

  /** Leaf values per node the fitted state must have for `classes`. */
  protected abstract valueSize(classes: Float64Array): number;

  get isFitted(): boolean {
    return this.#state !== undefined;
  }

  /** The fitted tree (flattened typed arrays). */
  get tree(): FlatTree {
    return this.fitted().tree;
  }

  /** Weighted impurity decrease per feature, summing to 1 (all 0 if the tree never split). */
  get featureImportances(): Float64Array {
    return this.fitted().featureImportances.slice();
  }

  getParams(): P {
    return this.#options;
  }

  fit(X: Matrix, y: Float64Array, options: FitOptions = {}): this {
    const o = this.#options;
    checkGrowthOptions(this.type, o);
    this.checkTaskOptions(o);
    const sampleWeight = checkFitData(this.type, X, y, options.sampleWeight);
    const dense = treeFeatures(this.type, X);
    const { criterion, weights, classes } = this.targets(y, sampleWeight, o);
    const { tree, impurityDecrease } = buildTree(
      rankColumns(dense),
      weights,
      criterion,
      new Rng(o.seed),
      {
        strategy: 'best',
        maxDepth: o.maxDepth ?? Number.POSITIVE_INFINITY,
        minSamplesSplit: o.minSamplesSplit,
        minSamplesLeaf: o.minSamplesLeaf,
        minImpurityDecrease: o.minImpurityDecrease,
        maxFeatures: resolveMaxFeatures(o.maxFeatures, dense.cols),
      },
    );
    this.#state = {
      tree,
      featureCount: dense.cols,
      featureImportances: normalised(impurityDecrease),
      classes,
    };
    return this;
  }

  toJSON(): SerializedObject {
    const params: { [key: string]: Serializable } = { ...this.#options };
    const s = this.#state;
    return {
      type: this.type,
      params: structuredClone(params),
      state:
        s === undefined
          ? null
          : {
              tree: s.tree.toJSON(),
              ...treeModelStateJSON(s),
            },
    };
  }

  /** Leaf values of each row, rows × valueSize, row-major. */
  protected leafValues(X: Matrix): Float64Array {
    const { tree, featureCount } = this.fitted();
    return meanLeafValues(this.type, X, featureCount, [tree]);
  }

  protected fitted(): FittedTree {
    if (this.#state === undefined) throw new NotFittedError(this.type);
    return this.#state;
  }

  /** The shared half of each subclass's `fromJSON`. */
  protected static restore<M extends DecisionTree<DecisionTreeParams>>(
    json: SerializedObject,
    type: string,
    make: (params: SerialRecord) => M,
  ): M {
    const { params, state } = readEnvelope(json, type);
    const model = make(params.record);
    checkRestoredOptions(type, () => {
      checkGrowthOptions(type, model.#options);
      model.checkTaskOptions(model.#options);
    });
    if (state === null) return model;
    const common = readTreeModelState(type, state);
    model.#state = {
      ...common,
      tree: FlatTree.fromJSON(
        type,
        state.reader('tree'),
        model.valueSize(common.classes),
        common.featureCount,
      ),
    };
    return model;
  }
}
