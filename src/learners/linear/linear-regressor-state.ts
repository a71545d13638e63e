import type { Matrix } from '../../data/matrix.js';
import type { Serializable, SerializedObject } from '../../data/serializable.js';
import { DeserializationError, InvalidParameterError } from '../../errors.js';
import { checkPredictColumns } from './check-data.js';
import { linearScores } from './linear-scores.js';
import { readBoolean, readEnvelope, readFloat64Array, readInteger } from './serialized.js';

/** What every fitted linear regressor holds. */
export interface LinearRegressorState {
  readonly coef: Float64Array;
  readonly intercept: number;
  readonly nFeatures: number;
  /** Solver passes (0 for closed-form solvers). */
  readonly nIter: number;
  readonly converged: boolean;
}

export function predictLinear(owner: string, state: LinearRegressorState, X: Matrix): Float64Array {
  checkPredictColumns(owner, X, state.nFeatures);
  return linearScores(X, state.coef, Float64Array.of(state.intercept)).data;
}

export function serializeRegressor(
  type: string,
  params: { readonly [key: string]: Serializable },
  state: LinearRegressorState | undefined,
): SerializedObject {
  return {
    type,
    params: { ...params },
    state:
      state === undefined
        ? null
        : {
            coef: state.coef.slice(),
            intercept: state.intercept,
            nFeatures: state.nFeatures,
            nIter: state.nIter,
            converged: state.converged,
          },
  };
}

/**
 * Reads a serialized regressor: checks the envelope, re-validates the params with `validate`
 * (its errors become DeserializationError) and restores the state, or undefined when unfitted.
 */
export function deserializeRegressor<P>(
  json: SerializedObject,
  type: string,
  make: (params: P) => { getParams(): unknown },
  validate: (params: never) => void,
): { params: P; state: LinearRegressorState | undefined } {
  const { params, state } = readEnvelope(json, type);
  try {
    validate(make(params as P).getParams() as never);
  } catch (error) {
    if (error instanceof InvalidParameterError) throw new DeserializationError(type, error.message);
    throw error;
  }
  if (state === null) return { params: params as P, state: undefined };
  const nFeatures = readInteger(type, state, 'nFeatures');
  const intercept = state.intercept;
  if (typeof intercept !== 'number' || !Number.isFinite(intercept))
    throw new DeserializationError(type, '"intercept" must be a finite number');
  return {
    params: params as P,
    state: {
      coef: readFloat64Array(type, state, 'coef', nFeatures),
      intercept,
      nFeatures,
      nIter: readInteger(type, state, 'nIter'),
      converged: readBoolean(type, state, 'converged'),
    },
  };
}

/** Shared hyper-parameter checks; each throws InvalidParameterError naming the option. */
export function checkNonNegative(owner: string, name: string, value: unknown): void {
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
    throw new InvalidParameterError(
      owner,
      name,
      `must be a finite number ≥ 0, got ${String(value)}`,
    );
  }
}

export function checkBoolean(owner: string, name: string, value: unknown): void {
  if (typeof value !== 'boolean')
    throw new InvalidParameterError(owner, name, `must be a boolean, got ${String(value)}`);
}

export function checkSolverLimits(owner: string, maxIter: unknown, tol: unknown): void {
  if (typeof maxIter !== 'number' || !Number.isInteger(maxIter) || maxIter < 1) {
    throw new InvalidParameterError(
      owner,
      'maxIter',
      `must be a positive integer, got ${String(maxIter)}`,
    );
  }
  if (typeof tol !== 'number' || !(tol > 0) || !Number.isFinite(tol)) {
    throw new InvalidParameterError(
      owner,
      'tol',
      `must be a positive finite number, got ${String(tol)}`,
    );
  }
}
