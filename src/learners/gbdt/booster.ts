import type { DenseMatrix } from '../../data/matrix.js';
import { takeRows } from '../../data/matrix.js';
import { Rng } from '../../data/rng.js';
import type { BinMapper } from './binning.js';
import { binMatrix, fitBinMapper } from './binning.js';
import type { HistogramEngine } from './grower.js';
import { LocalHistograms, TreeGrower } from './grower.js';
import { ThreadedHistograms, resolveThreads } from './histogram-threads.js';
import type { GrownTree } from './grown-tree.js';
import type { Loss } from './loss.js';
import type { ResolvedBoostingOptions } from './options.js';
import type { FlatEnsemble } from './predictor.js';
import { flattenTrees } from './predictor.js';

/** What one boosting run learns. */
export interface BoostedModel {
  readonly ensemble: FlatEnsemble;
  /** Rounds kept: the round of best validation loss with early stopping, else nEstimators. */
  readonly bestIteration: number;
  /** Total split gain and split count per feature over the kept trees. */
  readonly featureGain: Float64Array;
  readonly featureSplits: Float64Array;
}

/** After a boosting round: how many rounds are done and the eval set's raw scores. */
export interface RoundProgress {
  /** Rounds done (1 after the first). */
  readonly round: number;
  /**
   * Raw scores of the eval set's rows with every round so far, rows × outputs (one output per
   * class beyond two classes; the log-odds of the second class for two). Null without an eval
   * set. Read it during the call: it changes with the next round.
   */
  readonly evalScores: Float64Array | null;
  readonly outputs: number;
}

/** What a caller may watch during a fit (XGBoost's `evals` and callbacks). */
export interface BoostingHooks {
  /** Rows whose raw scores are kept current as trees are added (no re-prediction). */
  readonly evalSet?: DenseMatrix;
  /** Called after every round; 'stop' ends the fit there, keeping the rounds done. */
  readonly onRound?: (progress: RoundProgress) => 'stop' | void;
}

/** The rows of one side of the validation split, binned with the training edges. */
interface Part {
  readonly rows: number;
  readonly cols: number;
  readonly codes: Uint8Array;
  readonly y: Float64Array;
  readonly weights: Float64Array;
  readonly raw: Float64Array;
}

function part(
  X: DenseMatrix,
  y: Float64Array,
  weights: Float64Array,
  rows: Int32Array | null,
): { X: DenseMatrix; y: Float64Array; weights: Float64Array } {
  if (rows === null) return { X, y, weights };
  return {
    X: takeRows(X, rows) as DenseMatrix,
    y: Float64Array.from(rows, (i) => y[i]),
    weights: Float64Array.from(rows, (i) => weights[i]),
  };
}

/** The first `share` of a seeded permutation of 0..n−1 (at least one), sorted ascending. */
function sampleIndices(rng: Rng, n: number, share: number): Int32Array {
  if (share >= 1) {
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    return all;
  }
  const count = Math.max(1, Math.floor(share * n));
  return rng.permutation(n).subarray(0, count).sort();
}

/**
 * Gradient boosting over binned features: bins X once, then each round computes gradients at
 * the current raw scores, grows one tree per output on a row subsample and a feature
 * subsample, and adds its leaf values to the scores of the training (and validation) rows.
 * Targets are class codes for classification losses. `categorical` marks categorical columns.
 */
export function boost(
  owner: string,
  X: DenseMatrix,
  y: Float64Array,
  weights: Float64Array,
  categorical: Uint8Array,
  loss: Loss,
  o: ResolvedBoostingOptions,
  hooks: BoostingHooks = {},
): BoostedModel {
  const rng = new Rng(o.seed);
  const n = X.rows;
  let trainRows: Int32Array | null = null;
  let validationRows: Int32Array | null = null;
  if (o.earlyStoppingRounds !== null && n >= 2) {
    const order = rng.permutation(n);
    const held = Math.min(n - 1, Math.max(1, Math.round(o.validationFraction * n)));
    validationRows = order.slice(0, held).sort();
    trainRows = order.slice(held).sort();
  }
  const train = part(X, y, weights, trainRows);
  const mapper = fitBinMapper(owner, train.X, o.maxBins, categorical);
  const K = loss.outputs;
  const baseline = loss.baseline(train.y, train.weights);
  const makePart = (data: { X: DenseMatrix; y: Float64Array; weights: Float64Array }): Part => {
    const raw = new Float64Array(data.X.rows * K);
    for (let i = 0; i < data.X.rows; i++) raw.set(baseline, i * K);
    return {
      rows: data.X.rows,
      cols: data.X.cols,
      codes: binMatrix(mapper, data.X),
      y: data.y,
      weights: data.weights,
      raw,
    };
  };
  const validation = validationRows === null ? null : makePart(part(X, y, weights, validationRows));
  const evalSet =
    hooks.evalSet === undefined
      ? null
      : makePart({
          X: hooks.evalSet,
          y: new Float64Array(hooks.evalSet.rows),
          weights: new Float64Array(hooks.evalSet.rows),
        });
  const threads = resolveThreads(o.threads);
  const threaded = threads > 1 ? new ThreadedHistograms(threads) : null;
  try {
    return boostRounds(
      makePart(train),
      validation,
      { mapper, categorical, loss, baseline, options: o, rng, evalSet, onRound: hooks.onRound },
      threaded ?? new LocalHistograms(),
    );
  } finally {
    threaded?.release();
  }
}

/** What every round of one fit reads. */
interface Setting {
  readonly mapper: BinMapper;
  readonly categorical: Uint8Array;
  readonly loss: Loss;
  readonly baseline: Float64Array;
  readonly options: ResolvedBoostingOptions;
  readonly rng: Rng;
  readonly evalSet: Part | null;
  readonly onRound: BoostingHooks['onRound'];
}

