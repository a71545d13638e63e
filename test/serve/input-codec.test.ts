import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputCodec, inputRecords } from '../../src/serve/index.js';
import type { CreditModels } from './serve-fixture.js';
import { creditModels, recordsOf } from './serve-fixture.js';

let models: CreditModels;
let codec: InputCodec;

beforeAll(async () => {
  models = await creditModels();
  codec = new InputCodec(models.gbdt.signature);
});

const rows = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

describe('InputCodec', () => {
  it('encodes records so the pipeline predicts exactly what it predicts on the training frame', () => {
    const decoded = codec.decode(recordsOf(models.frame, rows));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const frame = codec.frame([decoded.input]);
    const expected = models.gbdt.predictProba(models.frame.take(Int32Array.from(rows))).proba.data;
    expect(Array.from(models.gbdt.predictProba(frame).proba.data)).toEqual(Array.from(expected));
  });

  it('reads the columnar form, in any column order, the same as records', () => {
    const records = recordsOf(models.frame, rows);
    const columns = Object.keys(records[0]).reverse();
    const columnar = codec.decode({ columns, data: records.map((r) => columns.map((c) => r[c])) });
    const byRecords = codec.decode(records);
    expect(columnar.ok && byRecords.ok).toBe(true);
    if (!columnar.ok || !byRecords.ok) return;
    expect(codec.canonicalKey(columnar.input)).toBe(codec.canonicalKey(byRecords.input));
  });

  it('concatenates several requests into one frame in order', () => {
    const a = codec.decode(recordsOf(models.frame, [0, 1]));
    const b = codec.decode(recordsOf(models.frame, [2]));
    if (!a.ok || !b.ok) throw new Error('decode failed');
    const frame = codec.frame([a.input, b.input]);
    expect(frame.rows).toBe(3);
    expect(models.gbdt.predict(frame)).toEqual(
      models.gbdt.predict(models.frame.take(Int32Array.of(0, 1, 2))),
    );
  });

  it('lists every problem with its row and column', () => {
    const [good] = recordsOf(models.frame, [0]);
    const { Age: _age, ...noAge } = good;
    const body = [
      good,
      noAge,
      { ...good, Income: 'lots' },
      { ...good, Home: 'castle' },
      { ...good, Records: null },
      { ...good, Colour: 'blue' },
      'not a record',
    ];
    const decoded = codec.decode(body);
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    const where = decoded.problems.map((p) => [p.row, p.column]);
    expect(where).toEqual([
      [1, 'Age'],
      [2, 'Income'],
      [3, 'Home'],
      [4, 'Records'],
      [5, 'Colour'],
      [6, null],
    ]);
    expect(decoded.problems[1].problem).toMatch(/should be a number, got string "lots"/);
    expect(decoded.problems[2].problem).toMatch(/unknown category "castle" \(known: .*"rent"/);
    expect(decoded.problems[3].problem).toMatch(/no missing values in training/);
    expect(decoded.total).toBe(6);
  });

  it('treats unknown categories as missing, ignores extra columns and allows null when told to', () => {
    const lenient = new InputCodec(models.gbdt.signature, {
      unknownCategories: 'missing',
      extraColumns: 'ignore',
      missingValues: 'allow',
    });
    const [good] = recordsOf(models.frame, [0]);
    const decoded = lenient.decode([{ ...good, Home: 'castle', Records: null, Colour: 'blue' }]);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const back = inputRecords(lenient.signature, decoded.input)[0];
    expect(back.Home).toBeNull();
    expect(back.Records).toBeNull();
    expect(back.Age).toBe(good.Age);
  });

  it('reads JSON true/false for a categorical whose levels are a yes/no pair, and only then', () => {
    const pair = new InputCodec([
      { name: 'owner', kind: 'categorical', levels: ['no', 'yes'], nullable: false },
      { name: 'colour', kind: 'categorical', levels: ['red', 'true'], nullable: false },
    ]);
    const decoded = pair.decode([
      { owner: true, colour: true },
      { owner: false, colour: 'red' },
      { owner: 'yes', colour: 'red' },
    ]);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(inputRecords(pair.signature, decoded.input)).toEqual([
      { owner: 'yes', colour: 'true' },
      { owner: 'no', colour: 'red' },
      { owner: 'yes', colour: 'red' },
    ]);
    const refused = pair.decode([{ owner: true, colour: false }]);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems[0]).toMatchObject({ row: 0, column: 'colour' });
  });

  it('refuses empty bodies, too many rows, bad columnar shapes and non-tables', () => {
    const small = new InputCodec(models.gbdt.signature, { maxRows: 2 });
    const cases: unknown[] = [
      [],
      recordsOf(models.frame, [0, 1, 2]),
      { columns: 'Age', data: [] },
      { columns: ['Age'], data: 'x' },
      { columns: [...codec.signature.map((c) => c.name), 'Age'], data: [[]] },
      { columns: codec.signature.map((c) => c.name), data: [[1, 2]] },
      { records: [] },
      42,
      null,
    ];
    for (const body of cases) {
      const decoded = small.decode(body);
      expect(decoded.ok, JSON.stringify(body)?.slice(0, 80)).toBe(false);
      if (!decoded.ok) expect(decoded.problems.length).toBeGreaterThan(0);
    }
  });

  it('caps the listed problems but counts them all', () => {
    const capped = new InputCodec(models.gbdt.signature, { maxProblems: 5 });
    const decoded = capped.decode(Array.from({ length: 50 }, () => ({})));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.problems).toHaveLength(5);
    expect(decoded.total).toBe(50 * codec.signature.length);
  });

  it('never throws on arbitrary JSON: it encodes or lists problems', () => {
    const [good] = recordsOf(models.frame, [0]);
    const mutatedRecord = fc
      .dictionary(fc.constantFrom(...Object.keys(good), 'x'), fc.jsonValue())
      .map((patch) => [{ ...good, ...patch }]);
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), mutatedRecord), (body) => {
        const decoded = codec.decode(body);
        if (decoded.ok) expect(codec.frame([decoded.input]).rows).toBeGreaterThan(0);
        else expect(decoded.total).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
