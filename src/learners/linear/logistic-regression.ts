import type { DenseMatrix, Matrix } from '../../data/matrix.js';
import type { SerializedObject } from '../../data/serializable.js';
import { checkRestoredOptions, readEnvelope } from '../../data/serialized-reader.js';
import { DataValidationError, DeserializationError, NotFittedError } from '../../errors.js';
import { checkFiniteMatrix, checkFitData, checkPredictColumns } from '../check-data.js';
import type { Classifier, FitOptions } from '../estimator.js';
import type { QuasiNewtonOptions } from '../optim/objective.js';
import { applyClassWeight, encodeClasses } from './class-weights.js';
import { linearScores } from './linear-scores.js';
import type { LogisticRegressionOptions, ResolvedLogisticOptions } from './logistic-options.js';
import { resolveLogisticOptions, validateLogisticOptions } from './logistic-options.js';
import { chooseLogisticSolver, solveLogistic } from './logistic-solver.js';

const TYPE = 'LogisticRegression';
/** scipy's default L-BFGS-B `ftol`, which scikit-learn leaves in place at tol = 1e-4. */
const SCIPY_FTOL = 2.220446049250313e-9;

interface LogisticState {
  readonly classes: Float64Array;
  /** outputs × features, row-major; one output for two classes. */
  readonly coef: Float64Array;
  readonly intercept: Float64Array;
  readonly nFeatures: number;
  readonly nIter: number;
  readonly converged: boolean;
}

/**
 * Logistic regression with scikit-learn 1.2 semantics: minimises C·Σ wᵢ·lossᵢ + penalty(coef),
 * intercept unpenalised; sigmoid for two classes, full multinomial softmax (K coefficient rows)
 * for more. L2 and no penalty use L-BFGS with a strong-Wolfe line search or, for two classes
 * (`solver`; `auto` picks it for binary L2 fits with few columns), Newton's method with the exact
 * Hessian and a Cholesky solve; L1 and elastic-net use OWL-QN, which reaches the exact optimum
 * with exact zeros. Non-convergence does not throw: see `converged` and `nIter`.
 *
 * @example
 * const model = new LogisticRegression({ C: 0.5, classWeight: 'balanced' }).fit(X, y);
 * model.predictProba(X); // rows × classes
 * model.coef;            // 1 × features for two classes, K × features otherwise
 */
export class LogisticRegression implements Classifier<ResolvedLogisticOptions> {
  readonly type = TYPE;
  readonly task = 'classification';
  readonly #options: ResolvedLogisticOptions;
  #state: LogisticState | undefined;

  constructor(options: LogisticRegressionOptions = {}) {
    this.#options = resolveLogisticOptions(options);
  }

  get isFitted(): boolean {
    return this.#state !== undefined;
  }

  getParams(): ResolvedLogisticOptions {
    return this.#options;
  }

  get classes(): Float64Array {
    return this.#fitted().classes.slice();
  }

  /** Coefficients as a (1 or K) × features matrix. */
  get coef(): DenseMatrix {
    const { coef, intercept, nFeatures } = this.#fitted();
    return { kind: 'dense', rows: intercept.length, cols: nFeatures, data: coef.slice() };
  }

  get intercept(): Float64Array {
    return this.#fitted().intercept.slice();
  }

  /** Solver iterations used by the last fit. */
  get nIter(): number {
    return this.#fitted().nIter;
  }

  /** Whether the last fit met its tolerance before `maxIter`. */
  get converged(): boolean {
    return this.#fitted().converged;
  }

