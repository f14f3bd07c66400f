import { describe, expect, it } from 'vitest';
import { leftScapulaIntake, rightScapulaIntake } from '@/lib/intake/forum-cases';
import { INTAKE_STEP_FIELDS, INTAKE_STEPS, intakeDraftSchema, intakeStepSchemas, intakeSubmissionSchema, stepOfField } from './intake';

const issuesOf = (input: unknown) => {
  const r = intakeSubmissionSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('intakeSubmissionSchema', () => {
  it('accepts both forum cases as the form records them', () => {
    expect(intakeSubmissionSchema.safeParse(rightScapulaIntake()).success).toBe(true);
    expect(intakeSubmissionSchema.safeParse(leftScapulaIntake()).success).toBe(true);
  });

  it('trims strings and drops blank optional text', () => {
    const input = rightScapulaIntake();
    input.patient.name = '  Deniz  ';
    input.complaint.mechanism = '   ';
    input.complaint.onsetDate = '';
    const out = intakeSubmissionSchema.parse(input);
    expect(out.patient.name).toBe('Deniz');
    expect(out.complaint).not.toHaveProperty('mechanism', expect.anything());
    expect(out.complaint.onsetDate).toBeUndefined();
  });

  it('rejects unknown keys at every level', () => {
    const input = { ...rightScapulaIntake(), extra: 1 } as Record<string, unknown>;
    expect(Object.keys(issuesOf(input))).toEqual(['']);
    const nested = rightScapulaIntake() as unknown as { complaint: Record<string, unknown> };
    nested.complaint.diagnosis = 'x';
    expect(Object.keys(issuesOf(nested))).toEqual(['complaint']);
  });

  it('explains what is missing in plain language, by field path', () => {
    const input = rightScapulaIntake() as unknown as Record<string, Record<string, unknown>>;
    input.complaint.regions = [];
    input.complaint.painNow = 11;
    delete input.redFlags.night_pain;
    input.consent.privacy = false;
    expect(issuesOf(input)).toEqual({
      'complaint.regions': 'Mark at least one area where it hurts.',
      'complaint.painNow': 'Choose a number from 0 to 10 for your pain now.',
      'redFlags.night_pain': 'Please answer yes or no.',
      'consent.privacy': 'Please agree to how we use your information, or we cannot look at your case.',
    });
  });

  it('limits the MRI report to 20,000 characters and checks dates are real', () => {
    const input = rightScapulaIntake();
    input.imaging = { mriReport: 'x'.repeat(20_001) };
    input.patient.dateOfBirth = '1994-02-30';
    expect(Object.keys(issuesOf(input)).sort()).toEqual(['imaging.mriReport', 'patient.dateOfBirth']);
  });

  it('has a sub-schema and field list for every step, and maps server errors back to steps', () => {
    for (const step of INTAKE_STEPS) {
      expect(intakeStepSchemas[step]).toBeDefined();
      expect(INTAKE_STEP_FIELDS[step].length).toBeGreaterThan(0);
    }
    expect(intakeStepSchemas.story.safeParse({ complaint: { ...rightScapulaIntake().complaint, regions: undefined } }).success).toBe(true);
    expect(stepOfField('complaint.painWorst')).toBe('story');
    expect(stepOfField('complaint.regions')).toBe('where');
    expect(stepOfField('episodes.1.startedOn')).toBe('history');
    expect(stepOfField('redFlags.night_pain')).toBe('safety');
  });
});

describe('intakeDraftSchema', () => {
  it('accepts half-filled answers but only known sections', () => {
    expect(intakeDraftSchema.safeParse({ data: { patient: { name: 'A' } }, step: 'about', baseRevision: 0 }).success).toBe(true);
    expect(intakeDraftSchema.safeParse({ data: { secrets: 1 }, step: 'about', baseRevision: 0 }).success).toBe(false);
  });
});
