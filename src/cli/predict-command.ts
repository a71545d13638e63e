import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { streamTable } from '../data/index.js';
import { DuckDBSession } from '../data/read/duckdb-session.js';
import { quoteLiteral } from '../data/read/sql.js';
import { InvalidParameterError } from '../errors.js';
import { labelsFromProba } from '../features/index.js';
import { loadModel } from '../registry/index.js';
import { openStore } from '../store/index.js';
import { positiveInteger } from './option-parsers.js';

interface PredictOptions {
  input?: string;
  output?: string;
  proba?: boolean;
  store?: string;
  chunkSize: number;
}

/** CSV field: quoted when it holds a delimiter, quote or newline. */
function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function registerPredictCommand(program: Command): void {
  program
    .command('predict')
    .description(
      'score a table with a saved or registered model, in chunks (CSV or Parquet in and out)',
    )
    .argument(
      '<model>',
      'model file (.argmin) or directory written by `argmin cv --save` or saveModel(), or models:/name@alias',
    )
    .argument('[data]', 'input table (same as --input)')
    .option('-i, --input <path>', "CSV, Parquet or JSON file with the model's input columns")
    .option(
      '-o, --output <path>',
      'write here (.csv or .parquet) instead of CSV on standard output',
    )
    .option('--proba', 'add one probability column per class (classifiers)')
    .option('--store <uri>', 'store holding the registry for models:/ references')
    .option(
      '--chunk-size <rows>',
      'rows scored at a time',
      positiveInteger('--chunk-size'),
      100_000,
    )
    .action(async (modelPath: string, data: string | undefined, options: PredictOptions) => {
      if ((data === undefined) === (options.input === undefined))
        throw new InvalidParameterError(
          'argmin predict',
          'input',
          data === undefined
            ? 'is missing; pass --input data.csv (or .parquet)'
            : `is given twice ("${data}" and --input "${options.input}"); pass one`,
        );
      const input = (options.input ?? data) as string;
      const { pipeline, manifest } = await loadFrom(modelPath, options.store);
      const output = options.output;
      const parquet = output !== undefined && /\.parquet$/i.test(output);
      if (output !== undefined && !parquet && !/\.csv$/i.test(output))
        throw new InvalidParameterError(
          'argmin predict',
          '--output',
          `is "${output}"; end it in .csv or .parquet`,
        );
      const stream = await streamTable(input, {
        columns: manifest.signature,
        chunkRows: options.chunkSize,
      });
      const csvPath = parquet ? `${output}.${process.pid}.tmp.csv` : output;
      const sink: Writable =
        csvPath === undefined ? process.stdout : createWriteStream(csvPath, { encoding: 'utf8' });
      const progress = new Progress(stream.rows);
      const classification = manifest.task === 'classification';
      let wroteHeader = false;
      try {
        for await (const frame of stream) {
          const lines: string[] = [];
          if (options.proba && classification) {
            // One pass over the model: labels are the most probable classes.
            const { classes, proba } = pipeline.predictProba(frame);
            const predicted = labelsFromProba(classes, proba);
            if (!wroteHeader)
              lines.push(
                [`predicted_${manifest.target}`, ...classes.map((c) => `proba_${c}`)]
                  .map(csvField)
                  .join(','),
              );
            const k = classes.length;
            for (let i = 0; i < frame.rows; i++) {
              let line = csvField(predicted[i]);
              for (let c = 0; c < k; c++) line += `,${proba.data[i * k + c]}`;
              lines.push(line);
            }
          } else {
            const predicted = pipeline.predict(frame);
            if (!wroteHeader) lines.push(csvField(`predicted_${manifest.target}`));
            for (let i = 0; i < frame.rows; i++) lines.push(csvField(String(predicted[i])));
          }
          wroteHeader = true;
          await write(sink, lines.join('\n') + '\n');
          progress.add(frame.rows);
        }
        if (sink !== process.stdout) await closeStream(sink);
        if (parquet) await csvToParquet(csvPath as string, output as string);
      } catch (error) {
        // No half-written output left behind to be mistaken for a complete one.
        if (sink !== process.stdout) sink.destroy();
        if (output !== undefined) await rm(output, { force: true });
        throw error;
      } finally {
        stream.close();
        if (parquet) await rm(csvPath as string, { force: true });
      }
      progress.done(output);
    });
}

/** Writes, waiting for the stream to drain when its buffer is full (bounded memory). */
function write(sink: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (sink.write(text)) resolve();
    else {
      sink.once('drain', resolve);
      sink.once('error', reject);
    }
  });
}

function closeStream(sink: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    sink.once('error', reject);
    sink.end(resolve);
  });
}

/** The streamed CSV of predictions rewritten as Parquet by DuckDB (it streams too). */
async function csvToParquet(csv: string, parquet: string): Promise<void> {
  const session = await DuckDBSession.open(parquet);
  try {
    await session.run(
      `COPY (SELECT * FROM read_csv(${quoteLiteral(csv)}, header=true, auto_detect=true, sample_size=-1)) TO ${quoteLiteral(parquet)} (FORMAT parquet)`,
      'write the Parquet file',
    );
  } finally {
    session.close();
  }
}

/** Rows done / total, rows per second: redrawn on a terminal, a line every 5 s otherwise. */
class Progress {
  readonly #total: number;
  readonly #started = performance.now();
  readonly #tty = process.stderr.isTTY === true;
  #done = 0;
  #lastPrint = 0;

  constructor(total: number) {
    this.#total = total;
  }

  add(rows: number): void {
    this.#done += rows;
    const now = performance.now();
    if (this.#tty || now - this.#lastPrint > 5000) {
      this.#lastPrint = now;
      const share = this.#total === 0 ? 100 : (100 * this.#done) / this.#total;
      const text = `  ${this.#done.toLocaleString('en-US')} / ${this.#total.toLocaleString('en-US')} rows (${share.toFixed(0)}%), ${this.#rate().toLocaleString('en-US')} rows/s`;
      process.stderr.write(this.#tty ? `\r${text}` : `${text}\n`);
    }
  }

  done(output: string | undefined): void {
    if (this.#tty) process.stderr.write('\r\x1b[K');
    const seconds = (performance.now() - this.#started) / 1000;
    console.error(
      `Wrote ${this.#done.toLocaleString('en-US')} predictions to ${output ?? 'standard output'} in ${seconds.toFixed(1)} s (${this.#rate().toLocaleString('en-US')} rows/s)`,
    );
  }

  #rate(): number {
    const seconds = (performance.now() - this.#started) / 1000;
    return seconds === 0 ? 0 : Math.round(this.#done / seconds);
  }
}

/** A model file, or a `models:/` reference resolved in the given store (default store otherwise). */
async function loadFrom(modelPath: string, storeUri: string | undefined) {
  if (storeUri === undefined || !modelPath.startsWith('models:/')) return loadModel(modelPath);
  const store = await openStore(storeUri, { handleExit: false });
  try {
    return await loadModel(modelPath, { store });
  } finally {
    await store.close();
  }
}
