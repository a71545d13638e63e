import type { Matrix } from '../../data/matrix.js';
import { InvalidParameterError } from '../../errors.js';
import { minimizeLbfgs } from '../optim/lbfgs.js';
import { minimizeNewtonCholesky } from '../optim/newton-cholesky.js';
import type { MinimizeResult, QuasiNewtonOptions } from '../optim/objective.js';
import { minimizeOwlqn } from '../optim/owlqn.js';
import { binaryLogisticHessian } from './logistic-hessian.js';
import type { LogisticProblem } from './logistic-loss.js';
import { logisticObjective } from './logistic-loss.js';
import type { ResolvedLogisticOptions } from './logistic-options.js';

/**
 * Most coefficients m (intercept included) for which `auto` picks Newton. Measured on 4000-row
 * dense data (Node 20, one core): a Newton iteration costs about as much as 0.12·m L-BFGS
 * evaluations and Newton takes 5–7 iterations, so it wins once L-BFGS would need more than about
 * 0.7·m evaluations. One-hot tabular data such as credit (m = 30) needs 70–115 (Newton 3–4×
 * faster); standardised, well-conditioned data needs 10–20, where Newton at m = 49 is 3× slower
 * but still only ~12 ms. Past ~50 coefficients that worst case grows quadratically, so L-BFGS.
 */
export const AUTO_NEWTON_MAX_COEFFICIENTS = 48;

export type ConcreteLogisticSolver = 'lbfgs' | 'newton-cholesky' | 'owlqn';

/** The solver a fit will run: OWL-QN for any L1 part, else the option, `auto` resolved. */
export function chooseLogisticSolver(
  o: ResolvedLogisticOptions,
  classCount: number,
  X: Matrix,
): ConcreteLogisticSolver {
  if (o.penalty === 'l1' || o.penalty === 'elasticnet') return 'owlqn';
  if (o.solver === 'newton-cholesky') {
    if (classCount !== 2) {
      throw new InvalidParameterError(
        'LogisticRegression',
        'solver',
        `"newton-cholesky" fits two classes only (y has ${classCount}); choose "auto" or "lbfgs" for a multinomial fit`,
      );
    }
    return 'newton-cholesky';
  }
  if (o.solver === 'lbfgs') return 'lbfgs';
  const coefficients = X.cols + (o.fitIntercept ? 1 : 0);
  return classCount === 2 && o.penalty === 'l2' && coefficients <= AUTO_NEWTON_MAX_COEFFICIENTS
    ? 'newton-cholesky'
    : 'lbfgs';
}

/**
 * Minimises the logistic objective of `problem` from x (all zeros on entry) with `solver`,
 * writing the solution into x. `l1` is the L1 weight per coefficient (OWL-QN only).
 */
export function solveLogistic(
  problem: LogisticProblem,
  solver: ConcreteLogisticSolver,
  l1: number,
  x: Float64Array,
  stopping: QuasiNewtonOptions,
): MinimizeResult {
  const objective = logisticObjective(problem);
  if (solver === 'owlqn') {
    const l1Weights = new Float64Array(x.length);
    const outputs = problem.classCount === 2 ? 1 : problem.classCount;
    l1Weights.fill(l1, 0, problem.X.cols * outputs);
    return minimizeOwlqn(objective, l1Weights, x, stopping);
  }
  if (solver === 'newton-cholesky')
    return minimizeNewtonCholesky(objective, binaryLogisticHessian(problem), x, stopping);
  return minimizeLbfgs(objective, x, stopping);
}
