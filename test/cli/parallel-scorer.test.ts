import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ParallelScorer } from '../../src/cli/parallel-scorer.js';
import { scoreCsv } from '../../src/cli/score-csv.js';
import { ArgminError } from '../../src/errors.js';
import type { CreditModels } from '../serve/serve-fixture.js';
import { creditModels } from '../serve/serve-fixture.js';

let models: CreditModels;

beforeAll(async () => {
  models = await creditModels();
});

/** Rows [from, to) of the credit frame, as a fresh frame (the scorer takes its arrays). */
const slice = (from: number, to: number) =>
  models.frame.take(Int32Array.from({ length: to - from }, (_, i) => from + i));

describe('ParallelScorer', () => {
  it('scores chunks on threads exactly as the main thread does, in the order asked', async () => {
    const scorer = await ParallelScorer.open(models.gbdtPath, 2);
    try {
      const options = { proba: true, header: false };
      const texts = await Promise.all(
        [0, 500, 1000, 1500].map((from) => scorer.score(slice(from, from + 500), options)),
      );
      const expected = [0, 500, 1000, 1500].map((from) =>
        scoreCsv(models.gbdt, slice(from, from + 500), options),
      );
      expect(texts).toEqual(expected);
    } finally {
      await scorer.close();
    }
  });

  it("rejects a chunk the thread's model refuses with the model's error code, and goes on", async () => {
    const scorer = await ParallelScorer.open(models.gbdtPath, 1);
    try {
      const options = { proba: false, header: false };
      const lacking = slice(0, 10).drop(['Age']);
      const failure = await scorer.score(lacking, options).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ArgminError);
      expect((failure as ArgminError).code).toBe('ARGMIN_SCHEMA_MISMATCH');
      expect((failure as Error).message).toMatch(/scoring a chunk failed: .*Age/s);
      expect(await scorer.score(slice(0, 10), options)).toBe(
        scoreCsv(models.gbdt, slice(0, 10), options),
      );
    } finally {
      await scorer.close();
    }
  });

  it('fails to open when a thread cannot load the model, naming why', async () => {
    await expect(ParallelScorer.open(join(models.dir, 'missing.argmin'), 2)).rejects.toThrow(
      /a scoring thread could not load the model: .*missing\.argmin/,
    );
  });
});
