import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { booleanColumn, datetimeColumn, numericColumn } from '../../src/data/column.js';
import { Frame } from '../../src/data/frame.js';
import type { CategoricalProfile, NumericProfile } from '../../src/data/profile.js';
import { profileFrame } from '../../src/data/profile.js';
import { readTable } from '../../src/data/read-table.js';

interface FixtureNumeric {
  kind: 'numeric';
  count: number;
  missing: number;
  mean: number;
  std: number;
  min: number;
  max: number;
  quantiles: number[];
  histogram: { edges: number[]; counts: number[] };
}
interface FixtureCategorical {
  kind: 'categorical';
  count: number;
  missing: number;
  levels: Record<string, number>;
}
const fixture = JSON.parse(readFileSync('test/fixtures/data_profile.json', 'utf8')) as {
  rows: number;
  columns: Record<string, FixtureNumeric | FixtureCategorical>;
};

describe('profileFrame on credit.csv against numpy', async () => {
  const profile = profileFrame(await readTable('examples/data/credit.csv'));
  const byName = new Map(profile.columns.map((c) => [c.name, c]));
  const numeric = Object.entries(fixture.columns).filter(
    (e): e is [string, FixtureNumeric] => e[1].kind === 'numeric',
  );
  const categorical = Object.entries(fixture.columns).filter(
    (e): e is [string, FixtureCategorical] => e[1].kind === 'categorical',
  );

  it.each(numeric)('matches count, missing, mean, std, min and max of %s', (name, expected) => {
    const p = byName.get(name) as NumericProfile;
    expect([p.count, p.missing]).toEqual([expected.count, expected.missing]);
    expect(p.mean).toBeCloseTo(expected.mean, 9);
    expect(p.std).toBeCloseTo(expected.std, 9);
    expect([p.min, p.max]).toEqual([expected.min, expected.max]);
  });

  it.each(numeric)('matches numpy linear quantiles of %s', (name, expected) => {
    const p = byName.get(name) as NumericProfile;
    p.quantiles.forEach((q, i) => expect(q.value).toBeCloseTo(expected.quantiles[i], 9));
  });

  it.each(numeric)('matches the numpy 20-bin histogram of %s', (name, expected) => {
    const p = byName.get(name) as NumericProfile;
    expect(p.histogram?.counts).toEqual(expected.histogram.counts);
    p.histogram?.edges.forEach((e, i) => expect(e).toBeCloseTo(expected.histogram.edges[i], 9));
  });

  it.each(categorical)('matches the level frequencies of %s', (name, expected) => {
    const p = byName.get(name) as CategoricalProfile;
    expect(Object.fromEntries(p.levels.map((l) => [l.level, l.count]))).toEqual(expected.levels);
    expect(p.missing).toBe(expected.missing);
  });
});

describe('profileFrame on other kinds', () => {
  it('counts true and false values of a boolean column', () => {
    const profile = profileFrame(new Frame([booleanColumn('b', [1, 0, 1, Number.NaN])]));
    expect(profile.columns[0]).toMatchObject({
      kind: 'boolean',
      trueCount: 2,
      falseCount: 1,
      missing: 1,
    });
  });

  it('reports the range of a datetime column', () => {
    const profile = profileFrame(
      new Frame([datetimeColumn('d', [Date.UTC(2021, 0, 1), Date.UTC(2020, 0, 1)])]),
    );
    expect(profile.columns[0]).toMatchObject({
      kind: 'datetime',
      min: Date.UTC(2020, 0, 1),
      max: Date.UTC(2021, 0, 1),
    });
  });

  it('serialises an all-missing numeric column with nulls instead of NaN', () => {
    const profile = profileFrame(new Frame([numericColumn('x', [Number.NaN, Number.NaN])]));
    const roundTripped = JSON.parse(JSON.stringify(profile)) as { columns: NumericProfile[] };
    expect(roundTripped.columns[0].mean).toBeNull();
    expect(roundTripped.columns[0].quantiles[4].value).toBeNull();
    expect(roundTripped.columns[0].histogram).toBeNull();
  });
});
