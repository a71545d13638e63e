import { describe, expect, it } from 'vitest';
import { categoricalFromStrings } from '../../src/data/column.js';
import { Frame } from '../../src/data/frame.js';
import { Recode } from '../../src/features/recode.js';
import { describeTransformerConformance } from './conformance.js';
import { sampleFrame } from './sample-frame.js';

const strings = (frame: Frame, name: string) => {
  const c = frame.column(name);
  return c.kind === 'categorical' ? Array.from(c.codes, (k) => (k < 0 ? null : c.levels[k])) : [];
};
const frame = new Frame([
  categoricalFromStrings('marital', ['widow', 'married', 'separated', 'single', null]),
]);

describe('Recode', () => {
  it('merges levels mapped to the same new level', () => {
    const out = new Recode({ mapping: { widow: 'single', separated: 'single' } })
      .fit(frame)
      .transform(frame);
    expect(strings(out, 'marital')).toEqual(['single', 'married', 'single', 'single', null]);
    const column = out.column('marital');
    expect(column.kind === 'categorical' && column.levels).toEqual(['married', 'single']);
  });

  it('turns levels mapped to null into missing values', () => {
    const out = new Recode({ mapping: { separated: null } }).fit(frame).transform(frame);
    expect(strings(out, 'marital')).toEqual(['widow', 'married', null, 'single', null]);
  });

  it('only touches the columns it is given', () => {
    const two = frame.withColumn(
      categoricalFromStrings('other', ['widow', 'widow', 'a', 'b', 'c']),
    );
    const out = new Recode({ mapping: { widow: 'alone' }, columns: ['marital'] })
      .fit(two)
      .transform(two);
    expect(strings(out, 'other')[0]).toBe('widow');
    expect(strings(out, 'marital')[0]).toBe('alone');
  });
});

describeTransformerConformance({
  name: 'Recode',
  make: () => new Recode({ mapping: { brest: 'other', lille: 'other', nice: null } }),
  fromJSON: Recode.fromJSON,
  frame: sampleFrame(),
  badOptions: [
    () => new Recode({ mapping: { a: 3 as never } }),
    () => new Recode(undefined as never),
  ],
});
