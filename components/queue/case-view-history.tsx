import { Card } from '@/components/ui/card';
import type { StaffCaseView } from '@/lib/cases/view-case';
import { CaseHistory } from './case-history';
import { ConsultNotesHistory } from './consult-notes-history';

export function CaseViewHistory({ view }: { view: StaffCaseView }) {
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">Case history</h2>
      <CaseHistory events={view.events.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() }))} />
      <ConsultNotesHistory notes={view.consultNotes} />
    </Card>
  );
}
