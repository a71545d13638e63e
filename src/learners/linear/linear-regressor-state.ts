import type { Matrix } from '../../data/matrix.js';
import type { Serializable } from '../../data/serializable.js';
import type { SerialReader } from '../../data/serialized-reader.js';
import { DeserializationError } from '../../errors.js';

/** Training data that passed the checks: matching rows, finite values, usable weights. */
export interface CheckedData {
  readonly X: Matrix;
  readonly y: Float64Array;
  /** Sample weights, all ones when none were given. */
  readonly weight: Float64Array;
}

/** What every fitted linear regressor holds. */
export interface LinearRegressorState {
  readonly coef: Float64Array;
  readonly intercept: number;
  readonly nFeatures: number;
  /** Solver passes (0 for closed-form solvers). */
  readonly nIter: number;
  readonly converged: boolean;
}

export function writeRegressorState(state: LinearRegressorState): Serializable {
  return {
    coef: state.coef.slice(),
    intercept: state.intercept,
    nFeatures: state.nFeatures,
    nIter: state.nIter,
    converged: state.converged,
  };
}

/** Reads what {@link writeRegressorState} wrote, copying the coefficients. */
export function readRegressorState(state: SerialReader): LinearRegressorState {
  const nFeatures = state.integer('nFeatures');
  const intercept = state.number('intercept');
  if (!Number.isFinite(intercept))
    throw new DeserializationError(state.owner, '"intercept" must be a finite number');
  return {
    coef: state.float64('coef', nFeatures).slice(),
    intercept,
    nFeatures,
    nIter: state.integer('nIter'),
    converged: state.boolean('converged'),
  };
}
