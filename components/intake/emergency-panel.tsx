import { EMERGENCY_GUIDANCE } from '@/lib/triage';

/** "Get emergency care now": shown on top of everything, at once, whenever an answer means emergency. */
export function EmergencyPanel({ id = 'emergency-panel', submitted = false }: { id?: string; submitted?: boolean }) {
  return (
    <section id={id} role="alert" aria-labelledby={`${id}-title`} className="rounded-xl border-2 border-red-700 bg-red-50 p-4 text-red-950 shadow-sm sm:p-5" tabIndex={-1}>
      <h2 id={`${id}-title`} className="text-xl font-bold">
        <span aria-hidden>⚠ </span>
        {EMERGENCY_GUIDANCE.title}
      </h2>
      <p className="mt-2 text-base">{EMERGENCY_GUIDANCE.body}</p>
      <ul className="mt-3 flex flex-wrap gap-2" aria-label="Emergency numbers">
        {[
          ['112', 'Europe'],
          ['999', 'UK'],
          ['911', 'US'],
        ].map(([n, where]) => (
          <li key={n}>
            <a href={`tel:${n}`} className="inline-flex min-h-11 items-center rounded-lg bg-red-700 px-4 font-semibold text-white hover:bg-red-800">
              Call {n} <span className="ml-1 font-normal">({where})</span>
            </a>
          </li>
        ))}
      </ul>
      {!submitted && (
        <p className="mt-3 text-sm">You can still send your answers below so our on-call clinician knows — but do not wait for us.</p>
      )}
    </section>
  );
}
