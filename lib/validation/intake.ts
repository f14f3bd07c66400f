/**
 * The ONE intake schema (CONTRACTS.md §4), shared by the wizard (react-hook-form + zodResolver), the draft
 * autosave, `POST /api/intakes` and the submission service. Strict objects (unknown keys are rejected), strings
 * trimmed, messages written for patients. Optional text left blank in the form ('') is stored as absent.
 */
import './zod-csp';
import { z } from 'zod';
import { ageOn } from '@/lib/format/age';
import { parseCalendarDate } from '@/lib/format/dates';
import { BODY_REGIONS, MOVEMENTS, RED_FLAG_CODES, type RedFlagCode } from '@/lib/triage';
import { INTAKE_STEPS, type IntakeStep } from '@/lib/domain/intake-step';
import { PSFS_MAX_ACTIVITIES } from '@/lib/domain/outcomes';

export const MRI_REPORT_MAX = 20_000;
export const SUMMARY_MAX = 4_000;
const NOTE_MAX = 2_000;
const SHORT_TEXT_MAX = 200;
const LIST_MAX = 20;

const SEXES = ['female', 'male', 'other', 'unspecified'] as const;
const ONSET_TYPES = ['sudden', 'gradual', 'unknown'] as const;
export const PRIOR_CARE_KINDS = ['physician', 'specialist', 'physiotherapist', 'chiropractor', 'imaging', 'other'] as const;
/** Default of GUARDIAN_REQUIRED_UNDER_AGE: below this age on the day of submission a parent or guardian consents. */
const GUARDIAN_UNDER_AGE_DEFAULT = 16;

const ISO_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A real calendar date written YYYY-MM-DD (rejects 2021-02-30). */
function isIsoDate(value: string): boolean {
  return parseCalendarDate(value) !== null;
}

function isIsoMonth(value: string): boolean {
  return ISO_MONTH.test(value);
}

