import { describe, expect, it } from 'vitest';
import { denseMatrix } from '../../../src/data/matrix.js';
import { Rng } from '../../../src/data/rng.js';
import { NodeSorter } from '../../../src/learners/tree/node-sorter.js';
import { rankColumns } from '../../../src/learners/tree/ranked-columns.js';

/** One column of `rows` values: `levels` distinct integers, every `missingEvery`-th row NaN. */
function column(rows: number, levels: number, missingEvery: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: rows }, (_, i) =>
    i % missingEvery === missingEvery - 1 ? Number.NaN : rng.nextInt(levels) * 0.5 - 3,
  );
}

/** The node's rows stably sorted by value, missing last: what the sorter must reproduce. */
function referenceOrder(values: Float64Array, samples: Int32Array): number[] {
  const key = (s: number): number => (Number.isNaN(values[s]) ? Infinity : values[s]);
  return Array.from(samples).sort((a, b) => key(a) - key(b));
}

function sortNode(values: Float64Array, samples: Int32Array): NodeSorter {
  const ranked = rankColumns(denseMatrix(values.length, 1, values));
  const sorter = new NodeSorter(ranked, values.length);
  sorter.gather(0, samples, 0, samples.length);
  sorter.sort(samples, 0, samples.length);
  return sorter;
}

describe('rankColumns', () => {
  it('codes each value by its rank among the distinct values, NaN after them all', () => {
    const values = column(200, 37, 9, 1);
    const ranked = rankColumns(denseMatrix(values.length, 1, values));
    const distinct = [...new Set(values.filter((x) => !Number.isNaN(x)))].sort((a, b) => a - b);
    expect(Array.from(ranked.levels)).toEqual(distinct);
    for (let i = 0; i < values.length; i++) {
      const expected = Number.isNaN(values[i]) ? distinct.length : distinct.indexOf(values[i]);
      expect(ranked.codes[i]).toBe(expected);
    }
  });
});

describe('NodeSorter', () => {
  // Few levels → counting sort; many → radix sort (two 8-bit passes); tiny node → insertion.
  const cases = [
    { name: 'few levels (counting sort)', rows: 500, levels: 12, node: 300 },
    { name: 'many levels (radix sort)', rows: 3000, levels: 2500, node: 200 },
    { name: 'a tiny node (insertion sort)', rows: 300, levels: 250, node: 15 },
  ];
  for (const c of cases) {
    it(`orders a node's rows stably by value with missing rows last: ${c.name}`, () => {
      const values = column(c.rows, c.levels, 7, c.rows);
      const rng = new Rng(3);
      const samples = Int32Array.from({ length: c.node }, () => rng.nextInt(c.rows));
      const unique = Int32Array.from(new Set(samples));
      const sorter = sortNode(values, unique);
      expect(Array.from(sorter.sortedSamples.subarray(0, unique.length))).toEqual(
        referenceOrder(values, unique),
      );
      const present = unique.filter((s) => !Number.isNaN(values[s])).length;
      expect(sorter.presentCount).toBe(present);
    });
  }

  it("orders a node spanning few of a feature's many levels (counting sort over the span)", () => {
    const values = column(3000, 2500, 13, 4);
    // Rows valued below 47 span at most 100 of the 2500 levels, fewer than 4 per node row.
    const samples = Int32Array.from(
      Array.from(values.keys()).filter((s) => Number.isNaN(values[s]) || values[s] < 47),
    );
    const sorter = sortNode(values, samples);
    expect(sorter.highCode - sorter.lowCode + 1).toBeLessThanOrEqual(4 * samples.length);
    expect(Array.from(sorter.sortedSamples.subarray(0, samples.length))).toEqual(
      referenceOrder(values, samples),
    );
  });

  it('reports the smallest and largest present code of the node', () => {
    const values = column(400, 60, 5, 9);
    const samples = Int32Array.from({ length: 100 }, (_, i) => 3 * i);
    const sorter = sortNode(values, samples);
    const ranked = rankColumns(denseMatrix(values.length, 1, values));
    const present = Array.from(samples)
      .map((s) => ranked.codes[s])
      .filter((code) => code !== sorter.missingCode);
    expect(sorter.lowCode).toBe(Math.min(...present));
    expect(sorter.highCode).toBe(Math.max(...present));
  });
});
