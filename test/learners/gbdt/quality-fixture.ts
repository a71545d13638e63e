import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DenseMatrix } from '../../../src/data/matrix.js';
import { denseMatrix } from '../../../src/data/matrix.js';

/** A dataset split and the anchors' held-out metrics, written by bench/anchors/gbdt_fixtures.py. */
export interface QualityFixture {
  readonly name: string;
  readonly metric: 'auc' | 'accuracy' | 'rmse';
  readonly settings: {
    readonly rounds: number;
    readonly maxDepth: number;
    readonly learningRate: number;
    readonly maxBins: number;
    readonly lambdaL2: number;
  };
  readonly categoricalFeatures: readonly number[];
  readonly trainX: DenseMatrix;
  readonly trainY: Float64Array;
  readonly testX: DenseMatrix;
  readonly testY: Float64Array;
  readonly anchors: { readonly xgboost: number; readonly sklearn: number };
}

interface RawFixture {
  name: string;
  metric: QualityFixture['metric'];
  settings: QualityFixture['settings'];
  categoricalFeatures: number[];
  cols: number;
  trainX: (number | string)[];
  trainY: number[];
  testX: (number | string)[];
  testY: number[];
  anchors: { xgboost: number; sklearn: number };
}

function matrix(values: (number | string)[], cols: number): DenseMatrix {
  const data = Float64Array.from(values, (v) => (typeof v === 'string' ? Number(v) : v));
  return denseMatrix(data.length / cols, cols, data);
}

export function loadQualityFixture(name: 'credit' | 'letters' | 'ames'): QualityFixture {
  const path = join(import.meta.dirname, '..', '..', 'fixtures', `gbdt_${name}.json`);
  const raw = JSON.parse(readFileSync(path, 'utf8')) as RawFixture;
  return {
    ...raw,
    trainX: matrix(raw.trainX, raw.cols),
    trainY: Float64Array.from(raw.trainY),
    testX: matrix(raw.testX, raw.cols),
    testY: Float64Array.from(raw.testY),
  };
}
