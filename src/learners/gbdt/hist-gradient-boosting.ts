import type { DenseMatrix, Matrix } from '../../data/matrix.js';
import { toDense } from '../../data/matrix.js';
import type { SerializedObject } from '../../data/serializable.js';
import type { SerialRecord } from '../../data/serialized-reader.js';
import { checkRestoredOptions, readEnvelope } from '../../data/serialized-reader.js';
import {
  DataValidationError,
  InvalidParameterError,
  NotFittedError,
  ShapeMismatchError,
} from '../../errors.js';
import { checkFitData, checkPredictColumns } from '../check-data.js';
import type { FitOptions } from '../estimator.js';
import type { RoundProgress } from './booster.js';
import { boost } from './booster.js';
import { readEnsemble, writeEnsemble } from './ensemble-json.js';
import type { Loss } from './loss.js';
import type { ResolvedBoostingOptions } from './options.js';
import { checkBoostingOptions } from './options.js';
import type { FlatEnsemble } from './predictor.js';
import { roundCount, scoreMatrix, scoreRow } from './predictor.js';

/**
 * Fit options of gradient boosting: an eval set whose scores stay current round by round, and a
 * callback after every round that may stop the fit (a pruner's verdict, a time limit).
 *
 * @example
 * model.fit(X, y, {
 *   evalSet: Xvalid,
 *   onRound: ({ round, evalScores }) => {
 *     trial.report(accuracyOf(evalScores, yValid), round);
 *     if (trial.shouldPrune()) return 'stop';
 *   },
 * });
 */
export interface BoostingFitOptions extends FitOptions {
  /** Rows (same columns as X) whose raw scores `onRound` receives after every round. */
  readonly evalSet?: Matrix;
  /** After every round; 'stop' ends the fit there, keeping the rounds done. */
  readonly onRound?: (progress: RoundProgress) => 'stop' | void;
}

/** Prediction at a number of boosting rounds (all fitted rounds when absent). */
export interface RoundsOption {
  readonly rounds?: number;
}

export type ImportanceType = 'gain' | 'split';

export type BoostingParams = ResolvedBoostingOptions & { readonly loss: string };

/** Learned state shared by both learners. */
export interface BoostingState {
  readonly ensemble: FlatEnsemble;
  readonly bestIteration: number;
  readonly featureGain: Float64Array;
  readonly featureSplits: Float64Array;
  readonly nFeatures: number;
  /** Sorted class labels (classifier) or an empty array (regressor). */
  readonly classes: Float64Array;
}

/**
 * What the histogram gradient-boosting classifier and regressor share: options, fit (checks,
 * densify, boost), raw scores at any number of rounds, importances and serialization. A
 * subclass turns targets into a loss and raw scores into predictions.
 */
export abstract class HistGradientBoosting<P extends BoostingParams> {
  abstract readonly type: string;
  readonly #options: P;
  #state: BoostingState | undefined;
  /** Raw scores of one row, reused by the single-row path so it allocates nothing. */
  #rowScores = new Float64Array(0);

  constructor(options: P) {
    this.#options = Object.freeze(options);
  }

  /** Checks the loss name (the shared options are checked by the base). */
  protected abstract checkLoss(loss: string): void;

  /** Encodes targets for the loss: class codes and sorted labels, or y itself. */
  protected abstract prepareTargets(y: Float64Array): {
    targets: Float64Array;
    classes: Float64Array;
    loss: Loss;
  };

  get isFitted(): boolean {
    return this.#state !== undefined;
  }

  getParams(): P {
    return this.#options;
  }

  /** Rounds kept after fit: where validation loss was best with early stopping, else nEstimators. */
  get bestIteration(): number {
    return this.fitted().bestIteration;
  }

  /**
   * Per-feature importance over all kept trees: total split gain ('gain', LightGBM's
   * `importance_type='gain'`) or number of splits ('split').
   */
  featureImportances(kind: ImportanceType = 'gain'): Float64Array {
    const state = this.fitted();
    if (kind === 'gain') return state.featureGain.slice();
    if (kind === 'split') return state.featureSplits.slice();
    throw new InvalidParameterError(
      this.type,
      'kind',
      `must be 'gain' or 'split', got ${String(kind)}`,
    );
  }

