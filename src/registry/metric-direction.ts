import type { MetricDirection } from '../metrics/index.js';
import { getMetric, metricNames } from '../metrics/index.js';

// Saved models name their scores after where they were measured (`argmin cv --save` writes
// `cv_roc_auc`), so the prefix is dropped before looking the metric up.
const SCOPE_PREFIX = /^(?:cv|test|val|valid|validation|holdout|train)_/;

/** Whether higher or lower values of a stored metric are better, when argmin knows the metric. */
export function knownMetricDirection(metric: string): MetricDirection | undefined {
  const known = new Set(metricNames());
  for (const candidate of [metric, metric.replace(SCOPE_PREFIX, '')])
    if (known.has(candidate)) return getMetric(candidate).direction;
  return undefined;
}
