import type { SerializedObject } from '../../data/serializable.js';
import { closedFormFit } from './centred-design.js';
import { minimumNormLeastSquares } from './least-squares.js';
import { LinearRegressor } from './linear-regressor.js';
import type { CheckedData, LinearRegressorState } from './linear-regressor-state.js';
import { checkBoolean } from './option-checks.js';

const TYPE = 'LinearRegression';

export interface LinearRegressionOptions {
  readonly fitIntercept?: boolean;
}

type ResolvedOptions = { readonly fitIntercept: boolean };

/**
 * Ordinary least squares (scikit-learn's `LinearRegression`): minimises Σ wᵢ·(yᵢ − xᵢ·coef − b)²
 * on the weighted-centred design through an SVD, so rank-deficient X gets the minimum-norm
 * coefficients instead of an error.
 *
 * @example
 * const ols = new LinearRegression().fit(X, y);
 * ols.coef; ols.intercept; ols.predict(X);
 */
export class LinearRegression extends LinearRegressor<ResolvedOptions> {
  readonly type = TYPE;

  constructor(options: LinearRegressionOptions = {}) {
    super({ fitIntercept: options.fitIntercept ?? true });
  }

  protected checkOptions(o: ResolvedOptions): void {
    checkBoolean(TYPE, 'fitIntercept', o.fitIntercept);
  }

  protected solve(data: CheckedData, o: ResolvedOptions): LinearRegressorState {
    return closedFormFit(data, o.fitIntercept, minimumNormLeastSquares);
  }

  static fromJSON(json: SerializedObject): LinearRegression {
    return LinearRegressor.restore(
      json,
      TYPE,
      (params) => new LinearRegression(params as LinearRegressionOptions),
    );
  }
}
