import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../src/data/index.js';
import { linearPreprocessor, Pipeline } from '../../src/features/index.js';
import { LogisticRegression } from '../../src/learners/index.js';
import { saveModel } from '../../src/model/index.js';
import type { CreditModels } from '../serve/serve-fixture.js';
import { creditModels, registerCredit } from '../serve/serve-fixture.js';
import { openStore } from '../../src/store/index.js';
import { runArgmin, stopChildren } from './cli-child.js';

/** Column names and DuckDB types of a Parquet file, and its rows. */
async function parquetContents(path: string) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  const types = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM '${path}'`))
    .getRows()
    .map((r) => `${String(r[0])} ${String(r[1])}`);
  const rows = (await connection.runAndReadAll(`SELECT * FROM '${path}'`)).getRows();
  connection.closeSync();
  return { types, rows };
}

const dir = mkdtempSync(join(tmpdir(), 'argmin-predict-cli-'));
const credit = 'examples/data/credit.csv';
let models: CreditModels;

beforeAll(async () => {
  models = await creditModels();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A test that fails before stopping its argmin process must not leave it running.
afterEach(stopChildren);

describe('argmin predict (batch scoring)', () => {
  it('scores a CSV in chunks exactly as the pipeline scores the whole table, with progress', async () => {
    const whole = join(dir, 'whole.csv');
    const chunked = join(dir, 'chunked.csv');
    const a = await runArgmin([
      'predict',
      models.gbdtPath,
      '--input',
      credit,
      '--output',
      whole,
      '--proba',
      '--threads',
      '1',
    ]).done;
    const b = await runArgmin([
      'predict',
      models.gbdtPath,
      '--input',
      credit,
      '--output',
      chunked,
      '--proba',
      '--chunk-size',
      '100',
      '--threads',
      '3',
    ]).done;
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(b.stderr).toMatch(/Wrote 4,454 predictions to .*chunked\.csv .*rows\/s/);
    const lines = readFileSync(whole, 'utf8').trim().split('\n');
    expect(readFileSync(chunked, 'utf8')).toBe(readFileSync(whole, 'utf8'));
    expect(lines[0]).toBe('predicted_Status,proba_bad,proba_good');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(models.gbdt.predict(models.frame));
    const proba = models.gbdt.predictProba(models.frame).proba.data;
    const [bad, good] = lines[1].split(',').slice(1).map(Number);
    expect(bad).toBeCloseTo(proba[0], 12);
    expect(bad + good).toBeCloseTo(1, 12);
    const sums = lines.slice(1).map((l) => {
      const [, p, q] = l.split(',').map(Number);
      return p + q;
    });
    expect(sums.every((sum) => Math.abs(sum - 1) < 1e-12)).toBe(true);
    const rows = lines.slice(1).map((l) => l.split(',').slice(1).map(Number));
    expect(rows.every(([p], i) => Math.abs(p - proba[2 * i]) < 1e-12)).toBe(true);
  });

  it('takes the data as a positional argument too, writing CSV to standard output', async () => {
    const viaOption = await runArgmin(['predict', models.gbdtPath, '--input', credit]).done;
    const positional = await runArgmin([
      'predict',
      models.gbdtPath,
      credit,
      '--threads',
      '1',
      '--chunk-size',
      '999',
    ]).done;
    expect([viaOption.code, positional.code]).toEqual([0, 0]);
    expect(positional.stdout).toBe(viaOption.stdout);
    expect(positional.stdout.trim().split('\n')).toEqual([
      'predicted_Status',
      ...models.gbdt.predict(models.frame),
    ]);
    expect(positional.stderr).toMatch(/Wrote 4,454 predictions to standard output/);
    const both = await runArgmin(['predict', models.gbdtPath, credit, '--input', credit]).done;
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/given twice/);
  });

  it('copies --keep columns in front of the predictions, as written', async () => {
    const out = join(dir, 'kept.csv');
    const result = await runArgmin([
      'predict',
      models.gbdtPath,
      '--input',
      credit,
      '--output',
      out,
      '--keep',
      'Home,Age,Income',
      '--chunk-size',
      '700',
    ]).done;
    expect(result.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('Home,Age,Income,predicted_Status');
    const source = readFileSync(credit, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    // Home is quoted in the file; Age and Income are numbers (Income has missing values).
    const predicted = models.gbdt.predict(models.frame);
    const expected = source.map(
      (f, i) => `${f[2].replaceAll('"', '')},${f[4]},${f[9]},${predicted[i]}`,
    );
    expect(lines.slice(1)).toEqual(expected);
    expect(lines.some((l) => /^\w+,\d+,,/.test(l))).toBe(true);
    const unknown = await runArgmin(['predict', models.gbdtPath, credit, '--keep', 'Nope']).done;
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no column "Nope" to keep/);
    const clash = await runArgmin([
      'predict',
      models.gbdtPath,
      credit,
      '--keep',
      'predicted_Status',
    ]).done;
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/"predicted_Status", which is also an output column/);
  });

  it('scores a registered model resolved through the store, on threads', async () => {
    const storeUri = `sqlite:${join(dir, 'argmin.db')}`;
    const store = await openStore(storeUri, { handleExit: false });
    await registerCredit(store, models);
    await store.close();
    const out = join(dir, 'registered.csv');
    const result = await runArgmin([
      'predict',
      'models:/credit@challenger',
      '--store',
      storeUri,
      '--input',
      credit,
      '--output',
      out,
      '--chunk-size',
      '500',
    ]).done;
    expect(result.code).toBe(0);
    const labels = readFileSync(out, 'utf8').trim().split('\n').slice(1);
    expect(labels).toEqual(models.logistic.predict(models.frame));
  });

  it('reads Parquet and writes Parquet', async () => {
    const parquet = join(dir, 'credit.parquet');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    await connection.run(
      `COPY (SELECT * FROM read_csv('${credit}', types={'Records': 'VARCHAR'})) TO '${parquet}' (FORMAT parquet)`,
    );
    connection.closeSync();
    const out = join(dir, 'predictions.parquet');
    const result = await runArgmin([
      'predict',
      models.logisticPath,
      '-i',
      parquet,
      '-o',
      out,
      '--chunk-size',
      '1000',
    ]).done;
    expect(result.code).toBe(0);
    const back = await readTable(out);
    expect(back.rows).toBe(4454);
    const labels = back.column('predicted_Status');
    expect(labels.kind).toBe('categorical');
    if (labels.kind !== 'categorical') return;
    expect(Array.from(labels.codes, (c) => labels.levels[c])).toEqual(
      models.logistic.predict(models.frame),
    );
    // Parquet in, CSV out: the same labels.
    const csvOut = join(dir, 'from-parquet.csv');
    const fromParquet = await runArgmin(['predict', models.gbdtPath, '-i', parquet, '-o', csvOut])
      .done;
    expect(fromParquet.code).toBe(0);
    expect(readFileSync(csvOut, 'utf8').trim().split('\n').slice(1)).toEqual(
      models.gbdt.predict(models.frame),
    );
  });

  it('keeps labels that look like booleans or numbers as text in Parquet', async () => {
    // Target Records: labels "no" and "yes", which DuckDB's CSV sniffer would make booleans.
    const frame = await readTable(credit, { target: 'Records' });
    const pipeline = new Pipeline({
      preprocessor: linearPreprocessor(frame, frame.featureNames),
      learner: new LogisticRegression(),
    }).fit(frame, 'Records');
    const model = join(dir, 'records.argmin');
    await saveModel(pipeline, model);
    const out = join(dir, 'records.parquet');
    const result = await runArgmin([
      'predict',
      model,
      '-i',
      credit,
      '-o',
      out,
      '--proba',
      '--keep',
      'Age',
      '--chunk-size',
      '1000',
    ]).done;
    expect(result.code).toBe(0);
    const { types, rows } = await parquetContents(out);
    expect(types).toEqual([
      'Age VARCHAR',
      'predicted_Records VARCHAR',
      'proba_no DOUBLE',
      'proba_yes DOUBLE',
    ]);
    expect(rows.map((r) => r[1])).toEqual(pipeline.predict(frame));
    expect(rows[0][0]).toBe('30');
    const proba = pipeline.predictProba(frame).proba.data;
    expect(rows.every((r, i) => Math.abs((r[3] as number) - proba[2 * i + 1]) < 1e-12)).toBe(true);
  });

  it('writes the header for an input without rows', async () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, `${readFileSync(credit, 'utf8').split('\n')[0]}\n`);
    const csvOut = join(dir, 'empty-out.csv');
    const a = await runArgmin(['predict', models.gbdtPath, '-i', empty, '-o', csvOut, '--proba'])
      .done;
    expect(a.code).toBe(0);
    expect(readFileSync(csvOut, 'utf8')).toBe('predicted_Status,proba_bad,proba_good\n');
    const parquetOut = join(dir, 'empty-out.parquet');
    const b = await runArgmin(['predict', models.gbdtPath, '-i', empty, '-o', parquetOut]).done;
    expect(b.code).toBe(0);
    const { types, rows } = await parquetContents(parquetOut);
    expect(types).toEqual(['predicted_Status VARCHAR']);
    expect(rows).toEqual([]);
  });

  it('says which column the input lacks, and refuses unknown output formats', async () => {
    const lacking = join(dir, 'lacking.csv');
    const text = readFileSync(credit, 'utf8').split('\n');
    writeFileSync(lacking, text.map((l) => l.split(',').slice(0, 5).join(',')).join('\n'));
    const missing = await runArgmin(['predict', models.gbdtPath, '--input', lacking]).done;
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /lacking\.csv, column "Marital": the model needs columns "Marital", "Records", .*which the file lacks/,
    );
    const absent = await runArgmin(['predict', models.gbdtPath, '-i', join(dir, 'nope.csv')]).done;
    expect(absent.code).toBe(1);
    expect(absent.stderr).toMatch(/nope\.csv: file not found/);
    const xlsx = join(dir, 'credit.xlsx');
    writeFileSync(xlsx, readFileSync(credit));
    const extension = await runArgmin(['predict', models.gbdtPath, '-i', xlsx]).done;
    expect(extension.code).toBe(1);
    expect(extension.stderr).toMatch(/credit\.xlsx: cannot tell the format/);
    const unwritable = await runArgmin([
      'predict',
      models.gbdtPath,
      '-i',
      credit,
      '-o',
      join(dir, 'no-such-folder', 'out.parquet'),
    ]).done;
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/"--output" is .*out\.parquet", which cannot be written/);
    expect(unwritable.stderr).not.toMatch(/node:events|Unhandled/);
    const format = await runArgmin([
      'predict',
      models.gbdtPath,
      '--input',
      credit,
      '-o',
      join(dir, 'x.xlsx'),
    ]).done;
    expect(format.code).toBe(1);
    expect(format.stderr).toMatch(/\.csv or \.parquet/);
    const none = await runArgmin(['predict', models.gbdtPath]).done;
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/--input/);
  });

  it('leaves no temporary file and keeps an earlier output when the input fails midway', async () => {
    const bad = join(dir, 'bad-row.csv');
    const text = readFileSync(credit, 'utf8').trimEnd();
    writeFileSync(
      bad,
      `${text}\n"good",abc,"rent",60,30,"married","no","freelance",73,129,0,0,800,846\n`,
    );
    const out = join(dir, 'kept-output.parquet');
    writeFileSync(out, 'earlier');
    const result = await runArgmin([
      'predict',
      models.gbdtPath,
      '-i',
      bad,
      '-o',
      out,
      '--chunk-size',
      '100',
    ]).done;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad-row\.csv, line 4456, column "Seniority"/);
    expect(readFileSync(out, 'utf8')).toBe('earlier');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp.'))).toEqual([]);
  });

  it('cleans up on Ctrl-C', async () => {
    const big = join(dir, 'big.csv');
    const [head, ...body] = readFileSync(credit, 'utf8').trimEnd().split('\n');
    writeFileSync(big, [head, ...Array.from({ length: 40 }, () => body).flat()].join('\n'));
    const out = join(dir, 'interrupted.parquet');
    const child = runArgmin([
      'predict',
      models.gbdtPath,
      '-i',
      big,
      '-o',
      out,
      '--chunk-size',
      '50',
      '--threads',
      '1',
    ]);
    const temporary = () => readdirSync(dir).filter((f) => f.startsWith('interrupted.parquet.'));
    while (temporary().length === 0) await sleep(20);
    child.interrupt();
    const result = await child.done;
    expect(result.code).toBe(130);
    expect(temporary()).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });
});
