import { fingerprintFrame } from '../data/fingerprint.js';
import type { Frame } from '../data/frame.js';
import type { FrameProfile } from '../data/profile.js';
import { profileFrame } from '../data/profile.js';

/** A dataset as a run logs it: its identity is the fingerprint and the name together. */
export interface DatasetInput {
  readonly name: string;
  /** `fingerprintFrame` of the data. */
  readonly fingerprint: string;
  readonly rows?: number;
  readonly columns?: number;
  readonly profile?: FrameProfile;
}

/**
 * Describes a frame for `run.logInput`: fingerprint, shape and profile.
 *
 * @example
 * await run.logInput(datasetFromFrame(frame, 'credit.csv'), 'train');
 */
export function datasetFromFrame(frame: Frame, name: string): DatasetInput {
  return {
    name,
    fingerprint: fingerprintFrame(frame),
    rows: frame.rows,
    columns: frame.columns.length,
    profile: profileFrame(frame),
  };
}
