import type { Migration } from 'kysely';
import * as initial from './001-initial.js';
import * as paramsStatistics from './002-params-statistics.js';
import * as studies from './003-studies.js';
import * as predictions from './004-predictions.js';

/**
 * Every schema migration, in order, keyed by a name that sorts in that order. Append only: an
 * older store is upgraded by running the ones it lacks; a store with a name not listed here was
 * written by a newer argmin.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = Object.freeze({
  '001-initial': initial,
  '002-params-statistics': paramsStatistics,
  '003-studies': studies,
  '004-predictions': predictions,
});
