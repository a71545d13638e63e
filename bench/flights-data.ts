/**
 * The flights case of the GBDT benchmark: a seeded sample of vega-datasets' flights-3m.parquet
 * (US domestic flights, 2001) turned into the issue's six features — hour, weekday, month,
 * distance, origin, destination — and the target "arrival delay > 15 minutes". Origin and
 * destination are category codes (229-odd airports), split natively, never one-hot encoded.
 */
import { join } from 'node:path';
import type { CategoricalColumn, DatetimeColumn, NumericColumn } from '../src/data/column.js';
import type { DenseMatrix } from '../src/data/matrix.js';
import { denseMatrix } from '../src/data/matrix.js';
import { readTable } from '../src/data/read-table.js';
import { Rng } from '../src/data/rng.js';
import { repoRoot } from './report.js';

export const FLIGHT_FEATURES = ['hour', 'weekday', 'month', 'distance', 'origin', 'destination'];
/** Column indices of origin and destination in the feature matrix. */
export const FLIGHT_CATEGORICAL = [4, 5];

export interface FlightsSplit {
  readonly train: DenseMatrix;
  readonly yTrain: Float64Array;
  readonly test: DenseMatrix;
  readonly yTest: Float64Array;
}

export function flightsParquetPath(): string {
  return join(repoRoot, 'node_modules', 'vega-datasets', 'data', 'flights-3m.parquet');
}

/** `trainRows` + `testRows` rows drawn without replacement (seed 7) from the 3M flights. */
export async function loadFlights(trainRows: number, testRows: number): Promise<FlightsSplit> {
  const frame = await readTable(flightsParquetPath());
  const date = frame.column('date') as DatetimeColumn;
  const delay = frame.column('delay') as NumericColumn;
  const distance = frame.column('distance') as NumericColumn;
  const origin = frame.column('origin') as CategoricalColumn;
  const destination = frame.column('destination') as CategoricalColumn;
  const picked = new Rng(7).permutation(frame.rows).subarray(0, trainRows + testRows);
  const cols = FLIGHT_FEATURES.length;
  const X = new Float64Array(picked.length * cols);
  const y = new Float64Array(picked.length);
  const when = new Date(0);
  for (let k = 0; k < picked.length; k++) {
    const i = picked[k];
    when.setTime(date.values[i]);
    const at = k * cols;
    X[at] = when.getUTCHours();
    X[at + 1] = when.getUTCDay();
    X[at + 2] = when.getUTCMonth() + 1;
    X[at + 3] = distance.values[i];
    X[at + 4] = origin.codes[i] < 0 ? Number.NaN : origin.codes[i];
    X[at + 5] = destination.codes[i] < 0 ? Number.NaN : destination.codes[i];
    y[k] = delay.values[i] > 15 ? 1 : 0;
  }
  const split = (from: number, to: number): DenseMatrix =>
    denseMatrix(to - from, cols, X.slice(from * cols, to * cols));
  return {
    train: split(0, trainRows),
    yTrain: y.slice(0, trainRows),
    test: split(trainRows, trainRows + testRows),
    yTest: y.slice(trainRows),
  };
}
