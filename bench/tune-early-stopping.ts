/**
 * Early stopping with boosting rounds as the resource: gradient boosting tuned on letters
 * (12,000 fitting rows, 4,000 validation rows from the 16,000 training rows; 26 classes).
 *
 * For each seed, random search runs TRIALS trials at the full budget of ROUNDS rounds; the best
 * validation accuracy it reaches is the target. Then the same random sampler (same seed, so
 * the same configurations in the same order) runs under ASHA (successive halving, η = 3) and
 * under Hyperband (η = 3), each with rungs from 1 round and from 9 rounds, each trial reporting
 * its validation accuracy after every round (the eval set is kept current by the booster, no
 * re-prediction) and stopping when pruned: first the same
 * TRIALS configurations (rounds spent, best kept or pruned away), then more until the target is
 * reached or TRIALS × ROUNDS rounds are spent. Measured: the boosting rounds spent (over all
 * trials) until some trial's validation accuracy first reached the target, as a share of random
 * search's TRIALS × ROUNDS (target ≤ 1/3), beside the rounds random search itself had spent
 * when it first reached its best (an early lucky configuration makes both small).
 *
 *   npm run bench:tune-early-stopping    (ES_SEEDS=1 ES_TRIALS=6 for a quick run)
 */
import type { DenseMatrix } from '../src/data/matrix.js';
import { takeRows } from '../src/data/matrix.js';
import { Rng } from '../src/data/rng.js';
import { HistGradientBoostingClassifier } from '../src/learners/gbdt/index.js';
import type { Pruner, Trial } from '../src/tune/index.js';
import {
  createStudy,
  HyperbandPruner,
  NopPruner,
  RandomSampler,
  SuccessiveHalvingPruner,
  TrialPruned,
} from '../src/tune/index.js';
import { loadLetters } from './letters-data.js';
import type { BenchRow } from './report.js';
import { printMarkdown, writeResults } from './report.js';

const ROUNDS = Number(process.env.ES_ROUNDS ?? 81); // the rungs below assume 81 = 3^4
const TRIALS = Number(process.env.ES_TRIALS ?? 20);
const SEEDS = Number(process.env.ES_SEEDS ?? 5);
const CLASSES = 26;

interface Data {
  readonly fit: DenseMatrix;
  readonly yFit: Float64Array;
  readonly valid: DenseMatrix;
  readonly yValid: Float64Array;
}

function splitLetters(): Data {
  const letters = loadLetters();
  const order = new Rng(7).permutation(letters.train.rows);
  const fitRows = order.subarray(0, 12_000);
  const validRows = order.subarray(12_000);
  return {
    fit: takeRows(letters.train, fitRows) as DenseMatrix,
    yFit: Float64Array.from(fitRows, (i) => letters.yTrain[i]),
    valid: takeRows(letters.train, validRows) as DenseMatrix,
    yValid: Float64Array.from(validRows, (i) => letters.yTrain[i]),
  };
}

/** Share of rows whose largest raw score is the true class (softmax keeps the order). */
function accuracy(scores: Float64Array, y: Float64Array): number {
  let right = 0;
  for (let i = 0; i < y.length; i++) {
    let best = 0;
    for (let k = 1; k < CLASSES; k++)
      if (scores[i * CLASSES + k] > scores[i * CLASSES + best]) best = k;
    if (best === y[i]) right++;
  }
  return right / y.length;
}

interface SearchResult {
  /** Best validation accuracy seen (at any reported round). */
  readonly best: number;
  /** Rounds spent over all trials when the best so far last improved (reached `best`). */
  readonly roundsToBest: number;
  /** Rounds spent until the best first reached `target` (null: never). */
  readonly roundsToTarget: number | null;
  /** Rounds spent and best accuracy over the first `configs` trials. */
  readonly roundsForConfigs: number;
  readonly bestOfConfigs: number;
  readonly trials: number;
  readonly pruned: number;
  readonly seconds: number;
}

/**
 * Random configurations (seeded) under `pruner`: the first `configs` trials, then more until
 * `target` is reached or `budget` rounds are spent.
 */
async function search(
  data: Data,
  seed: number,
  pruner: Pruner,
  options: { target: number; budget: number; configs: number; studyName: string },
): Promise<SearchResult> {
  const study = createStudy({
    direction: 'maximize',
    sampler: new RandomSampler({ seed }),
    pruner,
    name: options.studyName,
  });
  let spent = 0;
  let best = 0;
  let roundsToBest = 0;
  let roundsToTarget: number | null = null;
  let pruned = 0;
  const started = performance.now();
  const objective = (trial: Trial): number => {
    const model = new HistGradientBoostingClassifier({
      nEstimators: ROUNDS,
      learningRate: trial.suggestFloat('learningRate', 0.02, 0.5, { log: true }),
      maxDepth: trial.suggestInt('maxDepth', 2, 8),
      lambdaL2: trial.suggestFloat('lambdaL2', 1e-3, 10, { log: true }),
      minChildWeight: trial.suggestFloat('minChildWeight', 1e-3, 10, { log: true }),
      subsample: trial.suggestFloat('subsample', 0.5, 1),
      colsampleByTree: trial.suggestFloat('colsampleByTree', 0.5, 1),
      seed: trial.number,
    });
    let last = 0;
    let stopped = false;
    model.fit(data.fit, data.yFit, {
      evalSet: data.valid,
      onRound: ({ round, evalScores }) => {
        spent++;
        last = accuracy(evalScores as Float64Array, data.yValid);
        if (last > best) {
          best = last;
          roundsToBest = spent;
        }
        if (roundsToTarget === null && best >= options.target) roundsToTarget = spent;
        trial.report(last, round);
        if (trial.shouldPrune()) {
          stopped = true;
          return 'stop';
        }
        return undefined;
      },
    });
    if (stopped) {
      pruned++;
      throw new TrialPruned();
    }
    return last;
  };
  await study.optimize(objective, { trials: options.configs });
  const roundsForConfigs = spent;
  const bestOfConfigs = best;
  while (roundsToTarget === null && spent < options.budget)
    await study.optimize(objective, { trials: 1 });
  return {
    best,
    roundsToBest,
    roundsToTarget,
    roundsForConfigs,
    bestOfConfigs,
    trials: study.trials().length,
    pruned,
    seconds: (performance.now() - started) / 1000,
  };
}

