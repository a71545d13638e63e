import { Counter, Gauge, Histogram, Registry } from 'prom-client';

const LATENCY_BUCKETS = [
  0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
];
const BATCH_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

type Labels = { model: string; version: string };

/** The metric handles of one served model version, bound to its labels once. */
export interface VersionMetrics {
  request(status: number, seconds: number): void;
  batch(rows: number, limit: number, queuedRows: number): void;
  cache(hit: boolean): void;
  error(kind: 'validation' | 'shed' | 'internal'): void;
}

/**
 * The server's Prometheus metrics, on a registry of its own (several servers in one process
 * never share counters): requests by status, latency histograms, batch sizes and limits, cache
 * hits and hit ratio, errors by kind, hot swaps — each per model and version.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly #requests = new Counter({
    name: 'argmin_requests_total',
    help: 'Prediction requests answered, by model, version and HTTP status',
    labelNames: ['model', 'version', 'status'] as const,
    registers: [this.registry],
  });
  readonly #latency = new Histogram({
    name: 'argmin_request_duration_seconds',
    help: 'Time from a prediction request to its answer (validation, queueing, prediction)',
    labelNames: ['model', 'version'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly #batchSize = new Histogram({
    name: 'argmin_batch_rows',
    help: 'Rows per predicted batch',
    labelNames: ['model', 'version'] as const,
    buckets: BATCH_BUCKETS,
    registers: [this.registry],
  });
  readonly #batchLimit = new Gauge({
    name: 'argmin_batch_limit_rows',
    help: 'Current adaptive batch limit',
    aggregator: 'average',
    labelNames: ['model', 'version'] as const,
    registers: [this.registry],
  });
  readonly #queued = new Gauge({
    name: 'argmin_queue_rows',
    help: 'Rows waiting to be predicted after the last batch',
    labelNames: ['model', 'version'] as const,
    registers: [this.registry],
  });
  readonly #cache = new Counter({
    name: 'argmin_cache_lookups_total',
    help: 'Prediction cache lookups by result (hit or miss)',
    labelNames: ['model', 'version', 'result'] as const,
    registers: [this.registry],
  });
  readonly #errors = new Counter({
    name: 'argmin_errors_total',
    help: 'Failed prediction requests by kind: validation (400), shed (503), internal (500)',
    labelNames: ['model', 'version', 'kind'] as const,
    registers: [this.registry],
  });
  readonly swaps = new Counter({
    name: 'argmin_model_swaps_total',
    help: 'Hot swaps to a new version after an alias moved',
    labelNames: ['model'] as const,
    registers: [this.registry],
  });
  readonly loadSeconds = new Histogram({
    name: 'argmin_model_load_seconds',
    help: 'Time to load and warm a model version',
    labelNames: ['model'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly logDropped = new Counter({
    name: 'argmin_prediction_log_dropped_total',
    help: 'Prediction log records dropped because the store could not keep up',
    registers: [this.registry],
  });
  /** Where `argmin_cache_hit_ratio` reads the ratio when scraped. */
  cacheHitRatio: () => number = () => 0;
  readonly #cacheRatio: Gauge = new Gauge({
    name: 'argmin_cache_hit_ratio',
    help: 'Prediction cache hits / lookups since start',
    aggregator: 'average',
    registers: [this.registry],
    collect: (): void => this.#cacheRatio.set(this.cacheHitRatio()),
  });

  /** Handles for one model version (`version` is '' for a model served from a file). */
  forVersion(model: string, version: string): VersionMetrics {
    const labels: Labels = { model, version };
    const latency = this.#latency.labels(labels);
    const batchSize = this.#batchSize.labels(labels);
    const batchLimit = this.#batchLimit.labels(labels);
    const queued = this.#queued.labels(labels);
    const hit = this.#cache.labels({ ...labels, result: 'hit' });
    const miss = this.#cache.labels({ ...labels, result: 'miss' });
    const byStatus = new Map<number, Counter.Internal>();
    return {
      request: (status, seconds) => {
        let counter = byStatus.get(status);
        if (counter === undefined) {
          counter = this.#requests.labels({ ...labels, status: String(status) });
          byStatus.set(status, counter);
        }
        counter.inc();
        latency.observe(seconds);
      },
      batch: (rows, limit, queuedRows) => {
        batchSize.observe(rows);
        batchLimit.set(limit);
        queued.set(queuedRows);
      },
      cache: (isHit) => (isHit ? hit : miss).inc(),
      error: (kind) => this.#errors.labels({ ...labels, kind }).inc(),
    };
  }

  /** A request that never reached a model (unknown model, malformed body). */
  unrouted(status: number): void {
    this.#requests.labels({ model: '', version: '', status: String(status) }).inc();
  }
}
