/**
 * What `toJSON()` of a learner or transformer may contain: plain JSON plus typed arrays (kept as
 * typed arrays so the model artifact can store them as binary, bit for bit) and non-finite numbers.
 */
export type TypedArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int16Array;

export type Serializable =
  | null
  | boolean
  | number
  | string
  | TypedArray
  | readonly Serializable[]
  | { readonly [key: string]: Serializable };

/** The serialized form of a learner or transformer: its registry type, hyper-parameters and learned state. */
// A type alias (not an interface) so that it is assignable to Serializable's index signature.
export type SerializedObject = {
  readonly type: string;
  readonly params: { readonly [key: string]: Serializable };
  /** Learned state; null when not fitted. */
  readonly state: Serializable;
};