  fit(X: Matrix, y: Float64Array, options: FitOptions = {}): this {
    const o = this.#options;
    validateLogisticOptions(o);
    const sampleWeight = checkFitData(TYPE, X, y, options.sampleWeight);
    checkFiniteMatrix(TYPE, X);
    const { classes, classIndex } = encodeClasses(y);
    if (classes.length < 2)
      throw new DataValidationError(
        {},
        `${TYPE}: y holds a single class (${classes[0]}); need at least two`,
      );
    const K = classes.length;
    const solver = chooseLogisticSolver(o, K, X);
    const weight = applyClassWeight(TYPE, o.classWeight, classes, classIndex, sampleWeight);
    const outputs = K === 2 ? 1 : K;
    const p = X.cols;
    const rho = o.penalty === 'l1' ? 1 : o.penalty === 'elasticnet' ? (o.l1Ratio as number) : 0;
    const l2 = o.penalty === 'none' ? 0 : (1 - rho) / o.C;
    const problem = {
      X,
      target: Float64Array.from(classIndex),
      weight,
      classCount: K,
      fitIntercept: o.fitIntercept,
      l2,
    };
    const x = new Float64Array((p + (o.fitIntercept ? 1 : 0)) * outputs);
    const stopping: QuasiNewtonOptions = {
      maxIterations: o.maxIter,
      gradientTolerance: o.tol,
      // f's excess over the optimum shrinks like |gradient|², so a tighter tol tightens the
      // relative-decrease rule quadratically; at sklearn's default it is scipy's ftol.
      relativeDecreaseTolerance: SCIPY_FTOL * Math.min(1, (o.tol / 1e-4) ** 2),
    };
    const result = solveLogistic(problem, solver, rho / o.C, x, stopping);
    // The solver's layout is class-major like the public one: coefficients, then intercepts.
    const coef = x.slice(0, outputs * p);
    const intercept = o.fitIntercept ? x.slice(outputs * p) : new Float64Array(outputs);
    this.#state = {
      classes,
      coef,
      intercept,
      nFeatures: p,
      nIter: result.iterations,
      converged: result.converged,
    };
    return this;
  }

  /** Raw margins: rows × 1 (log-odds of classes[1]) for two classes, rows × K logits otherwise. */
  decisionFunction(X: Matrix): DenseMatrix {
    const { coef, intercept, nFeatures } = this.#fitted();
    checkPredictColumns(TYPE, X, nFeatures);
    return linearScores(X, coef, intercept);
  }

  predictProba(X: Matrix): DenseMatrix {
    const scores = this.decisionFunction(X);
    const K = this.#fitted().classes.length;
    const out = new Float64Array(X.rows * K);
    const z = scores.data;
    if (scores.cols === 1) {
      for (let i = 0; i < X.rows; i++) {
        const e = Math.exp(-Math.abs(z[i]));
        const positive = z[i] >= 0 ? 1 / (1 + e) : e / (1 + e);
        out[2 * i] = 1 - positive;
        out[2 * i + 1] = positive;
      }
    } else {
      for (let i = 0, base = 0; i < X.rows; i++, base += K) {
        let max = z[base];
        for (let k = 1; k < K; k++) if (z[base + k] > max) max = z[base + k];
        let sum = 0;
        for (let k = 0; k < K; k++) sum += out[base + k] = Math.exp(z[base + k] - max);
        for (let k = 0; k < K; k++) out[base + k] /= sum;
      }
    }
    return { kind: 'dense', rows: X.rows, cols: K, data: out };
  }

  predict(X: Matrix): Float64Array {
    const P = this.predictProba(X);
    const { classes } = this.#fitted();
    const K = classes.length;
    const out = new Float64Array(X.rows);
    for (let i = 0, base = 0; i < X.rows; i++, base += K) {
      let best = 0;
      for (let k = 1; k < K; k++) if (P.data[base + k] > P.data[base + best]) best = k;
      out[i] = classes[best];
    }
    return out;
  }

  toJSON(): SerializedObject {
    const o = this.#options;
    const params = {
      ...o,
      classWeight:
        o.classWeight === null || typeof o.classWeight === 'string'
          ? o.classWeight
          : { ...o.classWeight },
    };
    const s = this.#state;
    return {
      type: TYPE,
      params,
      state:
        s === undefined
          ? null
          : {
              classes: s.classes.slice(),
              coef: s.coef.slice(),
              intercept: s.intercept.slice(),
              nFeatures: s.nFeatures,
              nIter: s.nIter,
              converged: s.converged,
            },
    };
  }

  static fromJSON(json: SerializedObject): LogisticRegression {
    const { params, state } = readEnvelope(json, TYPE);
    const model = new LogisticRegression(params.record as LogisticRegressionOptions);
    checkRestoredOptions(TYPE, () => validateLogisticOptions(model.#options));
    if (state === null) return model;
    const classes = state.float64('classes').slice();
    if (classes.length < 2)
      throw new DeserializationError(TYPE, '"classes" must hold at least two labels');
    const outputs = classes.length === 2 ? 1 : classes.length;
    const nFeatures = state.integer('nFeatures');
    model.#state = {
      classes,
      coef: state.float64('coef', outputs * nFeatures).slice(),
      intercept: state.float64('intercept', outputs).slice(),
      nFeatures,
      nIter: state.integer('nIter'),
      converged: state.boolean('converged'),
    };
    return model;
  }

  #fitted(): LogisticState {
    if (this.#state === undefined) throw new NotFittedError(TYPE);
    return this.#state;
  }
}
