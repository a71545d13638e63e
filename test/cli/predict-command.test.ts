import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../src/data/index.js';
import type { CreditModels } from '../serve/serve-fixture.js';
import { creditModels, registerCredit } from '../serve/serve-fixture.js';
import { openStore } from '../../src/store/index.js';
import { runArgmin } from './cli-child.js';

const dir = mkdtempSync(join(tmpdir(), 'argmin-predict-cli-'));
const credit = 'examples/data/credit.csv';
let models: CreditModels;

beforeAll(async () => {
  models = await creditModels();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
  });

  it('says which column the input lacks, and refuses unknown output formats', async () => {
    const lacking = join(dir, 'lacking.csv');
    const text = readFileSync(credit, 'utf8').split('\n');
    writeFileSync(lacking, text.map((l) => l.split(',').slice(0, 5).join(',')).join('\n'));
    const missing = await runArgmin(['predict', models.gbdtPath, '--input', lacking]).done;
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/needs columns "Marital", "Records", .*which the file lacks/);
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
});
