import { describe, expect, it } from 'vitest';
import { categoricalFromStrings, numericColumn } from '../../src/data/column.js';
import { fingerprintFrame } from '../../src/data/fingerprint.js';
import { Frame } from '../../src/data/frame.js';
import { readTable } from '../../src/data/read-table.js';

function sample(
  x: number[] = [1, 2, Number.NaN],
  c: string[] = ['a', 'b', 'a'],
  name = 'x',
): Frame {
  return new Frame([numericColumn(name, x), categoricalFromStrings('c', c)]);
}

describe('fingerprintFrame', () => {
  it('gives the same fingerprint for the same data', () => {
    expect(fingerprintFrame(sample())).toBe(fingerprintFrame(sample()));
  });

  it('is a sha256 hex digest', () => {
    expect(fingerprintFrame(sample())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same fingerprint for a file read twice', async () => {
    const a = await readTable('examples/data/credit.csv');
    const b = await readTable('examples/data/credit.csv');
    expect(fingerprintFrame(a)).toBe(fingerprintFrame(b));
  });

  it('changes when one value changes', () => {
    expect(fingerprintFrame(sample([1, 2, 4]))).not.toBe(fingerprintFrame(sample()));
  });

  it('changes when a category changes', () => {
    expect(fingerprintFrame(sample(undefined, ['a', 'b', 'b']))).not.toBe(
      fingerprintFrame(sample()),
    );
  });

  it('changes when a column is renamed', () => {
    expect(fingerprintFrame(sample(undefined, undefined, 'y'))).not.toBe(
      fingerprintFrame(sample()),
    );
  });

  it('changes when a column kind changes', () => {
    const asText = new Frame([
      categoricalFromStrings('x', ['1', '2', '']),
      categoricalFromStrings('c', ['a', 'b', 'a']),
    ]);
    expect(fingerprintFrame(asText)).not.toBe(fingerprintFrame(sample()));
  });

  it('treats NaN from any producer as the same missing value', () => {
    const negativeNaN = new Float64Array(new BigInt64Array([-2251799813685248n]).buffer)[0]; // 0xFFF8000000000000
    expect(fingerprintFrame(sample([1, 2, negativeNaN]))).toBe(fingerprintFrame(sample()));
  });
});
