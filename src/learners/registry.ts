import type { SerializedObject } from '../data/serializable.js';
import { DeserializationError } from '../errors.js';
import { GaussianNB, CategoricalNB } from './bayes/index.js';
import { DummyClassifier, DummyRegressor } from './dummy/index.js';
import type { Estimator } from './estimator.js';
import {
  ExtraTreesClassifier,
  ExtraTreesRegressor,
  RandomForestClassifier,
  RandomForestRegressor,
} from './forest/index.js';
import { HistGradientBoostingClassifier, HistGradientBoostingRegressor } from './gbdt/index.js';
import { ElasticNet, Lasso, LinearRegression, LogisticRegression, Ridge } from './linear/index.js';
import { DecisionTreeClassifier, DecisionTreeRegressor } from './tree/index.js';

/**
 * Every learner a model file may name, by its stable `type`. Loading looks names up here and
 * nowhere else: a model file can only ever instantiate these classes.
 */
const LEARNERS: Readonly<Record<string, (json: SerializedObject) => Estimator>> = Object.freeze({
  DummyClassifier: (json) => DummyClassifier.fromJSON(json),
  DummyRegressor: (json) => DummyRegressor.fromJSON(json),
  GaussianNB: (json) => GaussianNB.fromJSON(json),
  CategoricalNB: (json) => CategoricalNB.fromJSON(json),
  LogisticRegression: (json) => LogisticRegression.fromJSON(json),
  LinearRegression: (json) => LinearRegression.fromJSON(json),
  Ridge: (json) => Ridge.fromJSON(json),
  Lasso: (json) => Lasso.fromJSON(json),
  ElasticNet: (json) => ElasticNet.fromJSON(json),
  DecisionTreeClassifier: (json) => DecisionTreeClassifier.fromJSON(json),
  DecisionTreeRegressor: (json) => DecisionTreeRegressor.fromJSON(json),
  RandomForestClassifier: (json) => RandomForestClassifier.fromJSON(json),
  RandomForestRegressor: (json) => RandomForestRegressor.fromJSON(json),
  ExtraTreesClassifier: (json) => ExtraTreesClassifier.fromJSON(json),
  ExtraTreesRegressor: (json) => ExtraTreesRegressor.fromJSON(json),
  HistGradientBoostingClassifier: (json) => HistGradientBoostingClassifier.fromJSON(json),
  HistGradientBoostingRegressor: (json) => HistGradientBoostingRegressor.fromJSON(json),
});

/** Names of every learner that can be restored from JSON. */
export function learnerTypes(): string[] {
  return Object.keys(LEARNERS);
}

/** Restores a learner from its `toJSON()` form; an unknown type is an error, never a code path. */
export function learnerFromJSON(json: SerializedObject): Estimator {
  const restore = Object.hasOwn(LEARNERS, json?.type) ? LEARNERS[json.type] : undefined;
  if (restore === undefined) {
    throw new DeserializationError(
      'learner',
      `unknown learner type ${JSON.stringify(json?.type)}; known types are ${learnerTypes().join(', ')}.`,
    );
  }
  return restore(json);
}
