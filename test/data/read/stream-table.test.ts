import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Frame } from '../../../src/data/index.js';
import { streamTable } from '../../../src/data/index.js';

const dir = mkdtempSync(join(tmpdir(), 'argmin-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(
  path: string,
  chunkRows: number,
  columns: Parameters<typeof streamTable>[1]['columns'],
) {
  const stream = await streamTable(path, { columns, chunkRows });
  const frames: Frame[] = [];
  for await (const frame of stream) frames.push(frame);
  return { rows: stream.rows, frames };
}

describe('streamTable', () => {
  it('cuts the table into frames of chunkRows rows across DuckDB chunk boundaries', async () => {
    const path = join(dir, 'numbers.csv');
    const n = 5000;
    writeFileSync(
      path,
      ['x,y', ...Array.from({ length: n }, (_, i) => `${i},${i % 3 === 0 ? '' : i * 2}`)].join(
        '\n',
      ),
    );
    const { rows, frames } = await collect(path, 1500, [
      { name: 'y', kind: 'numeric' },
      { name: 'x', kind: 'numeric' },
    ]);
    expect(rows).toBe(n);
    expect(frames.map((f) => f.rows)).toEqual([1500, 1500, 1500, 500]);
    const x = frames.flatMap((f) => Array.from((f.column('x') as { values: Float64Array }).values));
    expect(x).toEqual(Array.from({ length: n }, (_, i) => i));
    const y = (frames[0].column('y') as { values: Float64Array }).values;
    expect(Number.isNaN(y[0])).toBe(true);
    expect(y[1]).toBe(2);
    expect(frames[0].columnNames).toEqual(['y', 'x']);
    // Frames longer than DuckDB's 2,048-row chunks.
    const long = await collect(path, 4096, [{ name: 'x', kind: 'numeric' }]);
    expect(long.frames.map((f) => f.rows)).toEqual([4096, 904]);
    expect((long.frames[1].column('x') as { values: Float64Array }).values[903]).toBe(n - 1);
  });

  it('passes --keep columns through as text beside the frames, row for row', async () => {
    const path = join(dir, 'ids.csv');
    const n = 3000;
    writeFileSync(
      path,
      [
        'id,x,note',
        ...Array.from({ length: n }, (_, i) => `00${i},${i}.5,${i === 7 ? '' : 'n'}`),
      ].join('\n'),
    );
    const stream = await streamTable(path, {
      columns: [{ name: 'x', kind: 'numeric' }],
      chunkRows: 1000,
      keep: ['id', 'note'],
    });
    const ids: (string | null)[] = [];
    const notes: (string | null)[] = [];
    const xs: number[] = [];
    for await (const { frame, kept } of stream.chunks()) {
      expect(frame.columnNames).toEqual(['x']);
      expect(kept.map((k) => [k.name, k.values.length])).toEqual([
        ['id', frame.rows],
        ['note', frame.rows],
      ]);
      ids.push(...kept[0].values);
      notes.push(...kept[1].values);
      xs.push(...(frame.column('x') as { values: Float64Array }).values);
    }
    expect(ids).toEqual(Array.from({ length: n }, (_, i) => `00${i}`));
    expect(xs.every((x, i) => x === i + 0.5)).toBe(true);
    expect(notes[7]).toBeNull();
    expect(notes[8]).toBe('n');
    await expect(
      streamTable(path, { columns: [{ name: 'x', kind: 'numeric' }], keep: ['nope'] }),
    ).rejects.toThrow(/no column "nope" to keep/);
  });

  it('reads TIMESTAMPTZ as the instant it is in any time zone, as readTable does', async () => {
    const path = join(dir, 'times.parquet');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    await connection.run(
      `COPY (SELECT TIMESTAMPTZ '2020-01-01 00:00:00+00' AS tz, TIMESTAMP '2020-01-01 00:00:00' AS ts, DATE '2020-01-01' AS d, 1577836800000 AS ms) TO '${path}' (FORMAT parquet)`,
    );
    connection.closeSync();
    // DuckDB takes the session's time zone from TZ when it starts: a separate process.
    const data = pathToFileURL(resolve('dist/src/data/index.js')).href;
    const script = `
      const { streamTable } = await import(${JSON.stringify(data)});
      const columns = ['tz', 'ts', 'd', 'ms'].map((name) => ({ name, kind: 'datetime' }));
      for await (const frame of await streamTable(${JSON.stringify(path)}, { columns }))
        console.log(JSON.stringify(frame.columns.map((c) => c.values[0])));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, TZ: 'America/New_York' },
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual([
      1577836800000, 1577836800000, 1577836800000, 1577836800000,
    ]);
  });

  it('codes categoricals against the given levels in every frame; unknown and empty values are missing', async () => {
    const path = join(dir, 'cats.csv');
    writeFileSync(path, 'home,flag\nrent,true\nown,false\ncastle,\n,true\n1,false\n');
    const { frames } = await collect(path, 2, [
      { name: 'home', kind: 'categorical', levels: ['1', 'own', 'rent'] },
      { name: 'flag', kind: 'boolean' },
    ]);
    const codes = frames.flatMap((f) =>
      Array.from((f.column('home') as { codes: Int32Array }).codes),
    );
    expect(codes).toEqual([2, 1, -1, -1, 0]);
    for (const f of frames)
      expect((f.column('home') as { levels: readonly string[] }).levels).toEqual([
        '1',
        'own',
        'rent',
      ]);
    const flags = frames.flatMap((f) =>
      Array.from((f.column('flag') as { values: Float64Array }).values),
    );
    expect(flags.map((v) => (Number.isNaN(v) ? null : v))).toEqual([1, 0, null, 1, 0]);
  });

  it('reads a BOOLEAN column into a categorical whose levels are a yes/no pair', async () => {
    const path = join(dir, 'flags.parquet');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    await connection.run(
      `COPY (SELECT * FROM (VALUES (true, true), (false, false), (NULL, true)) t(a, b)) TO '${path}' (FORMAT parquet)`,
    );
    connection.closeSync();
    const { frames } = await collect(path, 10, [
      { name: 'a', kind: 'categorical', levels: ['No', 'Yes'] },
      // Not a yes/no pair: BOOLEAN is matched as its text, so only "true" is found.
      { name: 'b', kind: 'categorical', levels: ['maybe', 'true'] },
    ]);
    expect(Array.from((frames[0].column('a') as { codes: Int32Array }).codes)).toEqual([1, 0, -1]);
    expect(Array.from((frames[0].column('b') as { codes: Int32Array }).codes)).toEqual([1, -1, 1]);
  });

  it('names missing columns and bad values', async () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'a,b\n1,x\n2,y\n');
    await expect(streamTable(path, { columns: [{ name: 'c', kind: 'numeric' }] })).rejects.toThrow(
      /"c".*lacks/,
    );
    const stream = await streamTable(path, { columns: [{ name: 'b', kind: 'numeric' }] });
    await expect(
      (async () => {
        for await (const frame of stream) expect(frame.rows).toBe(-1);
      })(),
    ).rejects.toThrow(/b: numeric|bad.csv/);
  });
});
