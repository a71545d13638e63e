import pc from 'picocolors';
import type { Frame } from '../data/frame.js';
import { checkFeatures, readTable, validateTarget } from '../data/index.js';
import { detectTask } from '../automl/tune/prepare-data.js';
import type { Task } from '../learners/index.js';

export interface DataOptions {
  readonly target: string;
  readonly ignore?: string[];
  readonly id?: string[];
  readonly nullValues?: string[];
  readonly task?: Task;
}

/** Reads a table with the target's role set, checks it can be learned and says what was read. */
export async function readTrainingData(
  path: string,
  options: DataOptions,
  log: (line: string) => void,
): Promise<{ frame: Frame; task: Task }> {
  const started = Date.now();
  const frame = await readTable(path, {
    target: options.target,
    ...(options.ignore ? { ignore: options.ignore } : {}),
    ...(options.id ? { id: options.id } : {}),
    ...(options.nullValues ? { nullValues: options.nullValues } : {}),
  });
  const task = options.task ?? detectTask(frame, options.target);
  validateTarget(frame, options.target, task);
  checkFeatures(frame);
  log(
    `${pc.bold('Read')} ${path}: ${frame.rows} rows × ${frame.columns.length} columns in ${((Date.now() - started) / 1000).toFixed(2)} s; ` +
      `target ${pc.bold(options.target)} → ${task}`,
  );
  return { frame, task };
}
