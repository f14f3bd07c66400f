import type { CaseConsultNotes } from '@/db/queries/consult-notes';

/** The notes of the case's completed video consults, for the team (clinical notes included), oldest consult first. */
export function ConsultNotesHistory({ notes }: { notes: CaseConsultNotes[] }) {
  if (notes.length === 0) return null;
  const fmt = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return (
    <section aria-labelledby="consult-notes-heading" className="mt-4 border-t border-line pt-4" data-testid="case-consult-notes">
      <h3 id="consult-notes-heading" className="mb-2 font-semibold">
        Consult notes
      </h3>
      <ol className="space-y-4 text-sm">
        {notes.map((n) => (
          <li key={n.bookingId} className="space-y-2">
            <p>
              <strong>Consult of <time dateTime={n.startsAt.toISOString()}>{fmt.format(n.startsAt)} UTC</time></strong>
              {n.authorName ? ` · ${n.authorName}` : ''}
              {n.revision > 1 ? ` · revision ${n.revision}` : ''}
            </p>
            <div>
              <p className="font-medium">Clinical notes (team only)</p>
              <p className="whitespace-pre-line break-words">{n.clinicalNotes}</p>
            </div>
            <div>
              <p className="font-medium">Shared with the patient</p>
              <p className="whitespace-pre-line break-words text-muted">{n.patientSummary ?? 'Nothing shared.'}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
