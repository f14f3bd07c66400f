import { SEED_RIGHT_SCAPULA_MRI } from './index';
import type { RedFlagCode, TriageInput } from '@/lib/triage/types';
import { RED_FLAG_CODES } from '@/lib/triage/red-flags';

/** Every red flag answered "no" — both forum posters describe none of them. */
const allNo = (): Record<RedFlagCode, boolean> =>
  Object.fromEntries(RED_FLAG_CODES.map((c) => [c, false])) as Record<RedFlagCode, boolean>;

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
  mriReport: SEED_RIGHT_SCAPULA_MRI,
};
