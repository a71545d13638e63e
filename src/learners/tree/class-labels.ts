/** Sorted distinct labels of y and each row's index among them. */
export function encodeClasses(y: Float64Array): { classes: Float64Array; codes: Int32Array } {
  const classes = Float64Array.from(new Set(y)).sort();
  const lookup = new Map<number, number>();
  classes.forEach((label, k) => lookup.set(label, k));
  const codes = new Int32Array(y.length);
  for (let i = 0; i < y.length; i++) codes[i] = lookup.get(y[i]) as number;
  return { classes, codes };
}

/** The label of each row's most probable class (the first on ties), from rows × K probabilities. */
export function mostProbableLabels(
  probabilities: Float64Array,
  classes: Float64Array,
): Float64Array {
  const K = classes.length;
  const rows = probabilities.length / K;
  const labels = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let k = 1; k < K; k++)
      if (probabilities[i * K + k] > probabilities[i * K + best]) best = k;
    labels[i] = classes[best];
  }
  return labels;
}
