import { InvalidParameterError } from '../../errors.js';

/** Hyper-parameter checks shared by the linear regressors; each names the offending option. */
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