async function main(): Promise<void> {
  const data = splitLetters();
  const fullBudget = TRIALS * ROUNDS;
  const rows: BenchRow[] = [];
  const shares: Record<string, number[]> = { 'random search': [] };
  for (let seed = 0; seed < SEEDS; seed++) {
    const random = await search(data, seed, new NopPruner(), {
      target: Infinity,
      budget: 0,
      configs: TRIALS,
      studyName: `es-random-${seed}`,
    });
    const anchor = `random search, ${TRIALS} trials × ${ROUNDS} rounds (best ${random.best.toFixed(4)})`;
    console.log(
      `seed ${seed}: random search best ${random.best.toFixed(4)}, first reached after ${random.roundsToBest} of ${random.roundsForConfigs} rounds (${random.seconds.toFixed(0)} s)`,
    );
    shares['random search'].push(random.roundsToBest / fullBudget);
    rows.push({
      case: `letters GBDT, seed ${seed}, random search itself`,
      metric: 'boosting rounds until its best was first reached',
      unit: 'rounds',
      argmin: random.roundsToBest,
      anchor,
      anchorValue: fullBudget,
      better: 'lower',
    });
    const pruners: [string, () => Pruner][] = [
      [
        'ASHA, rungs from 1 round',
        () => new SuccessiveHalvingPruner({ minResource: 1, reductionFactor: 3 }),
      ],
      [
        'ASHA, rungs from 9 rounds',
        () => new SuccessiveHalvingPruner({ minResource: 9, reductionFactor: 3 }),
      ],
      [
        'Hyperband, 1..81 rounds',
        () => new HyperbandPruner({ minResource: 1, maxResource: ROUNDS, reductionFactor: 3 }),
      ],
      [
        'Hyperband, 9..81 rounds',
        () => new HyperbandPruner({ minResource: 9, maxResource: ROUNDS, reductionFactor: 3 }),
      ],
    ];
    for (const [name, make] of pruners) {
      const result = await search(data, seed, make(), {
        target: random.best,
        budget: fullBudget,
        configs: TRIALS,
        studyName: `es-${name}-${seed}`,
      });
      const reached = result.roundsToTarget;
      (shares[name] ??= []).push(reached === null ? Infinity : reached / fullBudget);
      console.log(
        `  ${name}: the same ${TRIALS} configurations in ${result.roundsForConfigs} rounds (best ${result.bestOfConfigs.toFixed(4)}); ${reached === null ? `did not reach ${random.best.toFixed(4)} (best ${result.best.toFixed(4)})` : `reached ${random.best.toFixed(4)} after ${reached} rounds = ${(reached / fullBudget).toFixed(3)} of random's`} — ${result.trials} trials, ${result.pruned} pruned (${result.seconds.toFixed(0)} s)`,
      );
      rows.push(
        {
          case: `letters GBDT, seed ${seed}, ${name}`,
          metric: "boosting rounds until random search's best validation accuracy was reached",
          unit: 'rounds',
          argmin: reached ?? Infinity,
          anchor,
          anchorValue: fullBudget,
          better: 'lower',
        },
        {
          case: `letters GBDT, seed ${seed}, ${name}`,
          metric: `boosting rounds for the same ${TRIALS} configurations`,
          unit: 'rounds',
          argmin: result.roundsForConfigs,
          anchor,
          anchorValue: fullBudget,
          better: 'lower',
        },
        {
          case: `letters GBDT, seed ${seed}, ${name}`,
          metric: `best validation accuracy of the same ${TRIALS} configurations`,
          unit: 'accuracy',
          argmin: result.bestOfConfigs,
          anchor,
          anchorValue: random.best,
          better: 'higher',
        },
      );
    }
  }
  for (const [name, values] of Object.entries(shares)) {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(
      `${name}: median share of random search's ${fullBudget} rounds to reach its best: ${sorted[Math.floor(sorted.length / 2)].toFixed(3)} over ${values.length} seeds (target ≤ 0.333)`,
    );
  }
  printMarkdown(rows);
  console.log(writeResults('tune-early-stopping', 'npm run bench:tune-early-stopping', rows));
}

await main();
