import type { Metadata } from 'next';
import { getDb } from '@/db';
import { listAdviceTemplates } from '@/db/queries/templates';
import { Card, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { AdminNav } from '@/components/admin/admin-nav';
import { TemplateEditor } from '@/components/admin/template-editor';
import { requireRole } from '@/lib/auth/guards';
import { saveTemplateAction } from '../actions';

export const metadata: Metadata = { title: 'Advice templates' };
export const dynamic = 'force-dynamic';

export default async function TemplatesPage() {
  await requireRole(['admin'], 'admin');
  const templates = await listAdviceTemplates(await getDb(), { activeOnly: false });
  return (
    <div>
      <PageHeader title="Advice templates" description="Starting points for self-management advice. Clinicians personalise them before sending." />
      <AdminNav current="templates" />
      <div className="space-y-6">
        {templates.map((t) => (
          <Card key={t.id}>
            <h2 className="mb-3 flex flex-wrap items-center gap-2 text-lg font-semibold">
              {t.title} {!t.active && <Badge>Not offered</Badge>}
            </h2>
            <TemplateEditor template={{ id: t.id, title: t.title, body: t.body, active: t.active }} save={saveTemplateAction} />
          </Card>
        ))}
        <Card>
          <h2 className="mb-3 text-lg font-semibold">New template</h2>
          <TemplateEditor template={{ title: '', body: '', active: true }} save={saveTemplateAction} />
        </Card>
      </div>
    </div>
  );
}
