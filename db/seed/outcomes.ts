import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { cases, checkIns, intakeVersions, rehabPlans, users } from '../schema';
import { listPlanTemplates, savePlanTemplate } from '@/db/queries/outcomes';
import { baselinePainOf, datedPhases, psfsActivitiesOf } from '@/lib/outcomes/schedule';
import { setPlan } from '@/lib/outcomes/set-plan';
import { worseReasons, type OutcomeScores } from '@/lib/outcomes/thresholds';
import { mailTransportKind } from '@/lib/env';
import { planTemplateSchema, rehabPlanSchema } from '@/lib/validation/outcomes';
import { RED_FLAG_CODES } from '@/lib/triage';
import type { TrainingStatus } from '@/lib/domain/outcomes';

const DAY = 86_400_000;

/** Starter plan templates (editable by an admin later), validated by the admin form's own schema. */
const PLAN_TEMPLATES = [
  {
    title: 'Upper back: back to the bar in 12 weeks',
    phases: [
      { fromWeek: 1, toWeek: 2, title: 'Settle: pain-free pulling, no bench', notes: 'Rows and pulldowns at RPE 5–6 in a pain-free range; walk daily; no bench press.' },
      { fromWeek: 3, toWeek: 4, title: 'Reload: bench back to 60 %', notes: 'Bench to 60 % of your best for 3 × 5; squat and deadlift at RPE 6–7 if pain stays ≤ 3/10.' },
      { fromWeek: 5, toWeek: 8, title: 'Build: 75–85 %', notes: 'Add 5 % a week while pain settles by the next morning.' },
      { fromWeek: 9, toWeek: 12, title: 'Full training', notes: 'Back to your normal programme; keep one lighter day a week.' },
    ],
    exercises: [
      { name: 'Chest-supported row', sets: 3, reps: '10–12', loadNotes: 'RPE 6, pain ≤ 3/10' },
      { name: 'Thoracic rotation on all fours', sets: 2, reps: '10 each side', loadNotes: 'Body weight, slow' },
      { name: 'Band pull-apart', sets: 3, reps: '15', loadNotes: 'Light band' },
    ],
    stopIf: 'Stop and contact us if you get numbness or weakness in your arms or legs, chest pain or breathlessness, or pain above 5/10 that lasts into the next day.',
    checkInWeeks: [1, 2, 4, 8, 12],
  },
  {
    title: 'Before a competition: keep lifting, protect the meet',
    phases: [
      { fromWeek: 1, toWeek: 2, title: 'Modify the painful lifts', notes: 'Keep the lifts that feel fine; cut load or range on the painful ones so pain stays ≤ 3/10.' },
      { fromWeek: 3, toWeek: 5, title: 'Re-test and build', notes: 'A light single of the painful lift each week, then build back towards openers.' },
      { fromWeek: 6, toWeek: 7, title: 'Taper to the meet', notes: 'Openers only in the last week.' },
    ],
    exercises: [
      { name: 'Face pull', sets: 3, reps: '15', loadNotes: 'Light, pain-free' },
      { name: 'Paused low-bar squat', sets: 4, reps: '3', loadNotes: 'RPE 6–7' },
    ],
    stopIf: 'Stop and contact us if you get numbness or weakness, chest pain or breathlessness, or pain that keeps you awake.',
    checkInWeeks: [1, 2, 3, 4, 6],
  },
];

/** The forum patients' weeks so far: one improving towards the competition, one getting worse. */
const STORIES: {
  email: string;
  template: string;
  weeks: number[];
  answered: { painNow: number; painWorst: number; psfs: number[]; globalChange: number; trainingStatus: TrainingStatus }[];
}[] = [
  {
    email: 'patient2@demo.test',
    template: 'Before a competition: keep lifting, protect the meet',
    weeks: [1, 2, 3, 4, 6],
    answered: [
      { painNow: 3, painWorst: 5, psfs: [4, 5, 6], globalChange: 1, trainingStatus: 'modified' },
      { painNow: 2, painWorst: 4, psfs: [6, 6, 7], globalChange: 3, trainingStatus: 'modified' },
      { painNow: 1, painWorst: 3, psfs: [7, 8, 8], globalChange: 4, trainingStatus: 'full' },
    ],
  },
  {
    email: 'patient@demo.test',
    template: 'Upper back: back to the bar in 12 weeks',
    weeks: [1, 2, 3, 4, 8, 12],
    answered: [
      { painNow: 5, painWorst: 7, psfs: [4, 3, 3], globalChange: 1, trainingStatus: 'modified' },
      { painNow: 5, painWorst: 7, psfs: [3, 3, 2], globalChange: 0, trainingStatus: 'none' },
      { painNow: 7, painWorst: 9, psfs: [2, 1, 1], globalChange: -3, trainingStatus: 'none' },
    ],
  },
];

