import { describe, expect, it } from 'vitest';
import { FilterParseError, InvalidParameterError } from '../../src/errors.js';
import { forEachDialect } from '../store/dialects.js';
import { useRegistry } from './registry-fixture.js';

forEachDialect((target) => {
  describe('promotion', () => {
    const fixture = useRegistry(target);

    /** A model whose versions carry these metrics, version 1 first. */
    async function modelWith(name: string, ...metrics: Record<string, number>[]): Promise<void> {
      const { registry } = fixture();
      for (const m of metrics)
        await registry.createVersion(name, { artifactUri: 'a', metrics: m, createModel: true });
    }

    it('moves the alias when every requirement holds', async () => {
      const { registry } = fixture();
      await modelWith('pass', { auc: 0.9, loss: 0.2 });
      const result = await registry.promote('pass', 1, {
        alias: 'champion',
        require: ['metrics.auc >= 0.85', 'metrics.loss < 0.3'],
        actor: 'ci',
      });
      expect(result.promoted).toBe(true);
      expect(result.checks.every((c) => c.passed)).toBe(true);
      expect(result.event).toMatchObject({ fromVersion: null, toVersion: 1, actor: 'ci' });
      expect((await registry.getByAlias('pass', 'champion')).version).toBe(1);
    });

    it('refuses when a requirement fails, reports every check, and moves nothing', async () => {
      const { registry } = fixture();
      await modelWith('fail', { auc: 0.8, loss: 0.2 });
      const result = await registry.promote('fail', 1, {
        alias: 'champion',
        require: ['metrics.auc >= 0.85', 'metrics.loss < 0.3', 'metrics.f1 > 0.5'],
      });
      expect(result.promoted).toBe(false);
      expect(result.event).toBeUndefined();
      expect(result.checks.map((c) => [c.check, c.passed])).toEqual([
        ['status is active', true],
        ['metrics.auc >= 0.85', false],
        ['metrics.loss < 0.3', true],
        ['metrics.f1 > 0.5', false],
      ]);
      expect(result.checks[1].detail).toBe('auc = 0.8');
      expect(result.checks[3].detail).toMatch(/no metric "f1"/);
      await expect(registry.getByAlias('fail', 'champion')).rejects.toThrow(/Alias/);
      expect(await registry.aliasHistory('fail')).toHaveLength(0);
    });

    it('a NaN metric fails its requirement', async () => {
      const { registry } = fixture();
      await modelWith('nan', { auc: Number.NaN });
      const result = await registry.promote('nan', 1, {
        alias: 'champion',
        require: ['metrics.auc >= 0'],
      });
      expect(result.promoted).toBe(false);
    });

    it('must beat the champion: a better challenger takes the alias', async () => {
      const { registry } = fixture();
      await modelWith('beat', { roc_auc: 0.8 }, { roc_auc: 0.85 });
      await registry.setAlias('beat', 'champion', 1);
      const result = await registry.promote('beat', 2, {
        alias: 'champion',
        mustBeat: 'champion',
        metric: 'roc_auc',
      });
      expect(result.promoted).toBe(true);
      expect(result.previousVersion).toBe(1);
      expect(result.event).toMatchObject({ fromVersion: 1, toVersion: 2 });
    });

    it('must beat the champion: a worse or equal challenger is refused', async () => {
      const { registry } = fixture();
      await modelWith('nobeat', { roc_auc: 0.8 }, { roc_auc: 0.8 });
      await registry.setAlias('nobeat', 'champion', 1);
      const result = await registry.promote('nobeat', 2, {
        alias: 'champion',
        mustBeat: 'champion',
        require: ['metrics.roc_auc > 0.5'],
      });
      expect(result.promoted).toBe(false);
      const beat = result.checks[2];
      expect(beat.passed).toBe(false);
      expect(beat.check).toMatch(/@champion on roc_auc \(higher is better\)/);
      expect(beat.detail).toMatch(/0\.8 vs 0\.8 for version 1/);
      expect((await registry.getByAlias('nobeat', 'champion')).version).toBe(1);
    });

    it('uses the metric direction argmin knows: lower log loss wins', async () => {
      const { registry } = fixture();
      await modelWith('lossy', { cv_log_loss: 0.5 }, { cv_log_loss: 0.4 }, { cv_log_loss: 0.6 });
      await registry.setAlias('lossy', 'champion', 1);
      const better = await registry.promote('lossy', 2, {
        alias: 'champion',
        mustBeat: 'champion',
        metric: 'cv_log_loss',
      });
      expect(better.promoted).toBe(true);
      const worse = await registry.promote('lossy', 3, {
        alias: 'champion',
        mustBeat: 'champion',
        metric: 'cv_log_loss',
      });
      expect(worse.promoted).toBe(false);
      expect(worse.checks[1].check).toMatch(/lower is better/);
    });

    it('an unknown metric is higher-is-better unless told otherwise', async () => {
      const { registry } = fixture();
      await modelWith('custom', { cost: 10 }, { cost: 5 });
      await registry.setAlias('custom', 'champion', 1);
      const higher = await registry.promote('custom', 2, {
        alias: 'champion',
        mustBeat: 'champion',
        metric: 'cost',
      });
      expect(higher.promoted).toBe(false);
      const lower = await registry.promote('custom', 2, {
        alias: 'champion',
        mustBeat: 'champion',
        metric: 'cost',
        direction: 'minimize',
      });
      expect(lower.promoted).toBe(true);
    });

    it('passes the must-beat check when nobody holds the alias yet', async () => {
      const { registry } = fixture();
      await modelWith('first', { auc: 0.7 });
      const result = await registry.promote('first', 1, {
        alias: 'champion',
        mustBeat: 'champion',
        metric: 'auc',
      });
      expect(result.promoted).toBe(true);
      expect(result.checks[1].detail).toMatch(/nothing to beat/);
    });

    it('an archived version is refused with the reason among the checks', async () => {
      const { registry } = fixture();
      await modelWith('old', { auc: 0.99 });
      await registry.archiveVersion('old', 1);
      const result = await registry.promote('old', 1, {
        alias: 'champion',
        require: ['metrics.auc > 0.9'],
      });
      expect(result.promoted).toBe(false);
      expect(result.checks[0]).toMatchObject({
        passed: false,
        detail: expect.stringMatching(/archived/),
      });
      expect(result.checks[1].passed).toBe(true);
    });

    it('a malformed requirement is a parse error with its column, before anything runs', async () => {
      const { registry } = fixture();
      await modelWith('typo', { auc: 0.9 });
      const attempt = registry.promote('typo', 1, {
        alias: 'champion',
        require: ['metrics.auc => 0.9'],
      });
      await expect(attempt).rejects.toThrow(FilterParseError);
      // `=` is read as the operator, so the stray `>` is where a number was expected.
      await expect(attempt).rejects.toMatchObject({ column: 14 });
      await expect(attempt).rejects.toThrow(/expected a number/);
    });

    it('must-beat without a metric to compare is an invalid parameter', async () => {
      const { registry } = fixture();
      await modelWith('nometric', { auc: 0.9 });
      await expect(
        registry.promote('nometric', 1, { alias: 'champion', mustBeat: 'champion' }),
      ).rejects.toThrow(InvalidParameterError);
    });
  });
});
