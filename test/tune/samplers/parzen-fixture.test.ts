import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  categoricalDistribution,
  floatDistribution,
  toInternal,
} from '../../../src/tune/distributions.js';
import { ParzenEstimator, defaultWeights, parzenAxis } from '../../../src/tune/samplers/index.js';

interface FixtureCase {
  readonly multivariate: boolean;
  readonly observations: Record<string, number[]>;
  readonly points: Record<string, number[]>;
  readonly logPdf: number[];
}

const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'tpe_parzen.json'), 'utf8'),
) as { optuna: string; cases: FixtureCase[] };

const space = [
  ['x', floatDistribution('x', -2, 3)],
  ['lr', floatDistribution('lr', 1e-4, 1, { log: true })],
  ['kind', categoricalDistribution('kind', ['a', 'b', 'c'])],
] as const;

/** Row-major internal values; categorical columns already hold choice indices. */
function internalRows(columns: Record<string, number[]>): { rows: Float64Array; count: number } {
  const count = columns.x.length;
  const rows = new Float64Array(count * space.length);
  for (let i = 0; i < count; i++)
    space.forEach(([name, d], a) => {
      const v = columns[name][i];
      rows[i * space.length + a] = d.kind === 'categorical' ? v : toInternal(d, v);
    });
  return { rows, count };
}

describe(`ParzenEstimator against Optuna ${fixture.optuna} (golden fixture)`, () => {
  for (const [index, c] of fixture.cases.entries()) {
    it(`gives Optuna's log-densities (${c.multivariate ? 'multivariate' : 'univariate'}, ${c.observations.x.length} observations, case ${index})`, () => {
      const observations = internalRows(c.observations);
      const estimator = new ParzenEstimator(
        space.map(([, d]) => parzenAxis(d)),
        observations.rows,
        defaultWeights(observations.count),
        {
          multivariate: c.multivariate,
          priorWeight: 1,
          considerMagicClip: true,
          considerEndpoints: false,
          exactKernelScale: false,
        },
      );
      const points = internalRows(c.points);
      const out = new Float64Array(points.count);
      estimator.logPdf(points.rows, points.count, out);
      for (let i = 0; i < points.count; i++) expect(out[i]).toBeCloseTo(c.logPdf[i], 6);
    });
  }
});
