import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DenseMatrix } from '../../../src/data/matrix.js';
import { denseMatrix } from '../../../src/data/matrix.js';

/** One scikit-learn fit stored by bench/anchors/linear_fixtures.py. */
export interface FixtureCase {
  readonly name: string;
  readonly options: Record<string, unknown>;
  readonly sampleWeight: boolean;
  readonly coef: number[] | number[][];
  readonly intercept: number | number[];
  readonly proba?: number[][];
  readonly predictions?: number[];
}

export interface Fixture {
  readonly X: DenseMatrix;
  readonly y: Float64Array;
  readonly sampleWeight?: Float64Array;
  readonly cases: readonly FixtureCase[];
  readonly raw: Record<string, unknown>;
}

const here = join(import.meta.dirname, '..', '..', 'fixtures');

export function loadFixture(name: string): Fixture {
  const raw = JSON.parse(readFileSync(join(here, name), 'utf8')) as Record<string, unknown>;
  const X = denseMatrix(
    raw.rows as number,
    raw.cols as number,
    Float64Array.from(raw.X as number[]),
  );
  const sw = raw.sampleWeight as number[] | undefined;
  return {
    X,
    y: Float64Array.from(raw.y as number[]),
    sampleWeight: sw === undefined ? undefined : Float64Array.from(sw),
    cases: raw.cases as FixtureCase[],
    raw,
  };
}

/**
 * The agreement rule for every coefficient and intercept:
 *   |ours − sklearn| ≤ 1e-4 · max(|sklearn|, 1e-2 · max|sklearn coef|)
 * i.e. 1e-4 relative, with coefficients far below the largest judged on 1e-6 of its size
 * (an L1 zero must come out as zero or within that floor).
 */
export function expectClose(
  ours: ArrayLike<number>,
  reference: ArrayLike<number>,
  scale: number,
  label: string,
): string[] {
  const problems: string[] = [];
  for (let i = 0; i < reference.length; i++) {
    const bound = 1e-4 * Math.max(Math.abs(reference[i]), 1e-2 * scale);
    if (!(Math.abs(ours[i] - reference[i]) <= bound))
      problems.push(
        `${label}[${i}]: ${ours[i]} vs ${reference[i]} (bound ${bound.toExponential(2)})`,
      );
  }
  return problems;
}

export function maxAbsOf(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
}
