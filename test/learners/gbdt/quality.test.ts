import { describe, expect, it } from 'vitest';
import {
  HistGradientBoostingClassifier,
  HistGradientBoostingRegressor,
} from '../../../src/learners/gbdt/index.js';
import { accuracyScore, rocAucScore, rootMeanSquaredError } from '../../../src/metrics/index.js';
import type { QualityFixture } from './quality-fixture.js';
import { loadQualityFixture } from './quality-fixture.js';

function options(f: QualityFixture) {
  return {
    nEstimators: f.settings.rounds,
    maxDepth: f.settings.maxDepth,
    learningRate: f.settings.learningRate,
    maxBins: f.settings.maxBins,
    lambdaL2: f.settings.lambdaL2,
  };
}

describe('held-out quality against XGBoost 1.7 (hist) and scikit-learn 1.2 at equal settings', () => {
  it('credit (binary, native categorical splits): AUC within 0.005 of the better anchor', () => {
    const f = loadQualityFixture('credit');
    const model = new HistGradientBoostingClassifier(options(f)).fit(f.trainX, f.trainY, {
      categoricalFeatures: f.categoricalFeatures,
    });
    const auc = rocAucScore(f.testY, model.predictProba(f.testX));
    expect(auc).toBeGreaterThanOrEqual(Math.max(f.anchors.xgboost, f.anchors.sklearn) - 0.005);
  });

  it('letters (26 classes, 3000 training rows): accuracy within 0.005 of the better anchor', () => {
    const f = loadQualityFixture('letters');
    const model = new HistGradientBoostingClassifier(options(f)).fit(f.trainX, f.trainY);
    const accuracy = accuracyScore(f.testY, model.predict(f.testX));
    expect(accuracy).toBeGreaterThanOrEqual(Math.max(f.anchors.xgboost, f.anchors.sklearn) - 0.005);
  });

  it('ames (numeric columns): RMSE within 3% of the better anchor', () => {
    const f = loadQualityFixture('ames');
    const model = new HistGradientBoostingRegressor(options(f)).fit(f.trainX, f.trainY);
    const rmse = rootMeanSquaredError(f.testY, model.predict(f.testX));
    expect(rmse).toBeLessThanOrEqual(1.03 * Math.min(f.anchors.xgboost, f.anchors.sklearn));
  });
});
