import { expect, it } from 'vitest';
import type { Matrix } from '../../../src/data/matrix.js';
import type { Regressor } from '../../../src/learners/estimator.js';
import type { Fixture, FixtureCase } from './fixtures.js';
import { expectClose, maxAbsOf } from './fixtures.js';
import { toCsr } from '../../../src/data/matrix.js';

/** A fitted regressor as the golden tests see it. */
export interface LinearFit extends Regressor {
  readonly coef: Float64Array;
  readonly intercept: number;
}

/**
 * Registers one test per input kind checking a regressor against a stored scikit-learn fit:
 * coefficients and intercept by the 1e-4 relative rule of `expectClose`, predictions within
 * 1e-6 of scikit-learn's.
 */
export function itMatchesScikitLearn(
  fixture: Fixture,
  c: FixtureCase,
  make: () => LinearFit,
  X: Matrix = fixture.X,
): void {
  for (const input of [X, toCsr(X)]) {
    it(`matches scikit-learn's ${c.name} fit on ${input.kind} input (coef and intercept within 1e-4 relative)`, () => {
      const sampleWeight = c.sampleWeight ? fixture.sampleWeight : undefined;
      const model = make().fit(input, fixture.y, { sampleWeight });
      const reference = c.coef as number[];
      const scale = maxAbsOf(reference);
      const problems = [
        ...expectClose(model.coef, reference, scale, 'coef'),
        ...expectClose([model.intercept], [c.intercept as number], scale, 'intercept'),
      ];
      expect(problems).toEqual([]);
      const predictions = model.predict(input);
      const expected = c.predictions as number[];
      for (let i = 0; i < expected.length; i++)
        expect(Math.abs(predictions[i] - expected[i])).toBeLessThan(1e-6);
    });
  }
}

export function fixtureCase(fixture: Fixture, name: string): FixtureCase {
  const found = fixture.cases.find((c) => c.name === name);
  if (found === undefined) throw new Error(`fixture has no case ${name}`);
  return found;
}
