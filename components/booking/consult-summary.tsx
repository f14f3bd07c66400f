import { formatInZone } from '@/lib/booking/format';

/** The summary and plan a clinician shared after a consult, as the patient reads it (never the clinical notes). */
export function ConsultSummary({ clinicianName, summary, updatedAt, timeZone }: { clinicianName: string; summary: string; updatedAt: Date; timeZone: string }) {
  return (
    <div className="mt-3 rounded-lg bg-brand-50 p-3" data-testid="consult-summary">
      <p className="text-sm font-semibold">Summary and plan from {clinicianName}</p>
      <p className="mt-1 whitespace-pre-line break-words">{summary}</p>
      <p className="mt-1 text-xs text-muted">Written {formatInZone(updatedAt, timeZone)}</p>
    </div>
  );
}