  /**
   * Fits from scratch. CSR input is densified (trees read every feature of a row); NaN in X is
   * a missing value routed by each split's learned direction; Infinity is an error.
   */
  fit(X: Matrix, y: Float64Array, options: BoostingFitOptions = {}): this {
    checkBoostingOptions(this.type, this.#options);
    this.checkLoss(this.#options.loss);
    const weights = checkFitData(this.type, X, y, options.sampleWeight);
    const dense = toDense(X);
    rejectInfinity(this.type, dense);
    const categorical = new Uint8Array(dense.cols);
    for (const column of options.categoricalFeatures ?? []) {
      if (!Number.isInteger(column) || column < 0 || column >= dense.cols) {
        throw new InvalidParameterError(
          this.type,
          'categoricalFeatures',
          `holds ${column}, not a column index of X (0..${dense.cols - 1})`,
        );
      }
      categorical[column] = 1;
    }
    let evalSet: DenseMatrix | undefined;
    if (options.evalSet !== undefined) {
      checkPredictColumns(this.type, options.evalSet, dense.cols);
      evalSet = toDense(options.evalSet);
      rejectInfinity(this.type, evalSet);
    }
    const { targets, classes, loss } = this.prepareTargets(y);
    const model = boost(this.type, dense, targets, weights, categorical, loss, this.#options, {
      ...(evalSet === undefined ? {} : { evalSet }),
      ...(options.onRound === undefined ? {} : { onRound: options.onRound }),
    });
    this.#state = { ...model, nFeatures: dense.cols, classes };
    this.#rowScores = new Float64Array(loss.outputs);
    return this;
  }

  /** Raw scores (rows × outputs) with the first `rounds` rounds. */
  protected rawScores(X: Matrix, options: RoundsOption): { scores: Float64Array; outputs: number } {
    const state = this.fitted();
    checkPredictColumns(this.type, X, state.nFeatures);
    const dense = toDense(X);
    return {
      scores: scoreMatrix(state.ensemble, dense, this.#rounds(state, options)),
      outputs: state.ensemble.outputs,
    };
  }

  /** Raw scores of one row into a reused buffer (valid until the next call). */
  protected rowScores(row: ArrayLike<number>, options: RoundsOption): Float64Array {
    const state = this.fitted();
    if (row.length !== state.nFeatures) {
      throw new ShapeMismatchError(
        `${this.type}: the row has ${row.length} values but the model was fitted on ${state.nFeatures}.`,
      );
    }
    scoreRow(state.ensemble, row, 0, this.#rounds(state, options), this.#rowScores, 0);
    return this.#rowScores;
  }

  #rounds(state: BoostingState, options: RoundsOption): number {
    const available = roundCount(state.ensemble);
    const rounds = options.rounds ?? available;
    if (!Number.isInteger(rounds) || rounds < 0 || rounds > available) {
      throw new InvalidParameterError(
        this.type,
        'rounds',
        `must be a whole number in [0, ${available}], got ${String(rounds)}`,
      );
    }
    return rounds;
  }

  toJSON(): SerializedObject {
    const s = this.#state;
    return {
      type: this.type,
      params: { ...this.#options },
      state:
        s === undefined
          ? null
          : {
              ensemble: writeEnsemble(s.ensemble),
              bestIteration: s.bestIteration,
              featureGain: s.featureGain.slice(),
              featureSplits: s.featureSplits.slice(),
              nFeatures: s.nFeatures,
              classes: s.classes.slice(),
            },
    };
  }

  /** The shared half of `fromJSON`: envelope, options re-check, state with range checks. */
  protected static restore<M extends HistGradientBoosting<BoostingParams>>(
    json: SerializedObject,
    type: string,
    make: (params: SerialRecord) => M,
  ): M {
    const { params, state } = readEnvelope(json, type);
    const model = make(params.record);
    checkRestoredOptions(type, () => {
      checkBoostingOptions(type, model.#options);
      model.checkLoss(model.#options.loss);
    });
    if (state === null) return model;
    const nFeatures = state.integer('nFeatures');
    const ensemble = readEnsemble(type, state.reader('ensemble'), nFeatures);
    model.#state = {
      ensemble,
      bestIteration: state.integer('bestIteration'),
      featureGain: state.float64('featureGain', nFeatures).slice(),
      featureSplits: state.float64('featureSplits', nFeatures).slice(),
      nFeatures,
      classes: state.float64('classes').slice(),
    };
    model.#rowScores = new Float64Array(ensemble.outputs);
    return model;
  }

  protected fitted(): BoostingState {
    if (this.#state === undefined) throw new NotFittedError(this.type);
    return this.#state;
  }
}

/** Infinity is not a missing value: name the first one's row and column. */
function rejectInfinity(owner: string, X: DenseMatrix): void {
  const { data, cols } = X;
  for (let k = 0; k < data.length; k++) {
    if (data[k] !== Infinity && data[k] !== -Infinity) continue;
    const row = Math.floor(k / cols);
    const column = k % cols;
    throw new DataValidationError(
      { column: String(column) },
      `${owner}: X holds ${data[k]} at row ${row}, column ${column}; replace infinite values (NaN is read as missing).`,
    );
  }
}
