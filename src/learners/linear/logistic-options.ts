import { InvalidParameterError } from '../../errors.js';

export type LogisticPenalty = 'l2' | 'l1' | 'elasticnet' | 'none';

/**
 * `newton-cholesky`: Newton's method with the exact Hessian, for two classes with L2 or no
 * penalty (few iterations, each n·m²/2 multiply-adds for m coefficients); `lbfgs`: L-BFGS;
 * `auto`: Newton for binary L2 problems with few enough coefficients, L-BFGS otherwise. L1 and
 * elastic-net always use OWL-QN, whatever `auto` or `lbfgs` says.
 */
export type LogisticSolver = 'auto' | 'lbfgs' | 'newton-cholesky';

/** `balanced` weights class k by n / (K · n_k); a record maps labels (as strings) to weights. */
export type ClassWeight = null | 'balanced' | Readonly<Record<string, number>>;

export interface LogisticRegressionOptions {
  /** Penalty on the coefficients (never on the intercept). */
  readonly penalty?: LogisticPenalty;
  /** Inverse regularisation strength: the objective is C·Σ wᵢ·lossᵢ + penalty. */
  readonly C?: number;
  /** Share of L1 in the elastic-net penalty, in [0, 1]; required for `elasticnet`. */
  readonly l1Ratio?: number | null;
  readonly fitIntercept?: boolean;
  readonly classWeight?: ClassWeight;
  /** Solver iterations at most (Newton, L-BFGS or OWL-QN). */
  readonly maxIter?: number;
  /**
   * Stop when max |gradient| (pseudo-gradient with L1) of Σ wᵢ·lossᵢ + penalty/C is ≤ tol
   * (scipy L-BFGS-B's `gtol`, as scikit-learn's lbfgs solver uses it).
   */
  readonly tol?: number;
  readonly solver?: LogisticSolver;
}

export interface ResolvedLogisticOptions {
  readonly penalty: LogisticPenalty;
  readonly C: number;
  readonly l1Ratio: number | null;
  readonly fitIntercept: boolean;
  readonly classWeight: ClassWeight;
  readonly maxIter: number;
  readonly tol: number;
  readonly solver: LogisticSolver;
}

const PENALTIES: readonly LogisticPenalty[] = ['l2', 'l1', 'elasticnet', 'none'];
const SOLVERS: readonly LogisticSolver[] = ['auto', 'lbfgs', 'newton-cholesky'];
const TYPE = 'LogisticRegression';

export function resolveLogisticOptions(
  options: LogisticRegressionOptions,
): ResolvedLogisticOptions {
  const classWeight = options.classWeight ?? null;
  return Object.freeze({
    penalty: options.penalty ?? 'l2',
    C: options.C ?? 1,
    l1Ratio: options.l1Ratio ?? null,
    fitIntercept: options.fitIntercept ?? true,
    classWeight:
      typeof classWeight === 'object' && classWeight !== null
        ? Object.freeze({ ...classWeight })
        : classWeight,
    maxIter: options.maxIter ?? 100,
    tol: options.tol ?? 1e-4,
    solver: options.solver ?? 'auto',
  });
}

export function validateLogisticOptions(o: ResolvedLogisticOptions): void {
  const fail = (name: string, problem: string): never => {
    throw new InvalidParameterError(TYPE, name, problem);
  };
  if (!PENALTIES.includes(o.penalty))
    fail('penalty', `must be one of ${PENALTIES.join(', ')}, got ${String(o.penalty)}`);
  if (typeof o.C !== 'number' || !(o.C > 0) || !Number.isFinite(o.C))
    fail('C', `must be a positive finite number, got ${String(o.C)}`);
  if (o.penalty === 'elasticnet') {
    if (typeof o.l1Ratio !== 'number' || !(o.l1Ratio >= 0 && o.l1Ratio <= 1)) {
      fail(
        'l1Ratio',
        `must be a number in [0, 1] for penalty "elasticnet", got ${String(o.l1Ratio)}`,
      );
    }
  } else if (
    o.l1Ratio !== null &&
    (typeof o.l1Ratio !== 'number' || !(o.l1Ratio >= 0 && o.l1Ratio <= 1))
  ) {
    fail('l1Ratio', `must be null or a number in [0, 1], got ${String(o.l1Ratio)}`);
  }
  if (typeof o.fitIntercept !== 'boolean')
    fail('fitIntercept', `must be a boolean, got ${String(o.fitIntercept)}`);
  if (!Number.isInteger(o.maxIter) || o.maxIter < 1)
    fail('maxIter', `must be a positive integer, got ${String(o.maxIter)}`);
  if (typeof o.tol !== 'number' || !(o.tol > 0) || !Number.isFinite(o.tol))
    fail('tol', `must be a positive finite number, got ${String(o.tol)}`);
  if (!SOLVERS.includes(o.solver))
    fail('solver', `must be one of ${SOLVERS.join(', ')}, got ${String(o.solver)}`);
  if (o.solver === 'newton-cholesky' && (o.penalty === 'l1' || o.penalty === 'elasticnet')) {
    fail(
      'solver',
      `"newton-cholesky" needs a smooth objective; penalty "${o.penalty}" uses OWL-QN, so choose solver "auto" or "lbfgs"`,
    );
  }
  const cw = o.classWeight;
  if (cw === null || cw === 'balanced') return;
  if (typeof cw !== 'object' || Array.isArray(cw))
    fail('classWeight', `must be null, "balanced" or a record of label → weight`);
  for (const [label, weight] of Object.entries(cw)) {
    if (!Number.isFinite(Number(label)))
      fail('classWeight', `has key "${label}", which is not a numeric class label`);
    if (typeof weight !== 'number' || !(weight >= 0) || !Number.isFinite(weight)) {
      fail(
        'classWeight',
        `gives label ${label} the weight ${String(weight)}; weights must be finite and non-negative`,
      );
    }
  }
}
