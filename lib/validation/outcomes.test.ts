import { describe, expect, it } from 'vitest';
import { RED_FLAG_CODES } from '@/lib/triage';
import { rightScapulaIntake } from '@/db/seed/forum-cases';
import { intakeSubmissionSchema } from './intake';
import { checkInSchema, rehabPlanSchema } from './outcomes';

const flags = Object.fromEntries(RED_FLAG_CODES.map((c) => [c, false]));
const valid = { painNow: 2, painWorst: 4, psfs: [{ activity: ' Bench press ', score: 5 }], globalChange: -2, trainingStatus: 'none', redFlags: flags };

describe('check-in schema', () => {
  it('accepts a full answer and trims the activity', () => {
    expect(checkInSchema.parse(valid).psfs).toEqual([{ activity: 'Bench press', score: 5 }]);
  });

  it('refuses out-of-range scores, unknown keys, missing safety answers, worst below now', () => {
    const paths = (v: unknown) => (checkInSchema.safeParse(v).error?.issues ?? []).map((i) => i.path.join('.'));
    expect(paths({ ...valid, painNow: 11, globalChange: 8, trainingStatus: 'x' })).toEqual(expect.arrayContaining(['painNow', 'globalChange', 'trainingStatus']));
    expect(paths({ ...valid, extra: 1 })).toEqual(['']);
    expect(paths({ ...valid, redFlags: { ...flags, saddle_numbness: undefined } })).toEqual(['redFlags.saddle_numbness']);
    expect(paths({ ...valid, painNow: 5, painWorst: 3 })).toEqual(['painWorst']);
    expect(paths({ ...valid, psfs: [{ activity: 'a', score: 1 }, { activity: 'A', score: 2 }] })).toEqual(['psfs']);
  });
});

describe('plan schema', () => {
  it('defaults the check-ins to weeks 1, 2, 4, 8, 12 and refuses weeks out of order', () => {
    const base = { startsOn: '2026-01-05', phases: [{ title: 'Settle', from: '2026-01-05', to: '2026-01-18' }], exercises: [], stopIf: 'Numbness.' };
    expect(rehabPlanSchema.parse(base).checkInWeeks).toEqual([1, 2, 4, 8, 12]);
    expect(rehabPlanSchema.safeParse({ ...base, checkInWeeks: [2, 1] }).success).toBe(false);
    expect(rehabPlanSchema.safeParse({ ...base, phases: [{ title: 'Settle', from: '2026-01-18', to: '2026-01-05' }] }).error?.issues[0]?.path).toEqual(['phases', 0, 'to']);
  });
});

describe('intake: the PSFS activities', () => {
  it('are optional, at most three, and kept', () => {
    const intake = rightScapulaIntake();
    const withActivities = { ...intake, training: { ...intake.training, psfsActivities: ['Bench press', 'Deadlift from the floor', 'Sleeping on my back'] } };
    expect(intakeSubmissionSchema.parse(withActivities).training?.psfsActivities).toHaveLength(3);
    expect(intakeSubmissionSchema.safeParse(intake).success).toBe(true);
    expect(intakeSubmissionSchema.safeParse({ ...intake, training: { ...intake.training, psfsActivities: ['a', 'b', 'c', 'd'] } }).success).toBe(false);
  });
});
