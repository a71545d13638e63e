import { createWriteStream, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import type { KeptColumn } from '../data/index.js';
import { streamTable } from '../data/index.js';
import { DuckDBSession } from '../data/read/duckdb-session.js';
import { quoteLiteral } from '../data/read/sql.js';
import { InvalidParameterError } from '../errors.js';
import type { FittedModel } from '../features/index.js';
import { loadModel as loadArtifact } from '../model/index.js';
import { Registry } from '../registry/index.js';
import { openStore } from '../store/index.js';
import { list, positiveInteger } from './option-parsers.js';
import { csvField, scoreCsv } from './score-csv.js';
import { ParallelScorer } from './parallel-scorer.js';

interface PredictOptions {
  input?: string;
  output?: string;
  proba?: boolean;
  store?: string;
  keep?: string[];
  chunkSize: number;
  threads: number;
}

/** One chunk being scored: its rows, its CSV lines to come, and the kept columns' fields. */
interface Pending {
  readonly rows: number;
  readonly text: Promise<string>;
  readonly kept: readonly KeptColumn[];
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
      '--keep <columns>',
      'input columns copied into the output before the predictions (e.g. an id), comma-separated',
      list,
    )
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
      const keep = [...new Set(options.keep ?? [])];
      const proba = options.proba === true && pipeline.task === 'classification';
      const columns = outputColumns(pipeline, proba);
      const clash = keep.find((name) => columns.includes(name));
      if (clash !== undefined)
        throw new InvalidParameterError(
          'argmin predict',
          '--keep',
          `names "${clash}", which is also an output column; rename it in the input`,
        );
      // Kept fields are joined to the scored lines by splitting them at line ends.
      if (
        keep.length > 0 &&
        pipeline.task === 'classification' &&
        pipeline.classes.some((c) => /[\r\n]/.test(c))
      )
        throw new InvalidParameterError(
          'argmin predict',
          '--keep',
          'cannot be used with a model whose class labels hold line breaks',
        );
      const stream = await streamTable(input, {
        columns: manifest.signature,
        chunkRows: options.chunkSize,
        keep,
      });
      const csvPath = parquet ? `${output}.${process.pid}.tmp.csv` : output;
      // Files this run wrote to: on failure or Ctrl-C neither the temporary CSV nor a
      // half-written output is left behind (an earlier output not yet overwritten is kept).
      const touched = new Set<string>();
      const interrupted = () => {
        for (const file of touched) rmSync(file, { force: true });
        process.exit(130);
      };
      process.once('SIGINT', interrupted);
      process.once('SIGTERM', interrupted);
      const progress = new Progress(stream.rows);
      let sink: Writable | undefined;
      let scorer: ParallelScorer | undefined;
      try {
        if (csvPath !== undefined) touched.add(csvPath);
        sink = csvPath === undefined ? process.stdout : await openOutput(csvPath, output as string);
        scorer = options.threads > 1 ? await ParallelScorer.open(path, options.threads) : undefined;
        await write(sink, `${[...keep, ...columns].map(csvField).join(',')}\n`);
        // Up to one chunk per thread in flight; written back in order.
        const inFlight: Pending[] = [];
        const writeOldest = async () => {
          const oldest = inFlight.shift() as Pending;
          const text = await oldest.text;
          await write(sink as Writable, keep.length === 0 ? text : withKept(oldest.kept, text));
          progress.add(oldest.rows);
        };
        const scoring = { proba, header: false };
        for await (const { frame, kept } of stream.chunks()) {
          const rows = frame.rows;
          const text =
            scorer === undefined
              ? Promise.resolve(scoreCsv(pipeline, frame, scoring))
              : scorer.score(frame, scoring);
          // Handled when written; this keeps a failure meanwhile from counting as unhandled.
          text.catch(() => undefined);
          inFlight.push({ rows, text, kept });
          if (inFlight.length > options.threads) await writeOldest();
        }
        while (inFlight.length > 0) await writeOldest();
        if (sink !== process.stdout) await closeStream(sink);
        // The scoring threads' memory is given back before DuckDB writes the Parquet file.
        await scorer?.close();
        scorer = undefined;
        stream.close();
        if (parquet) {
          touched.add(output as string);
          await csvToParquet(csvPath as string, output as string, {
            keep,
            label: columns[0],
            numeric: pipeline.task !== 'classification',
            proba: columns.slice(1),
          });
        }
      } catch (error) {
        // No half-written output left behind to be mistaken for a complete one.
        if (sink !== undefined && sink !== process.stdout) sink.destroy();
        for (const file of touched) await rm(file, { force: true }).catch(() => undefined);
        throw error;
      } finally {
        process.off('SIGINT', interrupted);
        process.off('SIGTERM', interrupted);
        await scorer?.close();
        stream.close();
        if (parquet) await rm(csvPath as string, { force: true }).catch(() => undefined);
      }
      progress.done(output);
    });
}

