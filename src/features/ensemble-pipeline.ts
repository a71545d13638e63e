import type { Frame } from '../data/frame.js';
import { denseMatrix } from '../data/matrix.js';
import type { DenseMatrix } from '../data/matrix.js';
import type { Serializable, SerializedObject } from '../data/serializable.js';
import { nestSerialized, readEnvelope, unnestSerialized } from '../data/serialized-reader.js';
import { DeserializationError, InvalidParameterError } from '../errors.js';
import type { Estimator, Task } from '../learners/estimator.js';
import type { FittedModel } from './fitted-model.js';
import { Pipeline } from './pipeline.js';
import type { InputSignature } from './signature.js';

const TYPE = 'EnsemblePipeline';

export interface EnsemblePipelineOptions {
  /** Fitted pipelines for the same target and task (and classes). */
  readonly members: readonly Pipeline[];
  /** Non-negative weight per member, not all zero; normalised to sum to 1. */
  readonly weights: readonly number[];
}

/**
 * A weighted average of fitted pipelines — of their class probabilities (classification; the
 * label is the most probable class) or of their values (regression) — as greedy ensemble
 * selection builds it. Each member keeps its own preprocessing, so a boosting model on category
 * codes and a linear model on one-hot columns combine. Saved, loaded and served like a Pipeline.
 *
 * @example
 * const ensemble = new EnsemblePipeline({ members: [boosting, forest], weights: [0.7, 0.3] });
 * ensemble.predictProba(frame);
 */
export class EnsemblePipeline implements FittedModel {
  readonly type = TYPE;
  readonly members: readonly Pipeline[];
  readonly weights: readonly number[];

  constructor(options: EnsemblePipelineOptions) {
    const { members, weights } = options;
    if (!Array.isArray(members) || members.length === 0)
      throw new InvalidParameterError(TYPE, 'members', 'must be a non-empty array of pipelines');
    if (!Array.isArray(weights) || weights.length !== members.length)
      throw new InvalidParameterError(TYPE, 'weights', 'must hold one weight per member');
    if (weights.some((w) => !(w >= 0) || !Number.isFinite(w)))
      throw new InvalidParameterError(TYPE, 'weights', 'must be finite and ≥ 0');
    const total = weights.reduce((s, w) => s + w, 0);
    if (!(total > 0)) throw new InvalidParameterError(TYPE, 'weights', 'must not all be 0');
    const [first] = members;
    for (const member of members) {
      if (member.task !== first.task || member.target !== first.target)
        throw new InvalidParameterError(
          TYPE,
          'members',
          'must share one task and target (all fitted)',
        );
    }
    this.members = Object.freeze([...members]);
    this.weights = Object.freeze(weights.map((w) => w / total));
  }

  get task(): Task {
    return this.members[0].task;
  }

  get target(): string {
    return this.members[0].target;
  }

  get classes(): readonly string[] {
    return this.members[0].classes;
  }

  /**
   * Every column some member reads, each once, in the members' order (every member is fitted
   * on the same table, so a column's kind and levels agree between them).
   */
  get signature(): InputSignature {
    const byName = new Map<string, InputSignature[number]>();
    for (const member of this.members)
      for (const column of member.signature)
        if (!byName.has(column.name)) byName.set(column.name, column);
    return [...byName.values()];
  }

  predict(frame: Frame): string[] | Float64Array {
    if (this.task === 'regression') {
      const out = new Float64Array(frame.rows);
      this.members.forEach((member, m) => {
        const values = member.predict(frame) as Float64Array;
        for (let i = 0; i < out.length; i++) out[i] += this.weights[m] * values[i];
      });
      return out;
    }
    const { classes, proba } = this.predictProba(frame);
    const labels = new Array<string>(frame.rows);
    for (let i = 0; i < frame.rows; i++) {
      let best = 0;
      for (let c = 1; c < proba.cols; c++)
        if (proba.data[i * proba.cols + c] > proba.data[i * proba.cols + best]) best = c;
      labels[i] = classes[best];
    }
    return labels;
  }

  predictProba(frame: Frame): { classes: string[]; proba: DenseMatrix } {
    const classes = [...this.classes];
    const column = new Map(classes.map((c, k) => [c, k]));
    const out = new Float64Array(frame.rows * classes.length);
    this.members.forEach((member, m) => {
      const { classes: memberClasses, proba } = member.predictProba(frame);
      memberClasses.forEach((label, j) => {
        const k = column.get(label) as number;
        for (let i = 0; i < frame.rows; i++)
          out[i * classes.length + k] += this.weights[m] * proba.data[i * proba.cols + j];
      });
    });
    return { classes, proba: denseMatrix(frame.rows, classes.length, out) };
  }

  toJSON(): SerializedObject {
    return {
      type: TYPE,
      params: {
        weights: [...this.weights],
        members: this.members.map((member) => nestSerialized(member.toJSON())) as Serializable[],
      },
      state: null,
    };
  }

  static fromJSON(
    json: SerializedObject,
    restoreLearner: (serialized: SerializedObject) => Estimator,
  ): EnsemblePipeline {
    const { params } = readEnvelope(json, TYPE);
    const weights = params.array('weights');
    if (weights.some((w) => typeof w !== 'number'))
      throw new DeserializationError(TYPE, 'weights must be numbers.');
    const members = params
      .array('members')
      .map((member) => Pipeline.fromJSON(unnestSerialized(TYPE, member), restoreLearner));
    return new EnsemblePipeline({ members, weights: weights as number[] });
  }
}
