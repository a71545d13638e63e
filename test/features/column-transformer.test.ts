import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn } from '../../src/data/column.js';
import { Frame } from '../../src/data/frame.js';
import { InvalidParameterError } from '../../src/errors.js';
import { ColumnTransformer } from '../../src/features/column-transformer.js';
import { FeatureHasher } from '../../src/features/feature-hasher.js';
import { OneHotEncoder } from '../../src/features/one-hot-encoder.js';
import { SimpleImputer } from '../../src/features/simple-imputer.js';
import { StandardScaler } from '../../src/features/standard-scaler.js';
import { describeTransformerConformance } from './conformance.js';
import { sampleFrame } from './sample-frame.js';

const frame = sampleFrame();
const mixed = () =>
  new ColumnTransformer({
    groups: [
      {
        name: 'num',
        columns: ['income'],
        steps: [
          new SimpleImputer({ strategy: 'median', addIndicator: true }),
          new StandardScaler(),
        ],
      },
      {
        name: 'cat',
        columns: { kind: 'categorical' },
        vectorizer: new OneHotEncoder({ handleUnknown: 'ignore' }),
      },
    ],
  });

describe('ColumnTransformer', () => {
  it('stacks the blocks of its groups and names every output column', () => {
    const pre = mixed().fit(frame);
    expect(pre.featureNames).toEqual([
      'income',
      'income__missing',
      'city__brest',
      'city__lille',
      'city__lyon',
      'city__nice',
      'city__paris',
      'city__missing',
      'plan__basic',
      'plan__pro',
      'plan__team',
    ]);
    const X = pre.transform(frame);
    expect([X.rows, X.cols]).toEqual([frame.rows, 11]);
  });

  it('chooses dense output when most values are non-zero and CSR when few are', () => {
    const dense = new ColumnTransformer({
      groups: [{ name: 'n', columns: ['income'], steps: [new SimpleImputer()] }],
    }).fit(frame);
    expect(dense.transform(frame).kind).toBe('dense');
    const sparse = new ColumnTransformer({
      groups: [{ name: 'h', columns: ['city'], vectorizer: new FeatureHasher({ nFeatures: 64 }) }],
    }).fit(frame);
    expect(sparse.transform(frame).kind).toBe('csr');
  });

  it('gives the output kind asked for', () => {
    const asDense = new ColumnTransformer({
      groups: [{ name: 'c', columns: ['city'], vectorizer: new OneHotEncoder() }],
      output: 'dense',
    }).fit(frame);
    expect(asDense.transform(frame).kind).toBe('dense');
    const asSparse = new ColumnTransformer({
      groups: [{ name: 'n', columns: ['income'] }],
      output: 'sparse',
    }).fit(frame);
    expect(asSparse.transform(frame).kind).toBe('csr');
  });

  it('keeps a one-hot block of a 229-level column over a million rows sparse', () => {
    const rows = 1_000_000;
    const levels = Array.from({ length: 229 }, (_, l) => `level${String(l).padStart(3, '0')}`);
    const codes = new Int32Array(rows);
    for (let i = 0; i < rows; i++) codes[i] = (i * 7919) % 229;
    const big = new Frame([
      categoricalColumn('zip', codes, levels),
      numericColumn('x', new Float64Array(rows).fill(1)),
    ]);
    const pre = new ColumnTransformer({
      groups: [
        { name: 'cat', columns: ['zip'], vectorizer: new OneHotEncoder() },
        { name: 'num', columns: ['x'] },
      ],
    }).fit(big);
    const X = pre.transform(big);
    expect(X.kind).toBe('csr');
    expect(X.cols).toBe(230);
    if (X.kind !== 'csr') return;
    expect(X.indptr[rows]).toBe(2 * rows);
    const bytes = X.data.byteLength + X.indices.byteLength + X.indptr.byteLength;
    expect(bytes).toBeLessThan(40 * rows);
  });

  it('reports a group without a name as an invalid parameter', () => {
    expect(() =>
      new ColumnTransformer({ groups: [{ name: '', columns: ['income'] }] }).fit(frame),
    ).toThrow(InvalidParameterError);
  });

  it('rejects a group that leaves categorical columns without a vectorizer', () => {
    const pre = new ColumnTransformer({ groups: [{ name: 'c', columns: ['city'] }] });
    expect(() => pre.fit(frame)).toThrow(/city/);
  });

  it('fits steps on the frame passed to fit only', () => {
    const pre = new ColumnTransformer({
      groups: [{ name: 'n', columns: ['income'], steps: [new StandardScaler()] }],
    });
    const train = frame.take([0, 1, 2, 3]);
    const fromTrain = pre.fit(train).transform(frame);
    const again = new ColumnTransformer({
      groups: [{ name: 'n', columns: ['income'], steps: [new StandardScaler()] }],
    })
      .fit(train)
      .transform(frame);
    expect(Array.from(fromTrain.data)).toEqual(Array.from(again.data));
    expect(
      Array.from(
        new ColumnTransformer({
          groups: [{ name: 'n', columns: ['income'], steps: [new StandardScaler()] }],
        })
          .fit(frame)
          .transform(frame).data,
      ),
    ).not.toEqual(Array.from(fromTrain.data));
  });
});

describeTransformerConformance({
  name: 'ColumnTransformer',
  make: mixed,
  fromJSON: ColumnTransformer.fromJSON,
  frame,
  badOptions: [
    () =>
      new ColumnTransformer({
        groups: [{ name: 'n', columns: ['income'] }],
        output: 'csc' as never,
      }),
    () => new ColumnTransformer({ groups: [{ name: 'n', columns: ['nope'] }] }),
    () => new ColumnTransformer({ groups: [{ name: 'n', columns: { kind: 'text' as never } }] }),
    () =>
      new ColumnTransformer({
        groups: [
          { name: 'a', columns: ['income'] },
          { name: 'b', columns: ['income'] },
        ],
      }),
  ],
});
