import type { SerializedObject } from '../../data/serializable.js';
import { Forest } from './forest.js';
import type { ForestClassifierOptions } from './forest-classifier.js';
import { ForestClassifier, resolveForestClassifierOptions } from './forest-classifier.js';

const TYPE = 'RandomForestClassifier';

/**
 * Random forest classifier (scikit-learn's `RandomForestClassifier`): CART trees on bootstrap
 * samples, `sqrt` of the features drawn per node by default; predicts the mean of the trees'
 * class probabilities. Missing values (NaN) follow each split's learned direction. CSR input is
 * densified.
 *
 * @example
 * const forest = new RandomForestClassifier({ nEstimators: 100, oobScore: true, seed: 1 });
 * forest.fit(X, y).predictProba(X);
 * forest.oobScore; // out-of-bag accuracy
 */
export class RandomForestClassifier extends ForestClassifier {
  readonly type = TYPE;
  protected readonly strategy = 'best';

  constructor(options: ForestClassifierOptions = {}) {
    super(resolveForestClassifierOptions(options, { bootstrap: true, maxFeatures: 'sqrt' }));
  }

  static fromJSON(json: SerializedObject): RandomForestClassifier {
    return Forest.restore(
      json,
      TYPE,
      (params) => new RandomForestClassifier(params as ForestClassifierOptions),
    );
  }
}
