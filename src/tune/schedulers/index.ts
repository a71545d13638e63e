export { HyperbandPruner, type HyperbandPrunerOptions } from './hyperband-pruner.js';
export { MedianPruner, type MedianPrunerOptions } from './median-pruner.js';
export { NopPruner } from './nop-pruner.js';
export {
  SuccessiveHalvingPruner,
  rungKey,
  type SuccessiveHalvingPrunerOptions,
} from './successive-halving-pruner.js';
