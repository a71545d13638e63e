import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnsafePathError } from '../../../src/errors.js';
import { forEachDialect } from '../dialects.js';
import { freshStore, tempFolder } from '../test-store.js';

forEachDialect((target) => {
  describe('run artifacts', () => {
    it('logs a local file and writes bytes under the run', async () => {
      const store = await freshStore(target);
      const run = await store.startRun();
      const local = join(tempFolder(), 'report.json');
      writeFileSync(local, '{"ok":true}');
      await run.logArtifact(local);
      await run.logArtifact(local, 'reports/copy.json');
      await run.writeArtifact('model.bin', new Uint8Array([7]));
      expect((await store.artifacts.list(run.id)).map((e) => e.path)).toEqual([
        'model.bin',
        'report.json',
        'reports/copy.json',
      ]);
    });

    it('refuses an artifact path that escapes the run', async () => {
      const store = await freshStore(target);
      const run = await store.startRun();
      await expect(run.writeArtifact('../../x', 'x')).rejects.toBeInstanceOf(UnsafePathError);
    });
  });
});
