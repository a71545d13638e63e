import type { Pruner } from '../types.js';

/**
 * Never prunes: every trial runs to the end.
 *
 * @example
 * createStudy({ pruner: new NopPruner() });
 */
export class NopPruner implements Pruner {
  shouldPrune(): boolean {
    return false;
  }
}
