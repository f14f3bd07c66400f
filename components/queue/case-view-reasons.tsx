import { Alert } from '@/components/ui/badge';
import type { StaffCaseView } from '@/lib/cases/view-case';
import { URGENCY_LABELS } from '@/lib/domain/case';

/** Why the case got its urgency: the safety screen's red flags first, then what the MRI and age added. */
export function CaseViewReasons({ view }: { view: StaffCaseView }) {
  const h = view.header;
  const screenReasons = view.reasons.filter((r) => r.source === 'screen');
  const otherReasons = view.reasons.filter((r) => r.source !== 'screen');
  return (
    <section aria-labelledby="why-heading">
      <h2 id="why-heading" className="sr-only">
        Red flags and urgency reasons
      </h2>
      {view.reasons.length === 0 ? (
        <Alert tone="success" title="No red flags">
          The safety screen was negative and no concerning MRI finding was recognised. Urgency: {URGENCY_LABELS[h.urgency].toLowerCase()}.
        </Alert>
      ) : (
        <Alert tone={h.urgency === 'routine' ? 'warning' : 'danger'} title={`Why ${URGENCY_LABELS[h.urgency].toLowerCase()}`}>
          <ul className="list-disc space-y-1 pl-5" data-testid="urgency-reasons">
            {screenReasons.map((r, i) => (
              <li key={`s${i}`}>
                <strong>Red flag:</strong> {r.text}
              </li>
            ))}
            {otherReasons.map((r, i) => (
              <li key={`o${i}`}>{/^(MRI|Age)\b/i.test(r.text) ? r.text : `${r.source === 'mri' ? 'MRI' : 'Age'}: ${r.text}`}</li>
            ))}
          </ul>
        </Alert>
      )}
    </section>
  );
}