/** Memory the engine's threads can read: shared buffers for a threaded engine. */
function sharedFloat64(engine: HistogramEngine, length: number): Float64Array {
  return engine instanceof ThreadedHistograms ? engine.float64(length) : new Float64Array(length);
}

function boostRounds(
  unsharedFit: Part,
  validation: Part | null,
  setting: Setting,
  engine: HistogramEngine,
): BoostedModel {
  const { mapper, categorical, loss, baseline, options: o, rng, evalSet, onRound } = setting;
  const K = loss.outputs;
  const fitPart =
    engine instanceof ThreadedHistograms
      ? { ...unsharedFit, codes: engine.shareBytes(unsharedFit.codes) }
      : unsharedFit;
  const layout = {
    binStride: o.maxBins + 1,
    missingBin: mapper.missingBin,
    binCount: mapper.binCount,
    categorical,
  };
  const grower = new TreeGrower(fitPart.codes, fitPart.rows, layout, o, engine);
  const m = fitPart.rows;
  const gradients = sharedFloat64(engine, K * m);
  const hessians = sharedFloat64(engine, K * m);
  const inSample = new Uint8Array(m);
  // This round's leaf value per output and row, output-major: trees write it in row order of
  // their leaves (random rows, one small array), then one sequential pass adds it to raw.
  const roundValues = new Float64Array(K * m);
  const trees: GrownTree[] = [];
  let bestIteration = 0;
  let bestLoss = Infinity;
  let stopped = false;
  for (let round = 0; round < o.nEstimators; round++) {
    loss.gradients(fitPart.y, fitPart.raw, fitPart.weights, gradients, hessians);
    const sampleRows = sampleIndices(rng, m, o.subsample);
    inSample.fill(0);
    for (let k = 0; k < sampleRows.length; k++) inSample[sampleRows[k]] = 1;
    for (let k = 0; k < K; k++) {
      const features = sampleIndices(rng, fitPart.cols, o.colsampleByTree);
      const tree = grower.grow(
        gradients.subarray(k * m, (k + 1) * m),
        hessians.subarray(k * m, (k + 1) * m),
        sampleRows,
        features,
      );
      applyTree(
        tree,
        grower.rows,
        fitPart,
        roundValues.subarray(k * m, (k + 1) * m),
        loss,
        o.learningRate,
        inSample,
        mapper.missingBin,
      );
      if (validation !== null) addBinned(tree, validation, k, K, mapper.missingBin);
      if (evalSet !== null) addBinned(tree, evalSet, k, K, mapper.missingBin);
      trees.push(tree);
    }
    const raw = fitPart.raw;
    for (let row = 0, at = 0; row < m; row++)
      for (let k = 0; k < K; k++, at++) raw[at] += roundValues[k * m + row];
    stopped =
      onRound?.({ round: round + 1, evalScores: evalSet?.raw ?? null, outputs: K }) === 'stop';
    if (validation === null) {
      if (stopped) break;
      continue;
    }
    const score = loss.value(validation.y, validation.raw, validation.weights);
    if (score < bestLoss - 1e-12 * Math.abs(bestLoss) || round === 0) {
      bestLoss = score;
      bestIteration = round + 1;
    } else if (round + 1 - bestIteration >= (o.earlyStoppingRounds as number)) {
      break;
    }
    if (stopped) break;
  }
  if (validation === null) bestIteration = trees.length / K;
  const kept = trees.slice(0, bestIteration * K);
  const featureGain = new Float64Array(fitPart.cols);
  const featureSplits = new Float64Array(fitPart.cols);
  for (const tree of kept) {
    for (let node = 0; node < tree.nodeCount; node++) {
      if (tree.feature[node] < 0) continue;
      featureGain[tree.feature[node]] += tree.gain[node];
      featureSplits[tree.feature[node]] += 1;
    }
  }
  return {
    ensemble: flattenTrees(kept, mapper, K, baseline),
    bestIteration,
    featureGain,
    featureSplits,
  };
}

/**
 * Writes a new tree's leaf value for every training row into `values` (indexed by row): rows in
 * the subsample are found in the grower's leaf slices, the others by walking the tree over
 * their bins. Re-estimates leaves first when the loss asks for it (absolute error's median),
 * reading raw scores that do not yet include this round.
 */
function applyTree(
  tree: GrownTree,
  rows: Int32Array,
  fit: Part,
  values: Float64Array,
  loss: Loss,
  learningRate: number,
  inSample: Uint8Array,
  missingBin: number,
): void {
  for (let node = 0; node < tree.nodeCount; node++) {
    if (tree.feature[node] >= 0) continue;
    const start = tree.leafStart[node];
    const end = tree.leafEnd[node];
    if (loss.leafTarget !== null && end > start) {
      tree.value[node] =
        learningRate * loss.leafTarget(fit.y, fit.raw, fit.weights, rows, start, end);
    }
    const value = tree.value[node];
    for (let r = start; r < end; r++) values[rows[r]] = value;
  }
  for (let row = 0; row < fit.rows; row++) {
    if (inSample[row] === 1) continue;
    values[row] = tree.value[tree.leafOfBinnedRow(fit.codes, fit.cols, row, missingBin)];
  }
}

function addBinned(tree: GrownTree, target: Part, k: number, K: number, missingBin: number): void {
  for (let row = 0; row < target.rows; row++) {
    target.raw[row * K + k] +=
      tree.value[tree.leafOfBinnedRow(target.codes, target.cols, row, missingBin)];
  }
}
