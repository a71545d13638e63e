import type { StudyView } from './types.js';

/**
 * The one write a pruner may make: a system attribute on a trial (successive halving records
 * the value a trial had at each rung there, so later trials compete against it). `Study`
 * implements it; a persistent study will route it to its storage.
 */
export interface TrialSystemAttrWriter {
  setTrialSystemAttr(trialNumber: number, key: string, value: unknown): void;
}

export type WritableStudyView = StudyView & TrialSystemAttrWriter;

export function isWritableStudyView(study: StudyView): study is WritableStudyView {
  return typeof (study as Partial<TrialSystemAttrWriter>).setTrialSystemAttr === 'function';
}
