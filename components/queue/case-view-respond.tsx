import type { ComponentProps } from 'react';
import { Card } from '@/components/ui/card';
import type { StaffCaseView } from '@/lib/cases/view-case';
import { DecisionPanel } from './decision-panel';

type Props = {
  view: StaffCaseView;
  viewerId: string;
  templates: ComponentProps<typeof DecisionPanel>['templates'];
  decide: ComponentProps<typeof DecisionPanel>['decide'];
};

/** The decision form for whoever may decide; everyone else is told why they may not (and that notes stay open). */
export function CaseViewRespond({ view, viewerId, templates, decide }: Props) {
  const h = view.header;
  const canDecide = h.status !== 'closed' && (!h.assignedClinicianId || h.assignedClinicianId === viewerId);
  const firstName = (h.patientName ?? 'there').split(/\s+/)[0];
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">Respond</h2>
      {canDecide ? (
        <DecisionPanel caseId={h.id} urgency={h.urgency} firstName={firstName} templates={templates} decide={decide} />
      ) : (
        <p className="text-sm text-muted">
          {h.status === 'closed' ? 'This case is closed.' : `${h.assigneeName ?? 'A colleague'} holds this case; only they can decide on it. You can still write an internal note.`}
        </p>
      )}
    </Card>
  );
}
