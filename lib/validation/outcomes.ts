/**
 * The check-in form and `POST /api/check-ins/:id` (CONTRACTS §6), and the clinician's plan and plan templates: one
 * schema each, shared by forms and routes. Strict objects, strings trimmed, messages written for the person filling
 * the form in.
 */
import './zod-csp';
import { z } from 'zod';
import { parseCalendarDate } from '@/lib/format/dates';
import { RED_FLAG_CODES, type RedFlagCode } from '@/lib/triage';
import { DEFAULT_CHECK_IN_WEEKS, PSFS_MAX_ACTIVITIES, TRAINING_STATUSES } from '@/lib/domain/outcomes';

const score = (what: string) =>
  z
    .number({ error: `Choose a number from 0 to 10 for ${what}.` })
    .int(`Choose a whole number from 0 to 10 for ${what}.`)
    .min(0, `Choose a number from 0 to 10 for ${what}.`)
    .max(10, `Choose a number from 0 to 10 for ${what}.`);

const redFlagShape = Object.fromEntries(
  RED_FLAG_CODES.map((code) => [code, z.boolean({ error: 'Please answer yes or no.' })]),
) as Record<RedFlagCode, z.ZodBoolean>;

const psfsItemSchema = z.strictObject({
  activity: z.string({ error: 'Name the activity.' }).trim().min(1, 'Name the activity.').max(100, 'Please keep the activity under 100 characters.'),
  score: score('this activity'),
});

export const checkInSchema = z
  .strictObject({
    painNow: score('your pain now'),
    painWorst: score('your worst pain this week'),
    psfs: z
      .array(psfsItemSchema, { error: 'Score each activity from 0 to 10.' })
      .max(PSFS_MAX_ACTIVITIES, `At most ${PSFS_MAX_ACTIVITIES} activities.`)
      .refine((items) => new Set(items.map((i) => i.activity.toLowerCase())).size === items.length, 'Each activity can be scored only once.'),
    globalChange: z
      .number({ error: 'Choose how you are compared with when you first contacted us, from −7 to +7.' })
      .int('Choose a whole number from −7 to +7.')
      .min(-7, 'Choose a number from −7 to +7.')
      .max(7, 'Choose a number from −7 to +7.'),
    trainingStatus: z.enum(TRAINING_STATUSES, { error: 'Tell us whether you are training: not at all, with changes, or fully.' }),
    redFlags: z.strictObject(redFlagShape, { error: 'Please answer the safety questions.' }),
  })
  .refine((c) => !Number.isInteger(c.painNow) || !Number.isInteger(c.painWorst) || c.painWorst >= c.painNow, {
    path: ['painWorst'],
    message: 'Your worst pain this week should be at least as high as your pain now.',
  });
export type CheckInInput = z.output<typeof checkInSchema>;

const draftScore = z.number().int().min(0).max(10).nullable().optional();

/**
 * The check-in form's unsent answers, as the autosave stores them: every answer optional (a half-filled form), each
 * one in range, nothing else. The stored draft is read back through it too, so an odd row never reaches the form.
 */
export const checkInDraftSchema = z.strictObject({
  painNow: draftScore,
  painWorst: draftScore,
  psfs: z
    .array(z.strictObject({ activity: z.string().max(100), score: draftScore }))
    .max(PSFS_MAX_ACTIVITIES)
    .optional(),
  globalChange: z.number().int().min(-7).max(7).nullable().optional(),
  trainingStatus: z.enum(TRAINING_STATUSES).nullable().optional(),
  redFlags: z
    .strictObject(Object.fromEntries(RED_FLAG_CODES.map((code) => [code, z.boolean().nullable().optional()])) as Record<RedFlagCode, z.ZodOptional<z.ZodNullable<z.ZodBoolean>>>)
    .optional(),
});
export type CheckInDraft = z.output<typeof checkInDraftSchema>;

// ---------------------------------------------------------------------------------------------------------------
// The clinician's plan

