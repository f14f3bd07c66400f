import { Button } from '@/components/ui/button';
import { emergencyDoneText, emergencyFailureText, type EmergencyFailure, type EmergencyReportView } from '@/lib/cases/emergency-status-text';
import { EMERGENCY_GUIDANCE } from '@/lib/triage';

/** What the product has really done about the emergency, as far as the server confirmed it. */
export type EmergencyStatus =
  | { kind: 'sending' }
  | { kind: 'sent'; report: EmergencyReportView }
  | { kind: 'failed'; reason: EmergencyFailure; retry: () => void }
  /** On a submitted case: the answers are stored in the case. */
  | { kind: 'submitted' }
  /** Editing a submitted case: nothing goes out until the update is sent. */
  | { kind: 'not_sent' };

const NUMBERS = [
  ['112', 'Europe'],
  ['999', 'UK'],
  ['911', 'US'],
] as const;

/**
 * "Get emergency care now": shown on top of everything, at once, whenever an answer means emergency. It says
 * what the patient must do now, and — only from the server's answer — what we have done.
 */
export function EmergencyPanel({ id = 'emergency-panel', status }: { id?: string; status: EmergencyStatus }) {
  return (
    <section id={id} role="alert" aria-labelledby={`${id}-title`} className="rounded-xl border-2 border-red-700 bg-red-50 p-4 text-red-950 shadow-sm sm:p-5" tabIndex={-1}>
      <h2 id={`${id}-title`} className="text-xl font-bold">
        <span aria-hidden>⚠ </span>
        {EMERGENCY_GUIDANCE.title}
      </h2>
      <p className="mt-2 text-base font-semibold">What you must do now: call your emergency number or go to A&amp;E (the emergency department) now. Do not wait for us.</p>
      <p className="mt-1 text-base">{EMERGENCY_GUIDANCE.body}</p>
      <ul className="mt-3 flex flex-wrap gap-2" aria-label="Emergency numbers">
        {NUMBERS.map(([n, where]) => (
          <li key={n}>
            <a href={`tel:${n}`} className="inline-flex min-h-11 items-center rounded-lg bg-red-700 px-4 font-semibold text-white hover:bg-red-800">
              Call {n} <span className="ml-1 font-normal">({where})</span>
            </a>
          </li>
        ))}
      </ul>
      <div className="mt-4 rounded-lg border border-red-300 bg-white p-3 text-sm" data-testid="emergency-status" data-kind={status.kind}>
        <h3 className="font-semibold">What we have done</h3>
        <EmergencyStatusText status={status} />
      </div>
    </section>
  );
}

function EmergencyStatusText({ status }: { status: EmergencyStatus }) {
  switch (status.kind) {
    case 'sending':
      return <p className="mt-1">Sending your name, phone number and safety answers to our on-call team… Do not wait for this.</p>;
    case 'sent': {
      const { done, contact } = emergencyDoneText(status.report);
      return (
        <div data-case-id={status.report.caseId} data-sent-at={status.report.sentAt}>
          <p className="mt-1">{done}</p>
          <p className="mt-1">{contact}</p>
          <p className="mt-1">We cannot give emergency care: still call your emergency number or go to A&amp;E now. You can finish the rest of the form later; it will be added to the same case.</p>
        </div>
      );
    }
    case 'failed':
      return (
        <div>
          <p className="mt-1 font-semibold">{emergencyFailureText(status.reason)}</p>
          <p className="mt-1">Call your emergency number or go to A&amp;E now — do not wait for us.</p>
          <Button size="sm" variant="secondary" className="mt-2" onClick={status.retry}>
            Try sending to our team again
          </Button>
        </div>
      );
    case 'submitted':
      return <p className="mt-1">Your answers are saved in this case, which our team sees as an emergency. We cannot give emergency care.</p>;
    case 'not_sent':
      return <p className="mt-1">Nothing has been sent yet: your changes reach our team only when you send the update below. Do not wait for that.</p>;
  }
}
