import { InvalidParameterError } from '../../errors.js';

/**
 * Checks user-given class priors: finite, non-negative, summing to 1 (within numpy's `isclose`
 * tolerance, as scikit-learn checks) and, once the classes are known, one per class.
 */
export function checkPriors(
  owner: string,
  priors: unknown,
  classCount: number | undefined,
  parameter = 'priors',
): void {
  const values = priors as readonly unknown[];
  if (
    !Array.isArray(priors) ||
    !values.every((p) => typeof p === 'number' && p >= 0 && p < Infinity)
  ) {
    throw new InvalidParameterError(
      owner,
      parameter,
      'must be an array of finite non-negative numbers',
    );
  }
  const sum = (values as number[]).reduce((a, b) => a + b, 0);
  if (!(Math.abs(sum - 1) <= 1e-8 + 1e-5)) {
    throw new InvalidParameterError(owner, parameter, `must sum to 1, sums to ${sum}`);
  }
  if (classCount !== undefined && values.length !== classCount) {
    throw new InvalidParameterError(
      owner,
      parameter,
      `has ${values.length} entries but y has ${classCount} classes`,
    );
  }
}
