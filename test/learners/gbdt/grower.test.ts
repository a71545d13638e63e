import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/data/rng.js';
import { TreeGrower } from '../../../src/learners/gbdt/grower.js';

const nRows = 400;
const nFeatures = 4;
const rng = new Rng(9);
const codes = Uint8Array.from({ length: nRows * nFeatures }, () => rng.nextInt(50));
const gradients = Float64Array.from(
  { length: nRows },
  (_, i) => Math.sin(codes[i * nFeatures]) + 0.3 * rng.normal(),
);
const hessians = new Float64Array(nRows).fill(1);
const layout = {
  binStride: 256,
  missingBin: 255,
  binCount: new Int32Array(nFeatures).fill(50),
  categorical: new Uint8Array(nFeatures),
};
const allRows = Int32Array.from({ length: nRows }, (_, i) => i);
const allFeatures = Int32Array.from({ length: nFeatures }, (_, f) => f);
const base = { lambdaL2: 1, alphaL1: 0, minChildWeight: 1, minSamplesLeaf: 1, learningRate: 1 };

function depthOf(left: number[], right: number[]): number {
  const walk = (node: number): number =>
    left[node] < 0 ? 0 : 1 + Math.max(walk(left[node]), walk(right[node]));
  return walk(0);
}

function leafCount(feature: number[]): number {
  return feature.filter((f) => f < 0).length;
}

describe('growing one tree', () => {
  it('grows depth-wise down to maxDepth and no deeper', () => {
    const grower = new TreeGrower(codes, nRows, layout, { ...base, maxDepth: 3, maxLeaves: null });
    const tree = grower.grow(gradients, hessians, allRows, allFeatures);
    expect(depthOf(tree.left, tree.right)).toBe(3);
    expect(leafCount(tree.feature)).toBeLessThanOrEqual(8);
  });

  it('grows leaf-wise to maxLeaves, deeper than a balanced tree of that many leaves', () => {
    const grower = new TreeGrower(codes, nRows, layout, { ...base, maxDepth: null, maxLeaves: 8 });
    const tree = grower.grow(gradients, hessians, allRows, allFeatures);
    expect(leafCount(tree.feature)).toBe(8);
    expect(depthOf(tree.left, tree.right)).toBeGreaterThan(3);
  });

  it('partitions the rows so each leaf slice holds exactly the rows that reach it', () => {
    const grower = new TreeGrower(codes, nRows, layout, { ...base, maxDepth: 4, maxLeaves: null });
    const tree = grower.grow(gradients, hessians, allRows, allFeatures);
    let covered = 0;
    for (let node = 0; node < tree.nodeCount; node++) {
      if (tree.feature[node] >= 0) continue;
      for (let k = tree.leafStart[node]; k < tree.leafEnd[node]; k++) {
        expect(tree.leafOfBinnedRow(codes, nFeatures, grower.rows[k], 255)).toBe(node);
        covered++;
      }
    }
    expect(covered).toBe(nRows);
  });

  it('sets each leaf to −G/(H + λ) times the learning rate', () => {
    const grower = new TreeGrower(codes, nRows, layout, {
      ...base,
      maxDepth: 2,
      maxLeaves: null,
      learningRate: 0.5,
    });
    const tree = grower.grow(gradients, hessians, allRows, allFeatures);
    const leaf = tree.feature.findIndex((f) => f < 0);
    let g = 0;
    for (let k = tree.leafStart[leaf]; k < tree.leafEnd[leaf]; k++) g += gradients[grower.rows[k]];
    const count = tree.leafEnd[leaf] - tree.leafStart[leaf];
    expect(tree.value[leaf]).toBeCloseTo((0.5 * -g) / (count + 1), 12);
  });

  it('stops splitting nodes smaller than twice minSamplesLeaf', () => {
    const grower = new TreeGrower(codes, nRows, layout, {
      ...base,
      maxDepth: null,
      maxLeaves: null,
      minSamplesLeaf: 60,
    });
    const tree = grower.grow(gradients, hessians, allRows, allFeatures);
    for (let node = 0; node < tree.nodeCount; node++) {
      if (tree.feature[node] < 0)
        expect(tree.leafEnd[node] - tree.leafStart[node]).toBeGreaterThanOrEqual(60);
    }
  });
});
