import { describe, expect, it } from 'vitest';
import { denseMatrix } from '../../src/data/matrix.js';
import { confusionMatrix, getMetric, LOG_LOSS_EPSILON } from '../../src/metrics/index.js';
import { loadMetricsGolden } from './golden-fixture.js';

const { cases, logLossEps } = loadMetricsGolden();

/** scikit-learn sums with numpy's pairwise summation, argmin sequentially: the last bits differ. */
const RELATIVE_TOLERANCE = 1e-12;

function expectClose(actual: number, expected: number): void {
  const scale = Math.max(Math.abs(expected), 1e-300);
  expect(Math.abs(actual - expected) / scale, `${actual} vs ${expected}`).toBeLessThanOrEqual(
    RELATIVE_TOLERANCE,
  );
}

describe('metrics agree with scikit-learn 1.2 to 1e-12 relative', () => {
  it('uses the same log loss clipping as the fixture', () => {
    expect(LOG_LOSS_EPSILON).toBe(logLossEps);
  });

  for (const golden of cases) {
    const yTrue = Float64Array.from(golden.yTrue);
    const yPred = Float64Array.from(golden.yPred);
    const sampleWeight = Float64Array.from(golden.sampleWeight);
    const classes = golden.classes === undefined ? undefined : Float64Array.from(golden.classes);
    const proba =
      golden.proba === undefined || classes === undefined
        ? undefined
        : denseMatrix(yTrue.length, classes.length, Float64Array.from(golden.proba));

    for (const weighting of ['unweighted', 'weighted'] as const) {
      for (const [name, expected] of Object.entries(golden[weighting])) {
        it(`${name} on ${golden.name} (${weighting})`, () => {
          const metric = getMetric(name);
          const predicted = metric.input === 'probabilities' ? proba : yPred;
          const options = {
            classes,
            sampleWeight: weighting === 'weighted' ? sampleWeight : undefined,
          };
          expectClose(metric.compute(yTrue, predicted!, options), expected);
        });
      }
    }

    if (golden.confusion !== undefined) {
      it(`confusion matrix on ${golden.name}, with and without weights`, () => {
        const plain = confusionMatrix(yTrue, yPred);
        expect(Array.from(plain.labels)).toEqual(golden.confusionLabels);
        expect(Array.from(plain.counts.data)).toEqual(golden.confusion);
        const weighted = confusionMatrix(yTrue, yPred, { sampleWeight }).counts.data;
        weighted.forEach((value, k) => expectClose(value, golden.confusionWeighted![k]));
      });
    }
  }
});
