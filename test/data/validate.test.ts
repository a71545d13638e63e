import { describe, expect, it } from 'vitest';
import { DataValidationError } from '../../src/errors.js';
import { categoricalFromStrings, numericColumn } from '../../src/data/column.js';
import { Frame } from '../../src/data/frame.js';
import { checkFeatures, validateTarget } from '../../src/data/validate.js';

const source = 'train.csv';

function frameOf(...columns: ConstructorParameters<typeof Frame>[0]): Frame {
  return new Frame(columns, { source });
}

describe('validateTarget', () => {
  it('accepts a two-class categorical target', () => {
    const frame = frameOf(
      categoricalFromStrings('y', ['a', 'b', 'a']),
      numericColumn('x', [1, 2, 3]),
    );
    expect(() => validateTarget(frame, 'y')).not.toThrow();
  });

  it('names the file and lists the columns when the target is missing', () => {
    const frame = frameOf(numericColumn('x', [1, 2]));
    expect(() => validateTarget(frame, 'y')).toThrow(DataValidationError);
    expect(() => validateTarget(frame, 'y')).toThrow(/train\.csv.*column "y".*columns are: x/);
  });

  it('reports missing target values with their count and first row', () => {
    const frame = frameOf(numericColumn('y', [1, Number.NaN, 3, Number.NaN]));
    expect(() => validateTarget(frame, 'y', 'regression')).toThrow(
      /column "y".*2 missing values \(first at row 2\)/,
    );
  });

  it('reports a classification target with a single class', () => {
    const frame = frameOf(categoricalFromStrings('y', ['good', 'good']));
    expect(() => validateTarget(frame, 'y', 'classification')).toThrow(/only one class \("good"\)/);
  });

  it('reports a categorical target used for regression', () => {
    const frame = frameOf(categoricalFromStrings('y', ['a', 'b']));
    expect(() => validateTarget(frame, 'y', 'regression')).toThrow(/categorical.*regression/);
  });
});

describe('checkFeatures', () => {
  it('names an all-missing feature and suggests ignoring it', () => {
    const frame = frameOf(
      numericColumn('x', [1, 2]),
      numericColumn('empty', [Number.NaN, Number.NaN]),
    );
    expect(() => checkFeatures(frame)).toThrow(/train\.csv, column "empty".*ignore: \["empty"\]/);
  });

  it('ignores an all-missing column that already has the ignore role', () => {
    const frame = new Frame(
      [numericColumn('x', [1, 2]), numericColumn('empty', [Number.NaN, Number.NaN])],
      {
        roles: { empty: 'ignore' },
      },
    );
    expect(() => checkFeatures(frame)).not.toThrow();
  });

  it('reports a frame with no feature left', () => {
    const frame = new Frame([numericColumn('y', [1, 2])], { roles: { y: 'target' } });
    expect(() => checkFeatures(frame)).toThrow(/no feature columns/);
  });
});
