import type { Frame } from '../data/frame.js';
import type { DenseMatrix } from '../data/matrix.js';
import type { SerializedObject } from '../data/serializable.js';
import {
  DataValidationError,
  DeserializationError,
  InvalidParameterError,
  NotFittedError,
  SchemaMismatchError,
  ShapeMismatchError,
} from '../errors.js';
import type { Estimator, Task } from '../learners/estimator.js';
import { isClassifier } from '../learners/estimator.js';
import { ColumnTransformer } from './column-transformer.js';
import { nestSerialized, readEnvelope, unnestSerialized } from '../data/serialized-reader.js';
import type { InputSignature } from './signature.js';
import { captureSignature, readSignature, signatureProblems, writeSignature } from './signature.js';
import { encodeTarget } from './target-encoding.js';

export interface PipelineOptions {
  readonly preprocessor: ColumnTransformer;
  readonly learner: Estimator;
}

export interface PipelineFitOptions {
  /** Non-negative weight per row of the training frame. */
  readonly sampleWeight?: Float64Array;
}

const TYPE = 'Pipeline';

interface State {
  readonly target: string;
  readonly task: Task;
  /** Class labels in code order (classification only). */
  readonly classes: readonly string[] | null;
  readonly signature: InputSignature;
}

/**
 * A preprocessor and a learner fitted together on a Frame: the unit that is tuned, saved,
 * registered and served. At fit it records the input signature; prediction checks new frames
 * against it and reports every mismatch at once.
 *
 * @example
 * const pipeline = new Pipeline({ preprocessor: linearPreprocessor(frame, features), learner: new LogisticRegression() });
 * pipeline.fit(frame, 'Status').predict(newApplicants); // ['good', 'bad', ...]
 */
export class Pipeline {
  readonly type = TYPE;
  readonly preprocessor: ColumnTransformer;
  readonly learner: Estimator;
  #state: State | undefined;

  constructor(options: PipelineOptions) {
    this.preprocessor = options?.preprocessor;
    this.learner = options?.learner;
  }

  get isFitted(): boolean {
    return this.#state !== undefined;
  }

  get task(): Task {
    return this.learner.task;
  }

  /** Class labels, in the column order of `predictProba` (classification only). */
  get classes(): readonly string[] {
    const state = this.#fitted();
    if (state.classes === null)
      throw new InvalidParameterError(TYPE, 'learner', 'is a regressor, which has no classes');
    return state.classes;
  }

  get signature(): InputSignature {
    return this.#fitted().signature;
  }

  get target(): string {
    return this.#fitted().target;
  }

  fit(frame: Frame, target: string, options: PipelineFitOptions = {}): this {
    if (!(this.preprocessor instanceof ColumnTransformer))
      throw new InvalidParameterError(TYPE, 'preprocessor', 'must be a ColumnTransformer');
    if (typeof this.learner?.fit !== 'function')
      throw new InvalidParameterError(TYPE, 'learner', 'must be an Estimator');
    if (!frame.has(target)) {
      throw new DataValidationError(
        { file: frame.source, column: target },
        `the target column is not in the frame; columns are: ${frame.columnNames.join(', ')}.`,
      );
    }
    const weights = options.sampleWeight;
    if (weights !== undefined && weights.length !== frame.rows) {
      throw new ShapeMismatchError(
        `sampleWeight has ${weights.length} values but the frame has ${frame.rows} rows`,
      );
    }
    this.#state = undefined;
    const features = frame.featureNames.filter((name) => name !== target);
    const task = this.learner.task;
    const { y, classes } = encodeTarget(frame, target, task);
    const inputs = frame.select(features);
    const X = this.preprocessor.fit(inputs).transform(inputs);
    const categoricalFeatures = this.preprocessor.categoricalFeatures;
    this.learner.fit(X, y, {
      ...(weights === undefined ? {} : { sampleWeight: weights }),
      ...(categoricalFeatures.length > 0 ? { categoricalFeatures } : {}),
    });
    // Only the columns the preprocessor reads: a column no group selects is not asked of
    // callers (a served model would otherwise demand it in every request).
    const used = new Set(this.preprocessor.inputColumns);
    const signature = captureSignature(
      frame,
      features.filter((name) => used.has(name)),
    );
    this.#state = { target, task, classes, signature };
    return this;
  }

  /** Class labels (classification) or values (regression), one per row. */
  predict(frame: Frame): string[] | Float64Array {
    const state = this.#fitted();
    const predicted = this.learner.predict(this.#features(frame, state));
    if (state.classes === null) return predicted;
    const labels = new Array<string>(predicted.length);
    for (let i = 0; i < predicted.length; i++) labels[i] = state.classes[predicted[i]];
    return labels;
  }

  /** Class probabilities, one column per entry of `classes`. */
  predictProba(frame: Frame): { classes: string[]; proba: DenseMatrix } {
    const state = this.#fitted();
    const learner = this.learner;
    if (state.classes === null || !isClassifier(learner))
      throw new InvalidParameterError(
        TYPE,
        'learner',
        'is a regressor; predictProba needs a classifier',
      );
    const proba = learner.predictProba(this.#features(frame, state));
    const classes = Array.from(
      learner.classes,
      (code) => (state.classes as readonly string[])[code],
    );
    return { classes, proba };
  }

  #features(frame: Frame, state: State) {
    const problems = signatureProblems(frame, state.signature);
    if (problems.length > 0) throw new SchemaMismatchError(problems);
    return this.preprocessor.transform(frame.select(state.signature.map((c) => c.name)));
  }

  toJSON(): SerializedObject {
    const s = this.#state;
    return {
      type: TYPE,
      params: {
        preprocessor: nestSerialized(this.preprocessor.toJSON()),
        learner: nestSerialized(this.learner.toJSON()),
      },
      state:
        s === undefined
          ? null
          : {
              target: s.target,
              task: s.task,
              classes: s.classes === null ? null : [...s.classes],
              signature: writeSignature(s.signature),
            },
    };
  }

  /**
   * Restores a pipeline; `restoreLearner` turns the learner's serialized form back into an
   * Estimator (the learner registry lives outside this folder).
   */
  static fromJSON(
    json: SerializedObject,
    restoreLearner: (serialized: SerializedObject) => Estimator,
  ): Pipeline {
    const { params, state } = readEnvelope(json, TYPE);
    const pipeline = new Pipeline({
      preprocessor: ColumnTransformer.fromJSON(unnestSerialized(TYPE, params.raw('preprocessor'))),
      learner: restoreLearner(unnestSerialized(TYPE, params.raw('learner'))),
    });
    if (state !== null) {
      const task = state.string('task');
      if (task !== 'classification' && task !== 'regression')
        throw new DeserializationError(TYPE, `unknown task "${task}".`);
      pipeline.#state = {
        target: state.string('target'),
        task,
        classes: state.optionalStrings('classes'),
        signature: readSignature(TYPE, state),
      };
    }
    return pipeline;
  }

  #fitted(): State {
    if (this.#state === undefined) throw new NotFittedError(TYPE);
    return this.#state;
  }
}
