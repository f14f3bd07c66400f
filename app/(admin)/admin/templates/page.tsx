import type { Metadata } from 'next';
import { getDb } from '@/db';
import { listAdviceTemplates } from '@/db/queries/templates';
import { listPlanTemplates } from '@/db/queries/outcomes';
import { Card, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { AdminNav } from '@/components/admin/admin-nav';
import { TemplateEditor } from '@/components/admin/template-editor';
import { PlanTemplateEditor } from '@/components/admin/plan-template-editor';
import { requireRole } from '@/lib/auth/guards';
import { savePlanTemplateAction, saveTemplateAction } from '../actions';

export const metadata: Metadata = { title: 'Templates' };
export const dynamic = 'force-dynamic';

export default async function TemplatesPage() {
  await requireRole(['admin'], 'admin');
  const db = await getDb();
  const [templates, planTemplates] = await Promise.all([listAdviceTemplates(db, { activeOnly: false }), listPlanTemplates(db, { activeOnly: false })]);
  return (
    <div>
      <PageHeader title="Templates" description="Starting points for self-management advice and return-to-training plans. Clinicians personalise them before sending." />
      <AdminNav current="templates" />
      <h2 className="mb-4 text-xl font-semibold">Advice templates</h2>
      <div className="space-y-6">
        {templates.map((t) => (
          <Card key={t.id}>
            <h3 className="mb-3 flex flex-wrap items-center gap-2 text-lg font-semibold">
              {t.title} {!t.active && <Badge>Not offered</Badge>}
            </h3>
            <TemplateEditor template={{ id: t.id, title: t.title, body: t.body, active: t.active }} save={saveTemplateAction} />
          </Card>
        ))}
        <Card>
          <h3 className="mb-3 text-lg font-semibold">New template</h3>
          <TemplateEditor template={{ title: '', body: '', active: true }} save={saveTemplateAction} />
        </Card>
      </div>
      <section aria-labelledby="plan-templates" className="mt-10">
        <h2 id="plan-templates" className="text-xl font-semibold">
          Plan templates
        </h2>
        <p className="mb-4 text-sm text-muted">Return-to-training plans in weeks from the start. Clinicians pick one in the plan editor and adjust it for the patient.</p>
        <div className="space-y-6">
          {planTemplates.map((t) => (
            <Card key={t.id}>
              <h3 className="mb-1 flex flex-wrap items-center gap-2 text-lg font-semibold">
                {t.title} {!t.active && <Badge>Not offered</Badge>}
              </h3>
              <p className="text-sm text-muted">
                {t.phases.length} {t.phases.length === 1 ? 'phase' : 'phases'} over {Math.max(...t.phases.map((p) => p.toWeek))} weeks · {t.exercises.length}{' '}
                {t.exercises.length === 1 ? 'exercise' : 'exercises'} · check-ins at weeks {t.checkInWeeks.join(', ')}
              </p>
              <details className="mt-3">
                <summary className="inline-flex min-h-10 cursor-pointer items-center font-medium text-brand-700">Edit {t.title}</summary>
                <div className="mt-3">
                  <PlanTemplateEditor
                    template={{ id: t.id, title: t.title, phases: t.phases, exercises: t.exercises, stopIf: t.stopIf, checkInWeeks: t.checkInWeeks, active: t.active }}
                    save={savePlanTemplateAction}
                  />
                </div>
              </details>
            </Card>
          ))}
          <Card>
            <h3 className="mb-3 text-lg font-semibold">New plan template</h3>
            <PlanTemplateEditor template={{ title: '', phases: [], exercises: [], stopIf: '', checkInWeeks: [], active: true }} save={savePlanTemplateAction} />
          </Card>
        </div>
      </section>
    </div>
  );
}
