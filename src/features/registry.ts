import type { SerializedObject } from '../data/serializable.js';
import { DeserializationError } from '../errors.js';
import { DateParts } from './date-parts.js';
import { FeatureHasher } from './feature-hasher.js';
import { KBinsDiscretizer } from './kbins-discretizer.js';
import { MinMaxScaler } from './min-max-scaler.js';
import { NumericVectorizer } from './numeric-vectorizer.js';
import { OneHotEncoder } from './one-hot-encoder.js';
import { OrdinalEncoder } from './ordinal-encoder.js';
import { Recode } from './recode.js';
import { SimpleImputer } from './simple-imputer.js';
import { StandardScaler } from './standard-scaler.js';
import type { Transformer } from './transformer.js';
import type { Vectorizer } from './vectorizer.js';

const TRANSFORMERS: ReadonlyMap<string, (json: SerializedObject) => Transformer> = new Map<
  string,
  (json: SerializedObject) => Transformer
>([
  ['SimpleImputer', SimpleImputer.fromJSON],
  ['StandardScaler', StandardScaler.fromJSON],
  ['MinMaxScaler', MinMaxScaler.fromJSON],
  ['OrdinalEncoder', OrdinalEncoder.fromJSON],
  ['Recode', Recode.fromJSON],
  ['KBinsDiscretizer', KBinsDiscretizer.fromJSON],
  ['DateParts', DateParts.fromJSON],
]);

const VECTORIZERS: ReadonlyMap<string, (json: SerializedObject) => Vectorizer> = new Map<
  string,
  (json: SerializedObject) => Vectorizer
>([
  ['OneHotEncoder', OneHotEncoder.fromJSON],
  ['FeatureHasher', FeatureHasher.fromJSON],
  ['NumericVectorizer', NumericVectorizer.fromJSON],
]);

function typeOf(json: SerializedObject): string {
  return typeof json === 'object' && json !== null && typeof json.type === 'string'
    ? json.type
    : String(json);
}

/**
 * Restores any transformer of this folder from its `toJSON()` output.
 *
 * @example
 * const imputer = transformerFromJSON(new SimpleImputer().fit(frame).toJSON());
 */
export function transformerFromJSON(json: SerializedObject): Transformer {
  const restore = TRANSFORMERS.get(typeOf(json));
  if (restore === undefined) {
    throw new DeserializationError(
      'transformer',
      `unknown type "${typeOf(json)}"; known types are ${[...TRANSFORMERS.keys()].join(', ')}.`,
    );
  }
  return restore(json);
}

/**
 * Restores any vectorizer of this folder from its `toJSON()` output.
 *
 * @example
 * const encoder = vectorizerFromJSON(new OneHotEncoder().fit(frame).toJSON());
 */
export function vectorizerFromJSON(json: SerializedObject): Vectorizer {
  const restore = VECTORIZERS.get(typeOf(json));
  if (restore === undefined) {
    throw new DeserializationError(
      'vectorizer',
      `unknown type "${typeOf(json)}"; known types are ${[...VECTORIZERS.keys()].join(', ')}.`,
    );
  }
  return restore(json);
}
