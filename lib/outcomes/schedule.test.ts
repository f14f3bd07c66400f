import { describe, expect, it } from 'vitest';
import { checkInDueTimes, competitionDateOf, datedPhases, psfsActivitiesOf } from './schedule';

describe('the plan calendar', () => {
  it('check-ins fall due whole weeks after the start, 09:00 local, across a clock change', () => {
    // London moves to summer time on 2026-03-29: week 1 is 09:00 GMT, week 4 09:00 BST.
    expect(checkInDueTimes('2026-03-10', [1, 4], 'Europe/London').map((d) => d.toISOString())).toEqual(['2026-03-17T09:00:00.000Z', '2026-04-07T08:00:00.000Z']);
    expect(checkInDueTimes('2026-03-10', [1, 2], null, new Date('2026-03-20T00:00:00Z')).map((d) => d.toISOString())).toEqual(['2026-03-24T09:00:00.000Z']);
  });

  it('a template’s weeks become dates: week n runs from day 7(n−1) to day 7n − 1', () => {
    expect(datedPhases([{ title: 'Pain-free pulling', fromWeek: 1, toWeek: 2 }, { title: 'Bench to 60 %', fromWeek: 3, toWeek: 4, notes: 'RPE 6' }], '2026-01-05')).toEqual([
      { title: 'Pain-free pulling', from: '2026-01-05', to: '2026-01-18' },
      { title: 'Bench to 60 %', from: '2026-01-19', to: '2026-02-01', notes: 'RPE 6' },
    ]);
  });

  it('the PSFS activities: the three named, else the affected lifts, else the goal', () => {
    expect(psfsActivitiesOf({ training: { psfsActivities: ['Bench press', 'Sleeping on my back'], affectedLifts: ['Squat'] } })).toEqual(['Bench press', 'Sleeping on my back']);
    expect(psfsActivitiesOf({ training: { affectedLifts: ['Squat', 'Bench press', 'Deadlift', 'Rows'] } })).toEqual(['Squat', 'Bench press', 'Deadlift']);
    expect(psfsActivitiesOf({ training: { goals: 'Compete in 7 weeks' } })).toEqual(['Compete in 7 weeks']);
    expect(psfsActivitiesOf({ complaint: {} })).toEqual([]);
    expect(competitionDateOf({ training: { nextCompetitionDate: '2027-01-30' } })).toBe('2027-01-30');
    expect(competitionDateOf({ training: { nextCompetitionDate: '2027-02-30' } })).toBeNull();
  });
});
