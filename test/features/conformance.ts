import { describe, expect, it } from 'vitest';
import type { Frame } from '../../src/data/frame.js';
import type { Matrix } from '../../src/data/matrix.js';
import { takeRows } from '../../src/data/matrix.js';
import type { SerializedObject } from '../../src/data/serializable.js';
import { InvalidParameterError, NotFittedError } from '../../src/errors.js';
import { expectSameOutput } from './frame-equality.js';

/** What the suite needs of a transformer, vectorizer or ColumnTransformer. */
export interface Fittable {
  readonly isFitted: boolean;
  fit(frame: Frame): unknown;
  transform(frame: Frame): Frame | Matrix;
  toJSON(): SerializedObject;
}

export interface ConformanceCase<T extends Fittable> {
  readonly name: string;
  /** A fresh, unfitted instance with valid options. */
  readonly make: () => T;
  readonly fromJSON: (json: SerializedObject) => T;
  /** Training frame; its rows should exercise the step (missing values, several levels, ...). */
  readonly frame: Frame;
  /** Makers of instances whose options are invalid. */
  readonly badOptions: readonly (() => T)[];
}

function takeOutput(output: Frame | Matrix, indices: number[]): Frame | Matrix {
  return 'kind' in output ? takeRows(output, indices) : output.take(indices);
}

/**
 * The behaviours every Frame step shares (scikit-learn's check_estimator, for transformers):
 * state only from fit, serialisation round trips, row-wise transforms, options checked in fit.
 */
export function describeTransformerConformance<T extends Fittable>(c: ConformanceCase<T>): void {
  const { frame } = c;
  const half = Array.from({ length: Math.ceil(frame.rows / 2) }, (_, i) => i * 2).filter(
    (i) => i < frame.rows,
  );

  describe(`${c.name} conformance`, () => {
    it('throws NotFittedError from transform before fit', () => {
      const step = c.make();
      expect(step.isFitted).toBe(false);
      expect(() => step.transform(frame)).toThrow(NotFittedError);
    });

    it('returns itself from fit and reports being fitted', () => {
      const step = c.make();
      expect(step.fit(frame)).toBe(step);
      expect(step.isFitted).toBe(true);
    });

    it('transforms identically after toJSON, structuredClone and fromJSON', () => {
      const step = c.make();
      step.fit(frame);
      const restored = c.fromJSON(structuredClone(step.toJSON()));
      expect(restored.isFitted).toBe(true);
      expectSameOutput(restored.transform(frame), step.transform(frame));
    });

    it('restores an unfitted instance as unfitted', () => {
      const restored = c.fromJSON(structuredClone(c.make().toJSON()));
      expect(restored.isFitted).toBe(false);
      expect(() => restored.transform(frame)).toThrow(NotFittedError);
    });

    it('forgets the first fit when fitted again', () => {
      const subset = frame.take(half);
      const refitted = c.make();
      refitted.fit(frame);
      refitted.fit(subset);
      const fresh = c.make();
      fresh.fit(subset);
      expectSameOutput(refitted.transform(frame), fresh.transform(frame));
    });

    it('transforms row by row, recomputing no statistics at transform time', () => {
      const step = c.make();
      step.fit(frame);
      const indices = [...half].reverse();
      expectSameOutput(
        step.transform(frame.take(indices)),
        takeOutput(step.transform(frame), indices),
      );
    });

    it('rejects invalid options in fit with InvalidParameterError', () => {
      expect(c.badOptions.length).toBeGreaterThan(0);
      for (const make of c.badOptions) {
        const step = make();
        expect(() => step.fit(frame)).toThrow(InvalidParameterError);
      }
    });
  });
}
