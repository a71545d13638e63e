import type { SerializedObject } from '../../data/serializable.js';
import { Forest } from './forest.js';
import type { ForestClassifierOptions } from './forest-classifier.js';
import { ForestClassifier, resolveForestClassifierOptions } from './forest-classifier.js';

const TYPE = 'ExtraTreesClassifier';

/**
 * Extremely randomised trees (scikit-learn's `ExtraTreesClassifier`): at each node every drawn
 * feature gets one uniform random threshold between its smallest and largest value in the node,
 * and the best of those wins; no bootstrap by default. CSR input is densified.
 *
 * @example
 * const forest = new ExtraTreesClassifier({ nEstimators: 100, seed: 1 }).fit(X, y);
 * forest.predict(X);
 */
export class ExtraTreesClassifier extends ForestClassifier {
  readonly type = TYPE;
  protected readonly strategy = 'random';

  constructor(options: ForestClassifierOptions = {}) {
    super(resolveForestClassifierOptions(options, { bootstrap: false, maxFeatures: 'sqrt' }));
  }

  static fromJSON(json: SerializedObject): ExtraTreesClassifier {
    return Forest.restore(
      json,
      TYPE,
      (params) => new ExtraTreesClassifier(params as ForestClassifierOptions),
    );
  }
}
