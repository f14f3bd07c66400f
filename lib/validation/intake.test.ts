import { describe, expect, it } from 'vitest';
import { leftScapulaIntake, rightScapulaIntake } from '@/db/seed/forum-cases';
import { intakeDraftSchema, intakeStepSchemas, intakeSubmissionSchema, intakeSubmissionSchemaFor, type IntakeSubmission } from './intake';
import { INTAKE_STEPS } from '@/lib/domain/intake-step';

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

  it('has a sub-schema for every step (the field lists and their mapping: lib/cases/intake-steps.test.ts)', () => {
    for (const step of INTAKE_STEPS) expect(intakeStepSchemas[step]).toBeDefined();
    expect(intakeStepSchemas.story.safeParse({ complaint: { ...rightScapulaIntake().complaint, regions: undefined } }).success).toBe(true);
  });
});

describe('intakeDraftSchema', () => {
  it('accepts half-filled answers but only known sections', () => {
    expect(intakeDraftSchema.safeParse({ data: { patient: { name: 'A' } }, step: 'about', baseRevision: 0 }).success).toBe(true);
    expect(intakeDraftSchema.safeParse({ data: { secrets: 1 }, step: 'about', baseRevision: 0 }).success).toBe(false);
  });

  it('keeps the furthest step reached (a known step only), so earlier steps stay open after a reload', () => {
    expect(intakeDraftSchema.safeParse({ data: { reachedStep: 'story' }, step: 'where', baseRevision: 0 }).success).toBe(true);
    expect(intakeDraftSchema.safeParse({ data: { reachedStep: 'payment' }, step: 'where', baseRevision: 0 }).success).toBe(false);
  });
});

describe('v2 contact, guardian and dates', () => {
  const yearsAgo = (n: number) => {
    const d = new Date();
    d.setUTCFullYear(d.getUTCFullYear() - n);
    return d.toISOString().slice(0, 10);
  };

  it('stores the phone in E.164 from what people type, and refuses a number without its country code', () => {
    const input = rightScapulaIntake();
    input.patient.phone = '0090 (532) 123-45-67';
    expect(intakeSubmissionSchema.parse(input).patient.phone).toBe('+905321234567');
    input.patient.phone = '0532 123 45 67';
    expect(issuesOf(input)['patient.phone']).toMatch(/country code/);
    input.patient.phone = '+44 77';
    expect(issuesOf(input)['patient.phone']).toMatch(/Check the number/);
  });

  it('asks a guardian under the configured age on the day of submission, and drops one given by an adult', () => {
    const child = rightScapulaIntake();
    child.patient.dateOfBirth = yearsAgo(12);
    expect(Object.keys(issuesOf(child)).sort()).toEqual(['guardian.consent', 'guardian.name', 'guardian.relationship']);
    child.guardian = { name: 'Sam Young', relationship: 'Mother', consent: true };
    expect((intakeSubmissionSchema.parse(child) as IntakeSubmission).guardian).toEqual({ name: 'Sam Young', relationship: 'Mother', consent: true });
    // 16 today is no longer a minor by default; with the age set to 18 they are.
    const sixteen = rightScapulaIntake();
    sixteen.patient.dateOfBirth = yearsAgo(16);
    expect(intakeSubmissionSchema.safeParse(sixteen).success).toBe(true);
    expect(intakeSubmissionSchemaFor(18).safeParse(sixteen).success).toBe(false);
    const adult = { ...rightScapulaIntake(), guardian: { name: 'x', relationship: 'y', consent: true as const } };
    expect(intakeSubmissionSchema.parse(adult)).not.toHaveProperty('guardian');
  });

  it('refuses an onset date before the date of birth', () => {
    const input = rightScapulaIntake();
    input.complaint.onsetDate = '1990-01-01';
    expect(issuesOf(input)['complaint.onsetDate']).toBe('The pain cannot have started before you were born (1994-03-12). Check the year.');
  });
});
