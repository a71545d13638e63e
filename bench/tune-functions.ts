/**
 * The optimisation test functions, the same definitions as bench/anchors/tune_anchor.py
 * (standard forms; optima: Branin 0.397887, Hartmann-6 −3.32237, Rosenbrock 0, Ackley 0).
 */
import type { Trial } from '../src/tune/index.js';

export interface TestFunction {
  readonly name: string;
  readonly dims: number;
  readonly low: number;
  readonly high: number;
  readonly f: (x: readonly number[]) => number;
}

function branin([x1, x2]: readonly number[]): number {
  const b = 5.1 / (4 * Math.PI ** 2);
  const c = 5 / Math.PI;
  const t = 1 / (8 * Math.PI);
  return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
}

const HARTMANN_A = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const HARTMANN_P = [
  [0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886],
  [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
  [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.665],
  [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381],
];
const HARTMANN_ALPHA = [1, 1.2, 3, 3.2];

function hartmann6(x: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < 4; i++) {
    let inner = 0;
    for (let j = 0; j < 6; j++) inner += HARTMANN_A[i][j] * (x[j] - HARTMANN_P[i][j]) ** 2;
    total += HARTMANN_ALPHA[i] * Math.exp(-inner);
  }
  return -total;
}

function rosenbrock(x: readonly number[]): number {
  let total = 0;
  for (let i = 0; i + 1 < x.length; i++)
    total += 100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2;
  return total;
}

function ackley(x: readonly number[]): number {
  const n = x.length;
  let squares = 0;
  let cosines = 0;
  for (const v of x) {
    squares += v * v;
    cosines += Math.cos(2 * Math.PI * v);
  }
  return -20 * Math.exp(-0.2 * Math.sqrt(squares / n)) - Math.exp(cosines / n) + 20 + Math.E;
}

/** Branin on its usual box is not square; we use x1, x2 ∈ [−5, 15] like common benchmarks. */
export const TEST_FUNCTIONS: readonly TestFunction[] = [
  { name: 'Branin', dims: 2, low: -5, high: 15, f: branin },
  { name: 'Hartmann-6', dims: 6, low: 0, high: 1, f: hartmann6 },
  { name: 'Rosenbrock-5D', dims: 5, low: -5, high: 10, f: rosenbrock },
  { name: 'Ackley-10D', dims: 10, low: -32.768, high: 32.768, f: ackley },
];

/** The objective of a function: suggests x0 … x(d−1) uniformly in its box. */
export function objectiveOf(fn: TestFunction): (trial: Trial) => number {
  return (trial) => {
    const x: number[] = [];
    for (let j = 0; j < fn.dims; j++) x.push(trial.suggestFloat(`x${j}`, fn.low, fn.high));
    return fn.f(x);
  };
}

/** A benchmark problem as an objective (box functions, and the two with discrete structure). */
export interface TuneProblem {
  readonly name: string;
  readonly objective: (trial: Trial) => number;
}

/**
 * A mixed space like a boosting search: log-scaled float, int, log-scaled int, categorical and
 * stepped float. Optimum 0 at lr = 0.01, depth = 6, leaves = 32, booster = gbtree,
 * subsample = 0.8.
 */
function mixed(trial: Trial): number {
  const lr = trial.suggestFloat('lr', 1e-4, 1, { log: true });
  const depth = trial.suggestInt('depth', 1, 12);
  const leaves = trial.suggestInt('leaves', 2, 256, { log: true });
  const booster = trial.suggestCategorical('booster', ['gbtree', 'dart', 'linear']);
  const subsample = trial.suggestFloat('subsample', 0.5, 1, { step: 0.05 });
  const boosterCost = { gbtree: 0, dart: 0.5, linear: 2 }[booster];
  return (
    (Math.log10(lr) + 2) ** 2 +
    0.1 * (depth - 6) ** 2 +
    0.2 * (Math.log2(leaves) - 5) ** 2 +
    boosterCost +
    4 * (subsample - 0.8) ** 2
  );
}

/**
 * A conditional space like algorithm selection: each model has its own parameters. Optimum 0
 * in the svm branch (C = 10, gamma = 0.1); the tree and linear branches bottom out at 0.5 and 1.
 */
function conditional(trial: Trial): number {
  const model = trial.suggestCategorical('model', ['svm', 'tree', 'linear']);
  if (model === 'svm') {
    const c = trial.suggestFloat('svm_c', 1e-3, 1e3, { log: true });
    const gamma = trial.suggestFloat('svm_gamma', 1e-4, 10, { log: true });
    return (Math.log10(c) - 1) ** 2 + (Math.log10(gamma) + 1) ** 2;
  }
  if (model === 'tree') {
    const depth = trial.suggestInt('tree_depth', 1, 20);
    const minLeaf = trial.suggestInt('tree_min_leaf', 1, 50);
    return 0.5 + ((depth - 8) / 4) ** 2 + ((minLeaf - 5) / 10) ** 2;
  }
  const alpha = trial.suggestFloat('linear_alpha', 1e-6, 1, { log: true });
  return 1 + (Math.log10(alpha) + 3) ** 2 / 4;
}

export const TUNE_PROBLEMS: readonly TuneProblem[] = [
  ...TEST_FUNCTIONS.map((fn) => ({ name: fn.name, objective: objectiveOf(fn) })),
  { name: 'Mixed-5D', objective: mixed },
  { name: 'Conditional', objective: conditional },
];
