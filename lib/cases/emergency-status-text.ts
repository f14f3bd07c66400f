/**
 * The words of the intake's emergency panel, from the server's answer to POST /api/intake-draft/emergency only:
 * the panel never says more than the server confirmed. Pure, so a test can hold the words against the database
 * and the outbox.
 */
export interface EmergencyReportView {
  caseId: string;
  alerted: number;
  alertedNames: string[];
  sentAt: string;
  phone: string;
  mayCall: boolean | null;
}

export type EmergencyFailure = 'missing_contact' | 'not_an_emergency' | 'signed_out' | 'offline' | 'server';

function formatSentTime(iso: string, timeZone?: string): string {
  return new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone });
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** What was done, as sentences. */
export function emergencyDoneText(r: EmergencyReportView, timeZone?: string): { done: string; contact: string } {
  const at = formatSentTime(r.sentAt, timeZone);
  const done =
    r.alerted > 0
      ? `Sent at ${at}: your name, phone number and safety answers went to our on-call team (${joinNames(r.alertedNames)}) as an emergency.`
      : `Saved at ${at} as an emergency case at the top of our queue, but no on-call clinician could be alerted at this moment.`;
  const contact =
    r.mayCall === false
      ? `You asked us not to phone you, so we will write to you by email. Your number ${r.phone} is on your case.`
      : `We may phone you on ${r.phone}.`;
  return { done, contact };
}

export function emergencyFailureText(reason: EmergencyFailure): string {
  const why: Record<EmergencyFailure, string> = {
    missing_contact: 'we do not have your name and phone number yet',
    not_an_emergency: 'your emergency answer had not reached our server',
    signed_out: 'you are signed out',
    offline: 'there is no connection',
    server: 'our server did not answer',
  };
  return `Nothing has been sent to our team: ${why[reason]}.`;
}
