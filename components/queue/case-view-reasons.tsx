import { Alert } from '@/components/ui/badge';
import type { StaffCaseView } from '@/lib/cases/view-case';
import { URGENCY_LABELS } from '@/lib/domain/case';

/** Why the case got its urgency: the safety screen's red flags first, then what the MRI and age added. */
export function CaseViewReasons({ view }: { view: StaffCaseView }) {
  const h = view.header;
  const screenReasons = view.reasons.filter((r) => r.source === 'screen');
  const otherReasons = view.reasons.filter((r) => r.source !== 'screen');
  const unread = view.unreadMri.length;
  return (
    <section aria-labelledby="why-heading">
      <h2 id="why-heading" className="sr-only">
        Red flags and urgency reasons
      </h2>
      {view.reasons.length === 0 ? (
        <Alert tone={unread > 0 ? 'warning' : 'success'} title="No red flags">
          The safety screen was negative and no concerning MRI finding was recognised. Urgency: {URGENCY_LABELS[h.urgency].toLowerCase()}.
          {unread > 0 && <UnreadNote count={unread} />}
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
              <li key={`o${i}`}>
                {onlyPossible(view, r) && <strong>Possible, not confirmed: </strong>}
                {/^(MRI|Age)\b/i.test(r.text) ? r.text : `${r.source === 'mri' ? 'MRI' : 'Age'}: ${r.text}`}
              </li>
            ))}
          </ul>
          {unread > 0 && <UnreadNote count={unread} />}
        </Alert>
      )}
    </section>
  );
}

/** An MRI reason whose every stated finding of that code is uncertain ("query", "cannot be excluded"). */
function onlyPossible(view: StaffCaseView, r: StaffCaseView['reasons'][number]): boolean {
  if (r.source !== 'mri') return false;
  const live = view.mriFindings.filter((f) => f.code === r.code && !f.negated);
  return live.length > 0 && live.every((f) => f.uncertain === true);
}

/** The urgency above was judged without these sentences: say so where the reviewer reads it. */
function UnreadNote({ count }: { count: number }) {
  return (
    <p className="mt-2 font-semibold" data-testid="reasons-unread-note">
      {count} sentence{count === 1 ? '' : 's'} of the MRI report {count === 1 ? 'was' : 'were'} not read by the system and may change
      this: read {count === 1 ? 'it' : 'them'} in the MRI report below.
    </p>
  );
}
