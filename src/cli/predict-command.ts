import { createWriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { streamTable } from '../data/index.js';
import { DuckDBSession } from '../data/read/duckdb-session.js';
import { quoteLiteral } from '../data/read/sql.js';
import { InvalidParameterError } from '../errors.js';
import { loadModel as loadArtifact } from '../model/index.js';
import { Registry } from '../registry/index.js';
import { openStore } from '../store/index.js';
import { positiveInteger } from './option-parsers.js';
import { scoreCsv } from './score-csv.js';
import { ParallelScorer } from './parallel-scorer.js';

interface PredictOptions {
  input?: string;
  output?: string;
  proba?: boolean;
  store?: string;
  chunkSize: number;
  threads: number;
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
    .option('--chunk-size <rows>', 'rows scored at a time', positiveInteger('--chunk-size'), 25_000)
    .option(
      '--threads <n>',
      'threads scoring chunks side by side (default: the cores)',
      positiveInteger('--threads'),
      availableParallelism(),
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
      const { pipeline, manifest, path } = await locate(modelPath, options.store);
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
      const proba = options.proba === true;
      const scorer =
        options.threads > 1 ? await ParallelScorer.open(path, options.threads) : undefined;
      try {
        // Up to one chunk per thread in flight; written back in order.
        const inFlight: { rows: number; text: Promise<string> }[] = [];
        const writeOldest = async () => {
          const oldest = inFlight.shift() as { rows: number; text: Promise<string> };
          await write(sink, await oldest.text);
          progress.add(oldest.rows);
        };
        let header = true;
        for await (const frame of stream) {
          const rows = frame.rows;
          const text =
            scorer === undefined
              ? Promise.resolve(scoreCsv(pipeline, frame, { proba, header }))
              : scorer.score(frame, { proba, header });
          header = false;
          // Handled when written; this keeps a failure meanwhile from counting as unhandled.
          text.catch(() => undefined);
          inFlight.push({ rows, text });
          if (inFlight.length > options.threads) await writeOldest();
        }
        while (inFlight.length > 0) await writeOldest();
        if (sink !== process.stdout) await closeStream(sink);
        if (parquet) await csvToParquet(csvPath as string, output as string);
      } catch (error) {
        // No half-written output left behind to be mistaken for a complete one.
        if (sink !== process.stdout) sink.destroy();
        if (output !== undefined) await rm(output, { force: true });
        throw error;
      } finally {
        await scorer?.close();
        stream.close();
        if (parquet) await rm(csvPath as string, { force: true });
      }
      progress.done(output);
    });
}

/** Writes, waiting for the stream to drain when its buffer is full (bounded memory). */
function write(sink: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (sink.write(text)) {
      resolve();
      return;
    }
    const drained = () => {
      sink.off('error', failed);
      resolve();
    };
    const failed = (error: Error) => {
      sink.off('drain', drained);
      reject(error);
    };
    sink.once('drain', drained);
    sink.once('error', failed);
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

/**
 * A model file, or a `models:/` reference resolved in the given store (default store otherwise),
 * loaded, with the local path of its artifact (scoring threads load it again from there).
 */
async function locate(modelPath: string, storeUri: string | undefined) {
  if (!modelPath.startsWith('models:/'))
    return { ...(await loadArtifact(modelPath)), path: modelPath };
  const store = await openStore(storeUri, { handleExit: false });
  try {
    const registry = new Registry(store);
    const path = await registry.artifactPath(await registry.resolve(modelPath));
    return { ...(await loadArtifact(path)), path };
  } finally {
    await store.close();
  }
}
