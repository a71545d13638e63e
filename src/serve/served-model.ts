import type { FittedModel } from '../features/index.js';
import { labelsFromProba } from '../features/index.js';
import type { ModelManifest } from '../model/index.js';
import type { BatcherOptions } from './batcher.js';
import { AdaptiveBatcher } from './batcher.js';
import type { EncodedInput, InputCodecOptions } from './input-codec.js';
import { InputCodec } from './input-codec.js';
import type { VersionMetrics } from './server-metrics.js';

/** What a model answers for one request. */
export interface ModelAnswer {
  readonly predictions: (string | number)[];
  /** Classifiers: class labels, the column order of `probabilities`. */
  readonly classes?: readonly string[];
  /** Classifiers: one array of class probabilities per row. */
  readonly probabilities?: number[][];
}

export interface ServedModelOptions {
  readonly name: string;
  /** Registry version; null for a model served from a file. */
  readonly version: number | null;
  /** Where it came from: `credit/3` or a path. */
  readonly source: string;
  readonly model: FittedModel;
  readonly manifest: ModelManifest;
  readonly codec?: InputCodecOptions;
  readonly batching?: BatcherOptions;
  readonly metrics: VersionMetrics;
}

/**
 * One loaded model version as the server holds it: the fitted model, the input codec compiled
 * from its signature, its own batcher (batches never mix versions) and its metric handles.
 * Immutable once built; a hot swap replaces the whole object, so a request that picked it up
 * finishes on it.
 */
export class ServedModel {
  readonly name: string;
  readonly version: number | null;
  readonly source: string;
  readonly model: FittedModel;
  readonly manifest: ModelManifest;
  readonly codec: InputCodec;
  readonly batcher: AdaptiveBatcher<EncodedInput, ModelAnswer>;
  readonly metrics: VersionMetrics;
  /** `credit:3`, or `credit:file`: the prefix of this version's cache keys. */
  readonly id: string;

  constructor(options: ServedModelOptions) {
    this.name = options.name;
    this.version = options.version;
    this.source = options.source;
    this.model = options.model;
    this.manifest = options.manifest;
    this.metrics = options.metrics;
    this.id = `${this.name}:${this.version ?? 'file'}`;
    this.codec = new InputCodec(options.model.signature, options.codec);
    this.batcher = new AdaptiveBatcher(
      (inputs) => this.predictBatch(inputs),
      options.batching,
      (report) => this.metrics.batch(report.rows, report.limit, this.batcher.queuedRows),
    );
  }

  /** The task and, for classifiers, the class labels. */
  get classes(): readonly string[] | undefined {
    return this.model.task === 'classification' ? this.model.classes : undefined;
  }

  /** Predicts one request through the batcher. */
  predict(input: EncodedInput): Promise<ModelAnswer> {
    return this.batcher.submit(input, input.rows);
  }

  /** Predicts several requests in one pass over the model; one answer per request. */
  predictBatch(inputs: readonly EncodedInput[]): ModelAnswer[] {
    const frame = this.codec.frame(inputs);
    const answers: ModelAnswer[] = [];
    if (this.model.task === 'classification') {
      const { classes, proba } = this.model.predictProba(frame);
      const labels = labelsFromProba(classes, proba);
      const k = classes.length;
      let row = 0;
      for (const input of inputs) {
        const probabilities: number[][] = new Array<number[]>(input.rows);
        for (let i = 0; i < input.rows; i++)
          probabilities[i] = Array.from(proba.data.subarray((row + i) * k, (row + i + 1) * k));
        answers.push({ predictions: labels.slice(row, row + input.rows), classes, probabilities });
        row += input.rows;
      }
      return answers;
    }
    const values = this.model.predict(frame) as Float64Array;
    let row = 0;
    for (const input of inputs) {
      answers.push({ predictions: Array.from(values.subarray(row, row + input.rows)) });
      row += input.rows;
    }
    return answers;
  }

  /** Runs a few predictions so the first real request does not pay for lazy set-up. */
  warm(): void {
    const sample = this.codec.sampleInput();
    for (let i = 0; i < 3; i++) this.predictBatch([sample]);
  }
}
