import { describe, expect, it } from 'vitest';
import { RED_FLAG_CODES } from '@/lib/triage';
import { groupSummaryErrors } from './group-errors';

describe('error summary groups', () => {
  it('twelve unanswered safety questions are one problem, linking to the first question', () => {
    const errors = RED_FLAG_CODES.map((c) => ({ path: `redFlags.${c}`, message: 'Please answer yes or no.' }));
    expect(groupSummaryErrors(errors)).toEqual([
      { path: `redFlags.${RED_FLAG_CODES[0]}`, message: 'Answer every safety question with yes or no: 12 still need an answer.' },
    ]);
  });

  it('keeps different problems apart and in order; one error stays as it is', () => {
    const errors = [
      { path: 'patient.name', message: 'Enter your name.' },
      { path: 'redFlags.night_pain', message: 'Please answer yes or no.' },
      { path: 'episodes.0.startedOn', message: 'Choose the month and year it started.' },
      { path: 'episodes.1.startedOn', message: 'Choose the month and year it started.' },
    ];
    expect(groupSummaryErrors(errors)).toEqual(errors);
  });

  it('groups same-message siblings under another parent with a count', () => {
    const errors = [
      { path: 'training.affectedLifts.0', message: 'A lift cannot be empty.' },
      { path: 'training.affectedLifts.2', message: 'A lift cannot be empty.' },
    ];
    expect(groupSummaryErrors(errors)).toEqual([{ path: 'training.affectedLifts.0', message: 'A lift cannot be empty. (2 places)' }]);
  });
});
