import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One case of test/fixtures/metrics_golden.json (written by bench/anchors/metrics_fixtures.py). */
export interface GoldenCase {
  readonly name: string;
  readonly task: 'classification' | 'regression';
  readonly yTrue: number[];
  readonly yPred: number[];
  readonly proba?: number[];
  readonly classes?: number[];
  readonly sampleWeight: number[];
  readonly confusionLabels?: number[];
  readonly confusion?: number[];
  readonly confusionWeighted?: number[];
  readonly unweighted: Record<string, number>;
  readonly weighted: Record<string, number>;
}

export function loadMetricsGolden(): { cases: GoldenCase[]; logLossEps: number } {
  const path = fileURLToPath(new URL('../fixtures/metrics_golden.json', import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as { cases: GoldenCase[]; logLossEps: number };
}

/** |actual − expected| ≤ tolerance × max(1, |expected|)... relative, with an absolute floor at 0. */
export function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
}