/** The columns scoring writes (after the kept ones): the prediction, then each class's probability. */
function outputColumns(model: FittedModel, proba: boolean): string[] {
  return [`predicted_${model.target}`, ...(proba ? model.classes.map((c) => `proba_${c}`) : [])];
}

/** The chunk's scored lines, each after the same row's kept fields. */
function withKept(kept: readonly KeptColumn[], text: string): string {
  const lines = text.split('\n');
  const out = new Array<string>(lines.length - 1);
  for (let i = 0; i < out.length; i++) {
    let line = '';
    for (const column of kept) line += `${csvField(column.values[i] ?? '')},`;
    out[i] = line + lines[i];
  }
  return `${out.join('\n')}\n`;
}

/** A file stream for the output, once it is open (a bad path is an error here, not a crash). */
async function openOutput(path: string, output: string): Promise<Writable> {
  const sink = createWriteStream(path, { encoding: 'utf8' });
  try {
    await new Promise<void>((resolve, reject) => {
      sink.once('open', () => resolve());
      sink.once('error', reject);
    });
  } catch (error) {
    throw new InvalidParameterError(
      'argmin predict',
      '--output',
      `is "${output}", which cannot be written (${(error as Error).message})`,
    );
  }
  return sink;
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

interface OutputColumns {
  readonly keep: readonly string[];
  readonly label: string;
  /** Whether the prediction is a number (regression) rather than a class label. */
  readonly numeric: boolean;
  readonly proba: readonly string[];
}

/**
 * The streamed CSV of predictions rewritten as Parquet by DuckDB (it streams too), with the
 * column types given rather than sniffed: labels stay text ("yes", "1") and no pass over the
 * whole file is spent guessing.
 */
async function csvToParquet(csv: string, parquet: string, columns: OutputColumns): Promise<void> {
  const types: [string, string][] = [
    ...columns.keep.map((name): [string, string] => [name, 'VARCHAR']),
    [columns.label, columns.numeric ? 'DOUBLE' : 'VARCHAR'],
    ...columns.proba.map((name): [string, string] => [name, 'DOUBLE']),
  ];
  const struct = types.map(([name, type]) => `${quoteLiteral(name)}: '${type}'`).join(', ');
  // The single-threaded database: two threads buffer about twice the memory, and memory that
  // grows with the file is what streaming avoids; it costs ~0.1 s per million rows.
  const session = await DuckDBSession.open(parquet, true);
  try {
    await session.run(
      `COPY (SELECT * FROM read_csv(${quoteLiteral(csv)}, header=true, auto_detect=false, delim=',', quote='"', escape='"', columns={${struct}})) TO ${quoteLiteral(parquet)} (FORMAT parquet)`,
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
      const elapsed = (now - this.#started) / 1000;
      const text = `  ${this.#done.toLocaleString('en-US')} / ${this.#total.toLocaleString('en-US')} rows (${share.toFixed(0)}%), ${this.#rate().toLocaleString('en-US')} rows/s, ${elapsed.toFixed(1)} s`;
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