const NO_RED_FLAGS = Object.fromEntries(RED_FLAG_CODES.map((c) => [c, false]));

/**
 * Outcome tracking for the demo (CONTRACTS §6): the plan templates, and for each forum case a plan that started four
 * weeks and a day ago (set through setPlan, as a clinician would), three answered check-ins and the fourth mailed
 * yesterday and not answered yet. Idempotent: a case that already has a plan is left alone. The forum cases stay
 * where the queue seed left them (new, in the queue). Never sends real mail (as seedIntakes).
 */
export async function seedOutcomes(db: Db, now: Date = new Date()): Promise<void> {
  const existing = new Set((await listPlanTemplates(db, { activeOnly: false })).map((t) => t.title));
  for (const t of PLAN_TEMPLATES) if (!existing.has(t.title)) await savePlanTemplate(db, planTemplateSchema.parse(t));
  const templates = new Map((await listPlanTemplates(db, { activeOnly: false })).map((t) => [t.title, t]));

  const [clinician] = await db.select({ id: users.id, roles: users.roles }).from(users).where(eq(users.email, 'clinician@demo.test'));
  if (!clinician) return;
  const started = new Date(now.getTime() - 29 * DAY);
  const startsOn = started.toISOString().slice(0, 10);

  for (const story of STORIES) {
    const [kase] = await db
      .select({ id: cases.id })
      .from(cases)
      .innerJoin(users, eq(users.id, cases.patientId))
      .where(eq(users.email, story.email))
      .orderBy(asc(cases.submittedAt))
      .limit(1);
    const template = templates.get(story.template);
    if (!kase || !template) continue;
    const [planned] = await db.select({ id: rehabPlans.id }).from(rehabPlans).where(eq(rehabPlans.caseId, kase.id)).limit(1);
    if (planned) continue;

    const input = rehabPlanSchema.parse({
      startsOn,
      phases: datedPhases(template.phases, startsOn),
      exercises: template.exercises,
      stopIf: template.stopIf,
      checkInWeeks: story.weeks,
      templateId: template.id,
    });
    const set = await setPlan(db, clinician, kase.id, input, {
      now: () => started,
      ...(mailTransportKind() === 'outbox' ? {} : { sendMail: async () => undefined }),
    });
    if (!set.ok) continue;

    // The activities the check-in asks about come from the intake, as on the real form.
    const [{ submission }] = await db
      .select({ submission: intakeVersions.submission })
      .from(intakeVersions)
      .innerJoin(cases, and(eq(cases.id, intakeVersions.caseId), eq(cases.currentVersion, intakeVersions.version)))
      .where(eq(cases.id, kase.id));
    const activities = psfsActivitiesOf(submission);
    const rows = await db.select().from(checkIns).where(eq(checkIns.caseId, kase.id)).orderBy(asc(checkIns.dueAt));
    let previous: OutcomeScores | null = { painNow: baselinePainOf(submission) };
    for (const [i, row] of rows.entries()) {
      const a = story.answered[i];
      if (row.dueAt > now) break;
      if (!a) {
        // The latest one: mailed when it fell due, not answered yet.
        await db.update(checkIns).set({ sentAt: row.dueAt }).where(eq(checkIns.id, row.id));
        continue;
      }
      const psfs = activities.map((activity, k) => ({ activity, score: a.psfs[k] ?? a.psfs[0]! }));
      const scores = { painNow: a.painNow, psfs, globalChange: a.globalChange };
      const worse = worseReasons(previous, scores).length > 0;
      await db
        .update(checkIns)
        .set({ ...a, psfs, redFlags: NO_RED_FLAGS, worse, sentAt: row.dueAt, submittedAt: new Date(row.dueAt.getTime() + 5 * 3_600_000) })
        .where(eq(checkIns.id, row.id));
      previous = scores;
    }
  }
}
