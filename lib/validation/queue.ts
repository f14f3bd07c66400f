import { z } from 'zod';
import { CASE_STATUSES, URGENCIES } from '@/lib/domain/case';
import { CLINICAL_AREAS } from '@/lib/domain/areas';

const statusList = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === '' || s === 'any') return undefined;
    if (s === 'open') return ['submitted', 'in_review'] as (typeof CASE_STATUSES)[number][];
    const parts = s.split(',').map((p) => p.trim());
    for (const p of parts) {
      if (!(CASE_STATUSES as readonly string[]).includes(p)) {
        ctx.addIssue({ code: 'custom', message: `Unknown status "${p}". Use one of ${CASE_STATUSES.join(', ')}, "open" or "any".` });
        return z.NEVER;
      }
    }
    return parts as (typeof CASE_STATUSES)[number][];
  });

const blankToUndefined = (v: unknown) => (v === '' || v === 'any' ? undefined : v);

/** GET /api/queue and the queue page's search params (CONTRACTS §4b, plus `area` and `attention`). */
export const queueQuerySchema = z.object({
  assignee: z.enum(['me', 'none', 'any']).default('any'),
  urgency: z.preprocess(blankToUndefined, z.enum(URGENCIES).optional()),
  status: statusList.optional(),
  area: z.preprocess(blankToUndefined, z.enum(CLINICAL_AREAS).optional()),
  /** Issue 15: `attention=1` keeps only the cases that need attention (db/queries/attention.ts). */
  attention: z.preprocess((v) => (v === '1' || v === 'true' ? true : v === '0' || v === 'false' || v === '' ? undefined : v), z.literal(true).optional()),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});
export type QueueQuery = z.output<typeof queueQuerySchema>;

export const reassignSchema = z.object({
  clinicianId: z.string().trim().min(1, 'Choose a colleague.').max(100),
  reason: z.string().trim().min(3, 'Say briefly why you are handing this case over.').max(1000),
});


export const decisionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('advice'),
    templateId: z.string().max(100).optional(),
    message: z.string().trim().min(20, 'Write the advice the patient will read (at least a couple of sentences).').max(8000),
  }),
  z.object({
    kind: z.literal('consult'),
    message: z.string().trim().min(10, 'Tell the patient why a consult would help.').max(4000),
  }),
  z.object({
    kind: z.literal('referral'),
    referralUrgency: z.enum(URGENCIES, { message: 'Choose how soon they should be seen.' }),
    reason: z.string().trim().min(10, 'Give the reason for the referral (the patient reads it).').max(4000),
  }),
]);
export type DecisionInput = z.output<typeof decisionSchema>;

export const messageSchema = z.object({
  body: z.string().trim().min(1, 'Write a message first.').max(8000, 'Keep a message under 8,000 characters.'),
  internal: z.boolean().default(false),
});

export const templateSchema = z.object({
  id: z.string().max(100).optional(),
  title: z.string().trim().min(3, 'Give the template a short title.').max(120),
  body: z.string().trim().min(20, 'Write the advice text (at least a sentence or two).').max(8000),
  active: z.boolean().default(true),
});

export const slaSchema = z.object({
  emergency: z.coerce.number().int().min(5, 'At least 5 minutes.').max(60 * 24 * 14),
  urgent: z.coerce.number().int().min(5, 'At least 5 minutes.').max(60 * 24 * 14),
  routine: z.coerce.number().int().min(5, 'At least 5 minutes.').max(60 * 24 * 30),
});

export const clinicianUpdateSchema = z.object({
  userId: z.string().min(1).max(100),
  areas: z.array(z.enum(CLINICAL_AREAS)).max(CLINICAL_AREAS.length),
  capacity: z.coerce.number().int().min(0, 'Capacity cannot be negative.').max(500),
  onCall: z.boolean(),
  active: z.boolean(),
});

/** Break-the-glass (CONTRACTS §4c): why this clinician must read a case outside their scope. */
export const breakGlassSchema = z.object({
  reason: z.string().trim().min(10, 'Say in at least 10 characters why you need to open this case.').max(1000, 'Keep the reason under 1,000 characters.'),
});

export const removeRoleSchema = z.object({
  userId: z.string().min(1).max(100),
  role: z.enum(['clinician', 'admin']),
});

export const inviteClinicianSchema = z.object({
  email: z.email('Enter an email address like name@example.com.').trim().toLowerCase().max(200),
  name: z.string().trim().min(2, 'Enter their name.').max(120),
  title: z.string().trim().min(2, 'Enter their title, e.g. Physiotherapist.').max(120),
  areas: z.array(z.enum(CLINICAL_AREAS)).min(1, 'Choose at least one area they cover.'),
  capacity: z.coerce.number().int().min(0).max(500).default(20),
  admin: z.boolean().default(false),
});
