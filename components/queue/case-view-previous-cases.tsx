import Link from 'next/link';
import { Card } from '@/components/ui/card';
import type { StaffCaseView } from '@/lib/cases/view-case';
import { STATUS_LABELS, URGENCY_LABELS } from '@/lib/domain/case';
import { formatDateTime } from '@/lib/format/dates';
import { clinicianCasePath } from '@/lib/urls';

export function CaseViewPreviousCases({ otherCases }: { otherCases: StaffCaseView['otherCases'] }) {
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">Previous cases of this patient</h2>
      {otherCases.length === 0 ? (
        <p className="text-sm text-muted">None: this is their first case.</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {otherCases.map((c) => (
            <li key={c.id}>
              <Link href={clinicianCasePath(c.id)} className="font-medium text-brand-700 underline">
                {formatDateTime(c.submittedAt)}
              </Link>{' '}
              · {URGENCY_LABELS[c.urgency]} · {STATUS_LABELS[c.status]}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