const isoDate = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .refine((v) => parseCalendarDate(v) !== null, message);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Please keep this under ${max.toLocaleString('en')} characters.`)
    .optional()
    .transform((v) => (v ? v : undefined));

const exerciseSchema = z.strictObject({
  name: z.string({ error: 'Name the exercise.' }).trim().min(1, 'Name the exercise, or remove this row.').max(200, 'Please keep the name under 200 characters.'),
  sets: z.number({ error: 'Sets are a number from 1 to 20, or leave it empty.' }).int('Sets are a whole number.').min(1, 'At least 1 set.').max(20, 'At most 20 sets.').optional(),
  reps: optionalText(50),
  loadNotes: optionalText(500),
});

const checkInWeeksSchema = z
  .array(z.number({ error: 'List week numbers separated by commas.' }).int('Weeks are whole numbers.').min(1, 'The first check-in is at week 1 or later.').max(52, 'Check-ins go up to week 52.'))
  .min(1, 'Choose at least one check-in week.')
  .max(12, 'At most 12 check-ins.')
  .refine((w) => w.every((x, i) => i === 0 || x > w[i - 1]!), 'List the weeks in increasing order, each once.')
  .default([...DEFAULT_CHECK_IN_WEEKS]);

const stopIfSchema = z
  .string({ error: 'Tell the patient when to stop and contact you.' })
  .trim()
  .min(1, 'Tell the patient when to stop and contact you.')
  .max(2000, 'Please keep this under 2,000 characters.');

const planPhaseSchema = z
  .strictObject({
    title: z.string({ error: 'Give the phase a title.' }).trim().min(1, 'Give the phase a title.').max(200, 'Please keep the title under 200 characters.'),
    from: isoDate('Enter the first day of the phase.'),
    to: isoDate('Enter the last day of the phase.'),
    notes: optionalText(2000),
  })
  .refine((p) => parseCalendarDate(p.from) === null || parseCalendarDate(p.to) === null || p.to >= p.from, { path: ['to'], message: 'A phase cannot end before it starts.' });

export const rehabPlanSchema = z.strictObject({
  startsOn: isoDate('Enter the day the plan starts.'),
  phases: z.array(planPhaseSchema).min(1, 'Add at least one phase.').max(12, 'At most 12 phases.'),
  exercises: z.array(exerciseSchema).max(40, 'At most 40 exercises.'),
  stopIf: stopIfSchema,
  /** Empty: the competition date the patient gave at intake, when there is one. */
  competitionDate: z
    .string()
    .trim()
    .refine((v) => v === '' || parseCalendarDate(v) !== null, 'Enter a real date, or leave it empty.')
    .optional()
    .transform((v) => (v ? v : undefined)),
  checkInWeeks: checkInWeeksSchema,
  templateId: z.uuid('Unknown template.').optional(),
});
export type RehabPlanInput = z.output<typeof rehabPlanSchema>;
export type RehabPlanFormValues = z.input<typeof rehabPlanSchema>;

const templatePhaseSchema = z
  .strictObject({
    title: z.string({ error: 'Give the phase a title.' }).trim().min(1, 'Give the phase a title.').max(200, 'Please keep the title under 200 characters.'),
    fromWeek: z.number({ error: 'Enter a week from 1 to 52.' }).int('Weeks are whole numbers.').min(1, 'Weeks start at 1.').max(52, 'At most week 52.'),
    toWeek: z.number({ error: 'Enter a week from 1 to 52.' }).int('Weeks are whole numbers.').min(1, 'Weeks start at 1.').max(52, 'At most week 52.'),
    notes: optionalText(2000),
  })
  .refine((p) => p.toWeek >= p.fromWeek, { path: ['toWeek'], message: 'A phase cannot end before it starts.' });

export const planTemplateSchema = z.strictObject({
  id: z.uuid().optional(),
  title: z.string({ error: 'Give the template a title.' }).trim().min(1, 'Give the template a title.').max(200, 'Please keep the title under 200 characters.'),
  phases: z.array(templatePhaseSchema).min(1, 'Add at least one phase.').max(12, 'At most 12 phases.'),
  exercises: z.array(exerciseSchema).max(40, 'At most 40 exercises.'),
  stopIf: stopIfSchema,
  checkInWeeks: checkInWeeksSchema,
  active: z.boolean().default(true),
});
export type PlanTemplateInput = z.output<typeof planTemplateSchema>;
