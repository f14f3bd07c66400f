import { describe, expect, it } from 'vitest';
import { firstStepWithErrors, INTAKE_STEP_FIELDS, openingStep, reachableStep, reachedStepIndex, stepOfField } from './intake-steps';
import { INTAKE_STEPS } from '@/lib/domain/intake-step';

describe('intake steps', () => {
  it('has a field list for every step, and maps server errors back to steps', () => {
    for (const step of INTAKE_STEPS) expect(INTAKE_STEP_FIELDS[step].length).toBeGreaterThan(0);
    expect(stepOfField('complaint.painWorst')).toBe('story');
    expect(stepOfField('complaint.regions')).toBe('where');
    expect(stepOfField('episodes.1.startedOn')).toBe('history');
    expect(stepOfField('redFlags.night_pain')).toBe('safety');
  });

  it('puts the safety screen right after "about you"', () => {
    expect(INTAKE_STEPS.slice(0, 2)).toEqual(['about', 'safety']);
    expect(stepOfField('guardian.name')).toBe('about');
  });

  it('sends the patient to the first step, in wizard order, that shows an error', () => {
    expect(firstStepWithErrors(['consent.privacy', 'complaint.painNow', 'redFlags.night_pain'])).toBe('safety');
    expect(firstStepWithErrors(['_unknown'])).toBe('review');
  });

  it('opens on the step in the address only when it was reached, and an amendment on the review', () => {
    const draftData = { reachedStep: 'story' };
    expect(openingStep({ amend: false, draftStep: 'where', draftData, urlStep: 'safety' })).toEqual({ step: 'safety', reached: 3 });
    expect(openingStep({ amend: false, draftStep: 'where', draftData, urlStep: 'imaging' })).toEqual({ step: 'where', reached: 3 });
    expect(openingStep({ amend: false, urlStep: null })).toEqual({ step: 'about', reached: 0 });
    expect(openingStep({ amend: true, draftStep: 'where', urlStep: null })).toEqual({ step: 'review', reached: INTAKE_STEPS.length - 1 });
    expect(reachedStepIndex({ reachedStep: 'nonsense' })).toBe(0);
    expect(reachableStep('review', 2)).toBe('where');
  });
});