function isIanaTimeZone(value: string): boolean {
  if (!value || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Today's date (UTC) plus one day of slack, so a patient east of UTC can enter their own "today". */
function latestAllowedDay(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

const requiredText = (max: number, emptyMessage: string, tooLongMessage = `Please keep this under ${max.toLocaleString('en')} characters.`) =>
  z.string({ error: emptyMessage }).trim().min(1, emptyMessage).max(max, tooLongMessage);

/** Optional free text: blank means "not given" and is dropped from the stored submission. */
const optionalText = (max: number, tooLongMessage = `Please keep this under ${max.toLocaleString('en')} characters.`) =>
  z
    .string()
    .trim()
    .max(max, tooLongMessage)
    .optional()
    .transform((v) => (v ? v : undefined));

const optionalDate = (message: string, opts: { notInFuture?: boolean } = {}) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || isIsoDate(v), message)
    .refine((v) => !opts.notInFuture || v === '' || v <= latestAllowedDay(), 'This date is in the future. Check the year.')
    .optional()
    .transform((v) => (v ? v : undefined));

const month = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .refine(isIsoMonth, message)
    .refine((v) => !isIsoMonth(v) || v <= latestAllowedDay().slice(0, 7), 'This month is in the future. Check the year.');

const optionalMonth = (message: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || isIsoMonth(v), message)
    .refine((v) => v === '' || !isIsoMonth(v) || v <= latestAllowedDay().slice(0, 7), 'This month is in the future. Check the year.')
    .optional()
    .transform((v) => (v ? v : undefined));

const painScore = (what: string) =>
  z
    .number({ error: `Choose a number from 0 to 10 for ${what}.` })
    .int(`Choose a whole number from 0 to 10 for ${what}.`)
    .min(0, `Choose a number from 0 to 10 for ${what}.`)
    .max(10, `Choose a number from 0 to 10 for ${what}.`);

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * A phone number as people type it ("+44 7700 900123", "0044 (7700) 900-123") in E.164 ("+447700900123"):
 * spaces, dots, dashes and brackets are dropped and a leading 00 becomes +. Anything else is left for the regex.
 */
function normalisePhone(raw: string): string {
  const compact = raw.trim().replace(/[\s.\-()/]/g, '');
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
}

const isE164 = (value: string) => E164.test(value);

export const phoneSchema = z
  .string({ error: 'Enter a phone number where we can reach you.' })
  .transform(normalisePhone)
  .pipe(
    z
      .string()
      .min(1, 'Enter a phone number where we can reach you.')
      .refine((v) => v.startsWith('+'), 'Start with your country code, for example +44 7700 900123 or +90 532 123 45 67.')
      .refine((v) => !v.startsWith('+') || isE164(v), 'Check the number: a + and the country code, then 6 to 14 digits, for example +44 7700 900123.'),
  );

// ---------------------------------------------------------------------------------------------------------------
// Sections (one per top-level key of IntakeSubmission)

export const patientSchema = z.strictObject({
  name: requiredText(SHORT_TEXT_MAX, 'Enter your name.', 'Please shorten your name to 200 characters.'),
  dateOfBirth: z
    .string({ error: 'Enter your date of birth.' })
    .trim()
    .min(1, 'Enter your date of birth.')
    .refine(isIsoDate, 'Enter your date of birth as a real date: day, month and year.')
    .refine((v) => !isIsoDate(v) || v <= new Date().toISOString().slice(0, 10), 'Your date of birth cannot be in the future.')
    .refine((v) => !isIsoDate(v) || v >= '1900-01-01', 'Check the year of your date of birth.'),
  sex: z.enum(SEXES, { error: 'Choose one of the options, or "Prefer not to say".' }).optional(),
  timezone: z
    .string({ error: 'Choose your time zone.' })
    .trim()
    .refine(isIanaTimeZone, 'Choose your time zone from the list, for example Europe/London.'),
  phone: phoneSchema,
  mayCall: z.boolean({ error: 'Tell us whether we may phone you.' }),
});

const guardianSchema = z.strictObject({
  name: requiredText(SHORT_TEXT_MAX, "Enter your parent's or guardian's name."),
  relationship: requiredText(100, 'Tell us how they are related to you, for example mother or legal guardian.'),
  consent: z.literal(true, { error: 'Your parent or guardian must agree before you send this.' }),
});
type Guardian = z.output<typeof guardianSchema>;

// Shapes are kept apart from the refined objects: zod 4 refuses .pick/.omit on refined objects.
const complaintShape = {
  summary: requiredText(SUMMARY_MAX, 'Tell us in a few words what is going on.', 'Please keep your story under 4,000 characters.'),
  regions: z
    .array(z.enum(BODY_REGIONS, { error: 'That body area is not on our map.' }), { error: 'Mark at least one area where it hurts.' })
    .min(1, 'Mark at least one area where it hurts.')
    .max(BODY_REGIONS.length, 'Too many areas.')
    .refine((r) => new Set(r).size === r.length, 'Each area can be marked only once.'),
  onsetDate: optionalDate('Enter a real date (day, month and year), or leave it empty.', { notInFuture: true }),
  onsetType: z.enum(ONSET_TYPES, { error: 'Tell us whether it started suddenly, gradually, or you are not sure.' }),
  mechanism: optionalText(500, 'Please keep this under 500 characters.'),
  painNow: painScore('your pain now'),
  painWorst: painScore('your worst pain'),
  aggravating: z
    .array(z.enum(MOVEMENTS, { error: 'That movement is not on our list.' }))
    .max(MOVEMENTS.length)
    .refine((m) => new Set(m).size === m.length, 'Each movement can be chosen only once.'),
  easing: optionalText(NOTE_MAX),
  morningStiffness: z.boolean().optional(),
};

const isScore = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 10;
/** Compared only once both scores are valid, so a patient sees one message per problem. */
const worstAtLeastNow = (c: { painNow: number; painWorst: number }) => !isScore(c.painNow) || !isScore(c.painWorst) || c.painWorst >= c.painNow;
const worstAtLeastNowIssue = { path: ['painWorst'], message: 'Your worst pain should be at least as high as your pain now.' };

const complaintSchema = z.strictObject(complaintShape).refine(worstAtLeastNow, worstAtLeastNowIssue);

const episodeSchema = z
  .strictObject({
    startedOn: month('Choose the month and year it started.'),
    resolvedOn: optionalMonth('Choose the month and year it settled, or leave it empty if it is still going on.'),
    notes: optionalText(NOTE_MAX),
  })
  .refine((e) => !e.resolvedOn || e.resolvedOn >= e.startedOn, { path: ['resolvedOn'], message: 'It cannot settle before it started. Check the months.' });

const priorCareSchema = z.strictObject({
  kind: z.enum(PRIOR_CARE_KINDS, { error: 'Choose who you saw.' }),
  date: optionalMonth('Choose the month and year, or leave it empty.'),
  notes: optionalText(NOTE_MAX),
});

const medicationSchema = z.strictObject({
  name: requiredText(SHORT_TEXT_MAX, 'Enter the name of the medicine, or remove this row.'),
  notes: optionalText(NOTE_MAX),
});

const trainingSchema = z.strictObject({
  sport: optionalText(SHORT_TEXT_MAX),
  yearsTraining: z
    .number({ error: 'Enter the number of years, for example 4.' })
    .min(0, 'Years of training cannot be negative.')
    .max(80, 'Check the number of years.')
    .optional(),
  typicalRpe: z
    .number({ error: 'Enter an RPE from 1 to 10.' })
    .min(1, 'Enter an RPE from 1 to 10.')
    .max(10, 'Enter an RPE from 1 to 10.')
    .multipleOf(0.5, 'Use whole or half numbers, for example 7 or 7.5.')
    .optional(),
  affectedLifts: z
    .array(requiredText(100, 'A lift cannot be empty.', 'Please keep each lift under 100 characters.'))
    .max(LIST_MAX, `Please list at most ${LIST_MAX} lifts.`)
    .optional(),
  nextCompetitionDate: optionalDate('Enter a real date (day, month and year), or leave it empty.'),
  goals: optionalText(NOTE_MAX),
  /** Up to three activities the patient finds hard now (Patient-Specific Functional Scale); check-ins score them. */
  psfsActivities: z
    .array(requiredText(100, 'An activity cannot be empty.', 'Please keep each activity under 100 characters.'))
    .max(PSFS_MAX_ACTIVITIES, `Please name at most ${PSFS_MAX_ACTIVITIES} activities.`)
    .optional(),
});

const imagingSchema = z.strictObject({
  mriReport: optionalText(MRI_REPORT_MAX, 'The report is longer than 20,000 characters. Paste the findings and conclusion only.'),
  /** v2 (CONTRACTS §7): the uploaded report file (POST /api/intake-files) the text was read from; attached on submit. */
  fileId: z.uuid('That uploaded report is not valid. Please upload it again.').optional(),
});

const redFlagShape = Object.fromEntries(
  RED_FLAG_CODES.map((code) => [code, z.boolean({ error: 'Please answer yes or no.' })]),
) as Record<RedFlagCode, z.ZodBoolean>;
const redFlagsSchema = z.strictObject(redFlagShape);

const consentSchema = z.strictObject({
  privacy: z.literal(true, { error: 'Please agree to how we use your information, or we cannot look at your case.' }),
  notForEmergencies: z.literal(true, { error: 'Please confirm you understand this service is not for emergencies.' }),
});

const submissionShape = {
  patient: patientSchema,
  // Validated below against the date of birth: required (and only kept) for a minor on the day of submission.
  guardian: z.unknown().optional(),
  complaint: complaintSchema,
  episodes: z.array(episodeSchema).max(LIST_MAX, `Please list at most ${LIST_MAX} episodes.`).optional(),
  priorCare: z.array(priorCareSchema).max(LIST_MAX, `Please list at most ${LIST_MAX} visits.`).optional(),
  medications: z.array(medicationSchema).max(LIST_MAX, `Please list at most ${LIST_MAX} medicines.`).optional(),
  training: trainingSchema.optional(),
  imaging: imagingSchema.optional(),
  redFlags: redFlagsSchema,
  consent: consentSchema,
};
const submissionObject = z.strictObject(submissionShape);

/** Does a patient born on `dateOfBirth` need a guardian's consent today? False while the date is not valid yet. */
function needsGuardian(dateOfBirth: unknown, guardianUnderAge: number, now = new Date()): boolean {
  const age = typeof dateOfBirth === 'string' ? ageOn(dateOfBirth.trim(), now) : null;
  return age !== null && age < guardianUnderAge;
}

/**
 * The full submission. `guardianUnderAge` comes from GUARDIAN_REQUIRED_UNDER_AGE on the server (lib/env.ts) and is
 * passed to the wizard, so the form and the API refuse the same things.
 */
export function intakeSubmissionSchemaFor(guardianUnderAge: number) {
  return submissionObject
    .superRefine(
      (v, ctx) => {
        // Runs even when other answers are still missing (`when` below), so the "about you" step can show the
        // guardian questions' errors: read the input defensively.
        const input = v as unknown as { patient?: { dateOfBirth?: unknown }; complaint?: { onsetDate?: unknown }; guardian?: unknown };
        const dob = typeof input.patient?.dateOfBirth === 'string' ? input.patient.dateOfBirth.trim() : '';
        const onset = typeof input.complaint?.onsetDate === 'string' ? input.complaint.onsetDate.trim() : '';
        if (isIsoDate(onset) && isIsoDate(dob) && onset < dob) {
          ctx.addIssue({ code: 'custom', path: ['complaint', 'onsetDate'], message: `The pain cannot have started before you were born (${dob}). Check the year.` });
        }
        if (!needsGuardian(dob, guardianUnderAge)) return;
        const g = guardianSchema.safeParse(input.guardian ?? {});
        if (g.success) return;
        for (const issue of g.error.issues) ctx.addIssue({ code: 'custom', path: ['guardian', ...issue.path.map(String)], message: issue.message });
      },
      { when: () => true },
    )
    .transform(({ guardian, ...rest }) => {
      const minor = needsGuardian(rest.patient.dateOfBirth, guardianUnderAge);
      return minor ? { ...rest, guardian: guardianSchema.parse(guardian) } : rest;
    });
}

export const intakeSubmissionSchema = intakeSubmissionSchemaFor(GUARDIAN_UNDER_AGE_DEFAULT);

/** What the server stores (trimmed, blanks dropped). */
export type IntakeSubmission = Omit<z.output<typeof submissionObject>, 'guardian'> & { guardian?: Guardian };
/** What a form or client sends. */
export type IntakeSubmissionInput = Omit<z.input<typeof submissionObject>, 'guardian'> & { guardian?: z.input<typeof guardianSchema> };

// ---------------------------------------------------------------------------------------------------------------
// Wizard steps (their order and navigation: lib/cases/intake-steps.ts)

/** Per-step sub-schemas: each validates only the fields its step collects. */
export const intakeStepSchemas = {
  about: z.strictObject({ patient: patientSchema, guardian: guardianSchema.optional() }),
  where: z.strictObject({ complaint: z.object({ regions: complaintShape.regions }) }),
  story: z.strictObject({
    complaint: z.object({ ...complaintShape, regions: complaintShape.regions.optional() }).refine(worstAtLeastNow, worstAtLeastNowIssue),
  }),
  history: submissionObject.pick({ episodes: true, priorCare: true, medications: true }),
  training: submissionObject.pick({ training: true }),
  imaging: submissionObject.pick({ imaging: true }),
  safety: submissionObject.pick({ redFlags: true }),
  review: submissionObject.pick({ consent: true }),
} satisfies Record<IntakeStep, z.ZodType>;

// ---------------------------------------------------------------------------------------------------------------
// Drafts: lenient (half-filled answers are the point), bounded in size, known sections only.

export const DRAFT_MAX_BYTES = 120_000;

const intakeDraftDataSchema = z.strictObject({
  patient: z.unknown().optional(),
  guardian: z.unknown().optional(),
  complaint: z.unknown().optional(),
  episodes: z.unknown().optional(),
  priorCare: z.unknown().optional(),
  medications: z.unknown().optional(),
  training: z.unknown().optional(),
  imaging: z.unknown().optional(),
  redFlags: z.unknown().optional(),
  consent: z.unknown().optional(),
  /** The furthest step the patient has reached: every step up to it stays open after a reload. Not an answer. */
  reachedStep: z.enum(INTAKE_STEPS).optional(),
});

export const intakeDraftSchema = z.strictObject({
  data: intakeDraftDataSchema,
  step: z.enum(INTAKE_STEPS, { error: 'Unknown step.' }),
  /** The revision the client last saw from the server (0 = no draft yet). Stale writes are refused (409). */
  baseRevision: z.number().int().min(0),
});
export type IntakeDraftData = z.output<typeof intakeDraftDataSchema>;
