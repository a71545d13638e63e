import type { Matrix } from '../../data/matrix.js';
import { Rng } from '../../data/rng.js';
import type { Serializable, SerializedObject } from '../../data/serializable.js';
import type { SerialRecord } from '../../data/serialized-reader.js';
import { checkRestoredOptions, readEnvelope } from '../../data/serialized-reader.js';
import { DeserializationError, NotFittedError } from '../../errors.js';
import { checkFitData } from '../check-data.js';
import type { FitOptions } from '../estimator.js';
import type { FlatTree, SplitStrategy, TreeTargets } from '../tree/index.js';
import {
  buildTree,
  meanLeafValues,
  normalised,
  rankColumns,
  readTreeModelState,
  resolveMaxFeatures,
  treeFeatures,
  treeModelStateJSON,
} from '../tree/index.js';
import { bootstrapCounts } from './bootstrap.js';
import type { ForestParams } from './forest-options.js';
import { checkForestOptions } from './forest-options.js';
import { OutOfBagScore } from './out-of-bag.js';
import { packTrees, unpackTrees } from './packed-trees.js';

export type ForestOptionRecord = ForestParams & { readonly [key: string]: Serializable };

interface FittedForest {
  readonly trees: readonly FlatTree[];
  readonly featureCount: number;
  readonly featureImportances: Float64Array;
  readonly classes: Float64Array;
  readonly oobScore: number | null;
}

/**
 * What random forests and extra trees share: each tree is grown by the CART builder with the
 * forest's split strategy on its own forked Rng (so results depend on the seed alone), on a
 * bootstrap sample when asked (as sample-weight multipliers), from one ranking of X shared by
 * all trees. Predictions are the mean of the trees' leaf values (probabilities or values).
 * A subclass supplies `type`, the strategy, its criterion check, the targets and the
 * out-of-bag score.
 */
export abstract class Forest<P extends ForestOptionRecord> {
  abstract readonly type: string;
  protected abstract readonly strategy: SplitStrategy;
  readonly #options: P;
  #state: FittedForest | undefined;

  constructor(options: P) {
    this.#options = Object.freeze(options);
  }

  protected abstract checkTaskOptions(options: P): void;

  protected abstract targets(y: Float64Array, weights: Float64Array, options: P): TreeTargets;

  protected abstract valueSize(classes: Float64Array): number;

  protected abstract score(oob: OutOfBagScore, y: Float64Array, classes: Float64Array): number;

  get isFitted(): boolean {
    return this.#state !== undefined;
  }

  /** The fitted trees (flattened typed arrays). */
  get trees(): readonly FlatTree[] {
    return this.fitted().trees;
  }

  /** Mean over trees of each tree's normalised impurity decrease, summing to 1. */
  get featureImportances(): Float64Array {
    return this.fitted().featureImportances.slice();
  }

  /** Out-of-bag accuracy (classifiers) or R² (regressors); null unless fitted with `oobScore`. */
  get oobScore(): number | null {
    return this.fitted().oobScore;
  }

  getParams(): P {
    return this.#options;
  }

  fit(X: Matrix, y: Float64Array, options: FitOptions = {}): this {
    const o = this.#options;
    checkForestOptions(this.type, o);
    this.checkTaskOptions(o);
    const sampleWeight = checkFitData(this.type, X, y, options.sampleWeight);
    const dense = treeFeatures(this.type, X);
    const { criterion, weights, classes } = this.targets(y, sampleWeight, o);
    const ranked = rankColumns(dense);
    const settings = {
      strategy: this.strategy,
      maxDepth: o.maxDepth ?? Number.POSITIVE_INFINITY,
      minSamplesSplit: o.minSamplesSplit,
      minSamplesLeaf: o.minSamplesLeaf,
      minImpurityDecrease: o.minImpurityDecrease,
      maxFeatures: resolveMaxFeatures(o.maxFeatures, dense.cols),
    };
    const oob = o.oobScore ? new OutOfBagScore(dense, criterion.valueSize) : null;
    const rng = new Rng(o.seed);
    const trees: FlatTree[] = [];
    const importances = new Float64Array(dense.cols);
    let splitTrees = 0;
    for (let t = 0; t < o.nEstimators; t++) {
      const treeRng = rng.fork();
      let treeWeights = weights;
      let counts: Float64Array | null = null;
      if (o.bootstrap) {
        counts = bootstrapCounts(treeRng, dense.rows);
        treeWeights = weights.map((w, i) => w * (counts as Float64Array)[i]);
      }
      // A bootstrap sample may miss every row of positive weight; such a tree is a copy of
      // the root of the full data, grown on the full weights.
      if (!treeWeights.some((w) => w > 0)) treeWeights = weights;
      const { tree, impurityDecrease } = buildTree(
        ranked,
        treeWeights,
        criterion,
        treeRng,
        settings,
      );
      trees.push(tree);
      if (tree.nodeCount > 1) {
        const share = normalised(impurityDecrease);
        for (let j = 0; j < share.length; j++) importances[j] += share[j];
        splitTrees++;
      }
      if (oob !== null && counts !== null) oob.add(tree, counts);
    }
    this.#state = {
      trees,
      featureCount: dense.cols,
      featureImportances: splitTrees > 0 ? normalised(importances) : importances,
      classes,
      oobScore: oob === null ? null : this.score(oob, y, classes),
    };
    return this;
  }

  toJSON(): SerializedObject {
    const params: { [key: string]: Serializable } = structuredClone({ ...this.#options });
    const s = this.#state;
    return {
      type: this.type,
      params,
      state:
        s === undefined
          ? null
          : {
              trees: packTrees(s.trees),
              ...treeModelStateJSON(s),
              oobScore: s.oobScore,
            },
    };
  }

  /** Mean leaf values over the trees, rows × valueSize, row-major. */
  protected meanLeafValues(X: Matrix): Float64Array {
    const { trees, featureCount } = this.fitted();
    return meanLeafValues(this.type, X, featureCount, trees);
  }

  protected fitted(): FittedForest {
    if (this.#state === undefined) throw new NotFittedError(this.type);
    return this.#state;
  }

  /** The shared half of each subclass's `fromJSON`. */
  protected static restore<M extends Forest<ForestOptionRecord>>(
    json: SerializedObject,
    type: string,
    make: (params: SerialRecord) => M,
  ): M {
    const { params, state } = readEnvelope(json, type);
    const model = make(params.record);
    checkRestoredOptions(type, () => {
      checkForestOptions(type, model.#options);
      model.checkTaskOptions(model.#options);
    });
    if (state === null) return model;
    const common = readTreeModelState(type, state);
    const oobScore = state.raw('oobScore');
    if (oobScore !== null && typeof oobScore !== 'number')
      throw new DeserializationError(type, '"oobScore" must be a number or null.');
    model.#state = {
      ...common,
      trees: unpackTrees(
        type,
        state.reader('trees'),
        model.valueSize(common.classes),
        common.featureCount,
      ),
      oobScore,
    };
    return model;
  }
}
