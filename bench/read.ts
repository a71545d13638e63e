/**
 * Read benchmark: flights-3m.parquet and the four bundled CSVs into Frames, in seconds per
 * million rows (median of 3 after one warm-up read), against pandas.read_csv measured in the
 * same run. Debian has no Python Parquet reader, so pandas reads a CSV export of the flights
 * rows written by DuckDB to the temp folder.
 *
 * Run: npm run bench:read
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { readTable } from '../src/data/read-table.js';
import type { BenchRow } from './report.js';
import { printMarkdown, repoRoot, runAnchor, writeResults } from './report.js';

interface AnchorOutput {
  readonly pandas: string;
  readonly results: Record<string, { seconds: number; rows: number }>;
}

const flightsParquet = join(
  repoRoot,
  'node_modules',
  'vega-datasets',
  'data',
  'flights-3m.parquet',
);
const csvs = ['credit', 'telco_churn', 'ames', 'letters'].map((name) =>
  join(repoRoot, 'examples', 'data', `${name}.csv`),
);

async function medianReadSeconds(path: string): Promise<{ seconds: number; rows: number }> {
  let rows = (await readTable(path)).rows;
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    rows = (await readTable(path)).rows;
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  times.sort((a, b) => a - b);
  return { seconds: times[1], rows };
}

async function exportFlightsCsv(): Promise<string> {
  const out = join(tmpdir(), 'argmin-flights-3m.csv');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(
    `COPY (SELECT * FROM read_parquet('${flightsParquet}')) TO '${out}' (HEADER, DELIMITER ',')`,
  );
  connection.closeSync();
  instance.closeSync();
  return out;
}

async function main(): Promise<void> {
  const flightsCsv = await exportFlightsCsv();
  const anchor = runAnchor('read_anchor.py', [flightsCsv, ...csvs]) as AnchorOutput;
  const anchorName = `pandas ${anchor.pandas} read_csv`;
  const cases: [string, string, string][] = [
    ['flights-3m (parquet; anchor reads CSV export)', flightsParquet, flightsCsv],
    ['flights-3m (the same CSV export on both sides)', flightsCsv, flightsCsv],
    ...csvs.map((path): [string, string, string] => [path.split('/').pop() as string, path, path]),
  ];
  const rows: BenchRow[] = [];
  for (const [name, ours, theirs] of cases) {
    const measured = await medianReadSeconds(ours);
    const reference = anchor.results[theirs];
    if (reference.rows !== measured.rows)
      throw new Error(`${name}: argmin read ${measured.rows} rows, pandas ${reference.rows}`);
    rows.push({
      case: `read ${name} (${measured.rows} rows)`,
      metric: 'read time',
      unit: 's per 1M rows',
      argmin: (measured.seconds / measured.rows) * 1e6,
      anchor: anchorName,
      anchorValue: (reference.seconds / reference.rows) * 1e6,
      better: 'lower',
    });
  }
  const path = writeResults('read', 'npm run bench:read', rows);
  printMarkdown(rows);
  console.log(`results written to ${path}`);
}

await main();
