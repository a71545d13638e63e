import type { SmoothObjective } from '../optim/objective.js';
import { addDenseGradient, chunkRows, denseScores } from './logistic-dense-blocks.js';
import type { LogisticProblem } from './logistic-loss.js';
import { addPenalty, binaryTermInPlace, softmaxResidual } from './logistic-terms.js';

/**
 * The logistic objectives on a dense row-major X. Rows go by chunks small enough to stay in
 * cache: blocked scores for the chunk, then each row's loss and residual in place, then the
 * blocked gradient accumulation. The chunk and bias buffers are allocated once per fit, never
 * per evaluation. A zero-weight row contributes exact zeros (its residual is scaled by 0).
 */
export function denseLogisticObjective(
  problem: LogisticProblem,
  data: Float64Array,
): SmoothObjective {
  const { X, classCount, fitIntercept, l2, target, weight } = problem;
  const n = X.rows;
  const p = X.cols;
  const K = classCount === 2 ? 1 : classCount;
  const biasAt = p * K;
  const chunk = chunkRows(p);
  const buffer = new Float64Array(chunk * K);
  const bias = new Float64Array(K);
  const biasGradientAt = fitIntercept ? biasAt : -1;
  if (K === 1) {
    return (x, g) => {
      bias[0] = fitIntercept ? x[biasAt] : 0;
      g.fill(0);
      let loss = 0;
      for (let start = 0; start < n; start += chunk) {
        const end = Math.min(n, start + chunk);
        denseScores(data, p, start, end, x, bias, 1, buffer);
        for (let i = start, t = 0; i < end; i++, t++)
          loss += binaryTermInPlace(buffer, t, target[i], weight[i]);
        addDenseGradient(data, p, start, end, buffer, 1, g, biasGradientAt);
      }
      return loss + addPenalty(l2, biasAt, x, g);
    };
  }
  return (x, g) => {
    for (let k = 0; k < K; k++) bias[k] = fitIntercept ? x[biasAt + k] : 0;
    g.fill(0);
    let loss = 0;
    for (let start = 0; start < n; start += chunk) {
      const end = Math.min(n, start + chunk);
      denseScores(data, p, start, end, x, bias, K, buffer);
      for (let i = start, t = 0; i < end; i++, t += K)
        loss += softmaxResidual(buffer, t, K, target[i], weight[i]);
      addDenseGradient(data, p, start, end, buffer, K, g, biasGradientAt);
    }
    return loss + addPenalty(l2, biasAt, x, g);
  };
}
