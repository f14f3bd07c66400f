import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { listPlanTemplates } from '@/db/queries/outcomes';
import { auditEvents } from '@/db/schema';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { makeClinician } from '@/lib/testing/factories/people';
import { fieldErrorsOf } from '@/lib/http';
import { planTemplateSchema } from '@/lib/validation/outcomes';
import { saveRehabPlanTemplate } from './team-admin';

const valid = {
  title: 'Ankle sprain, return to running',
  phases: [
    { title: 'Calm it down', fromWeek: 1, toWeek: 2, notes: 'Walk without a limp.' },
    { title: 'Build load', fromWeek: 3, toWeek: 6 },
  ],
  exercises: [{ name: 'Calf raises', sets: 3, reps: '15', loadNotes: '' }],
  stopIf: 'The ankle swells again or you cannot bear weight.',
  checkInWeeks: [1, 2, 4],
  active: true,
};

describe.each(testDbKinds())('plan templates kept by an admin on %s', (kind) => {
  const t = useTestDb(kind);

  it('creates and updates a template with an audit row each; an inactive one is not offered to clinicians', async () => {
    const lead = await makeClinician(t.db, { name: 'Lead', admin: true });
    const actor = { id: lead.id, roles: lead.roles };
    const created = await saveRehabPlanTemplate(actor, planTemplateSchema.parse(valid));
    if (!created.ok) throw new Error(created.reason);
    expect((await listPlanTemplates(t.db, { activeOnly: true })).map((r) => r.title)).toContain(valid.title);

    const updated = await saveRehabPlanTemplate(actor, planTemplateSchema.parse({ ...valid, id: created.id, stopIf: 'Swelling returns.', active: false }));
    expect(updated).toEqual({ ok: true, id: created.id });
    const [row] = (await listPlanTemplates(t.db, { activeOnly: false })).filter((r) => r.id === created.id);
    expect(row).toMatchObject({ stopIf: 'Swelling returns.', active: false, checkInWeeks: [1, 2, 4] });
    expect(row.phases[1]).toEqual({ title: 'Build load', fromWeek: 3, toWeek: 6 });
    expect(row.exercises).toEqual([{ name: 'Calf raises', sets: 3, reps: '15' }]);
    expect((await listPlanTemplates(t.db, { activeOnly: true })).map((r) => r.id)).not.toContain(created.id);

    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.resourceId, created.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['plan_template.create', 'plan_template.update']);
    expect(await saveRehabPlanTemplate(actor, planTemplateSchema.parse({ ...valid, active: true }))).toEqual({ ok: false, reason: 'title_taken' });
    expect(await saveRehabPlanTemplate(actor, planTemplateSchema.parse({ ...valid, title: 'Other', id: '00000000-0000-4000-8000-000000000000' }))).toEqual({ ok: false, reason: 'not_found' });
  });

  it('refuses a clinician who is not an admin, and writes nothing', async () => {
    const sam = await makeClinician(t.db, { name: 'Sam' });
    expect(await saveRehabPlanTemplate({ id: sam.id, roles: sam.roles }, planTemplateSchema.parse(valid))).toEqual({ ok: false, reason: 'forbidden' });
    expect(await listPlanTemplates(t.db, { activeOnly: false })).not.toContainEqual(expect.objectContaining({ title: valid.title }));
    expect(await t.db.select().from(auditEvents).where(eq(auditEvents.resourceType, 'rehab_plan_template'))).toHaveLength(0);
  });
});

describe('the plan template form schema', () => {
  const errorsOf = (input: unknown) => {
    const r = planTemplateSchema.safeParse(input);
    return r.success ? {} : fieldErrorsOf(r.error);
  };

  it('accepts a good template and defaults the check-in weeks', () => {
    const { checkInWeeks: _, ...rest } = valid;
    expect(planTemplateSchema.parse(rest).checkInWeeks).toEqual([1, 2, 4, 8, 12]);
  });

  it('refuses weeks outside 1..52, a phase ending before it starts, no phases and empty titles', () => {
    expect(errorsOf({ ...valid, phases: [{ title: 'A', fromWeek: 0, toWeek: 53 }] })).toMatchObject({ 'phases.0.fromWeek': expect.any(Array), 'phases.0.toWeek': expect.any(Array) });
    expect(errorsOf({ ...valid, phases: [{ title: 'A', fromWeek: 5, toWeek: 3 }] })).toEqual({ 'phases.0.toWeek': ['A phase cannot end before it starts.'] });
    expect(errorsOf({ ...valid, phases: [] })).toEqual({ phases: ['Add at least one phase.'] });
    expect(errorsOf({ ...valid, title: '  ', phases: [{ title: '', fromWeek: 1, toWeek: 2 }] })).toMatchObject({ title: ['Give the template a title.'], 'phases.0.title': ['Give the phase a title.'] });
    expect(errorsOf({ ...valid, checkInWeeks: [4, 2] })).toHaveProperty('checkInWeeks');
    expect(errorsOf({ ...valid, checkInWeeks: [60] })).toHaveProperty('checkInWeeks.0');
    expect(errorsOf({ ...valid, stopIf: '' })).toHaveProperty('stopIf');
  });
});
