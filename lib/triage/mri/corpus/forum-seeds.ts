import type { RedFlagCode, TriageInput } from '@/lib/triage/types';
import { RED_FLAG_CODES } from '@/lib/triage/red-flags';

/** Every red flag answered "no" — both forum posters describe none of them. */
const allNo = (): Record<RedFlagCode, boolean> =>
  Object.fromEntries(RED_FLAG_CODES.map((c) => [c, false])) as Record<RedFlagCode, boolean>;

/**
 * The MRI report of the right-scapula forum case (shared/seeds/thread-upper-back-right-scapula.txt), verbatim. The
 * engine's corpus, the demo seed (db/seed/forum-cases) and the tests all read this one copy.
 */
export const RIGHT_SCAPULA_MRI_REPORT = [
  'Slight loss of height and Modic type 1 signal changes are observed in the T5 and T7 vertebrae.',
  'Other vertebral corpus heights and bone structures observed in the examination area are normal.',
  'The intervertebral disc spaces observed in the examination area and the structure of the discs are normal.',
  'Spinal canal calibration is normal. The soft tissues of the paraspinal region are normal.',
].join('\n');

/**
 * The two forum cases of shared/seeds/, as the intakes their posters would submit. Ages are not given in the
 * threads; 30 is assumed. The left-scapula poster took a short course of methylprednisolone for a chest infection:
 * a few days, so "long-term steroids" is no.
 */
export const LEFT_SCAPULA_CASE: TriageInput = {
  age: 30,
  regions: ['upper_back_left'],
  redFlags: allNo(),
};

/** Right scapula: sharp pain after deadlifts, worse with trunk movement, sneezing and coughing; MRI attached. */
export const RIGHT_SCAPULA_CASE: TriageInput = {
  age: 30,
  regions: ['upper_back_right'],
  redFlags: allNo(),
  mriReport: RIGHT_SCAPULA_MRI_REPORT,
};
