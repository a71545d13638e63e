import type { Frame } from '../data/frame.js';
import { denseMatrix } from '../data/matrix.js';
import type { FittedModel } from '../features/index.js';
import { labelsFromProba } from '../features/index.js';

export interface ScoreCsvOptions {
  /** Add one probability column per class (classifiers). */
  readonly proba: boolean;
  /** Start with the header line. */
  readonly header: boolean;
}

/** CSV field: quoted when it holds a delimiter, quote or newline. */
export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Scores a frame and returns its CSV lines (`predicted_<target>`, then `proba_<class>` columns):
 * the unit of work of `argmin predict`, run on the main thread or on a scoring thread — there,
 * formatting millions of numbers is parallel too. With probabilities the model runs once; the
 * labels are the most probable classes.
 */
export function scoreCsv(model: FittedModel, frame: Frame, options: ScoreCsvOptions): string {
  const lines: string[] = [];
  if (options.proba && model.task === 'classification') {
    const { classes, proba } = model.predictProba(frame);
    const k = classes.length;
    const labels = labelsFromProba(classes, denseMatrix(frame.rows, k, proba.data));
    if (options.header)
      lines.push(
        [`predicted_${model.target}`, ...classes.map((c) => `proba_${c}`)].map(csvField).join(','),
      );
    const data = proba.data;
    for (let i = 0; i < frame.rows; i++) {
      let line = csvField(labels[i]);
      for (let c = 0; c < k; c++) line += `,${data[i * k + c]}`;
      lines.push(line);
    }
  } else {
    const predicted = model.predict(frame);
    if (options.header) lines.push(csvField(`predicted_${model.target}`));
    for (let i = 0; i < frame.rows; i++) lines.push(csvField(String(predicted[i])));
  }
  return lines.join('\n') + '\n';
}
