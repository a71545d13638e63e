import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Frame } from '../../../src/data/index.js';
import { streamTable } from '../../../src/data/index.js';

const dir = mkdtempSync(join(tmpdir(), 'argmin-stream-'));

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
