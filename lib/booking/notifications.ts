import 'server-only';
import type { Db } from '@/db';
import { claimConfirmationMail, type BookingView } from '@/db/queries/bookings';
import { env, absoluteUrl } from '@/lib/env';
import { bookingPagePath, bookWithClinicianPath, consultRoomPath, schedulePath } from '@/lib/urls';
import { sendMail } from '@/lib/mail';
import { renderMail } from '@/lib/mail/layout';
import { formatInZone, formatMoney } from './format';
import { buildIcs } from './ics';
import { describeRefundTerms, refundTermsForSlot } from './policy';
import { ROOM_OPENS_MINUTES_BEFORE } from '@/lib/domain/room-window';

const roomUrl = (bookingId: string) => absoluteUrl(consultRoomPath(bookingId));
const bookingUrl = (bookingId: string) => absoluteUrl(bookingPagePath(bookingId));

function organizer(): { name: string; email: string } {
  const from = env().MAIL_FROM;
  const m = /^(.*)<([^>]+)>\s*$/.exec(from);
  return m ? { name: m[1]!.trim().replace(/^"|"$/g, ''), email: m[2]!.trim() } : { name: 'Triage & Consult', email: from.trim() };
}

function whenLines(b: BookingView): string[] {
  const patientTime = formatInZone(b.startsAt, b.patientTimezone, { dateStyle: 'full' });
  const clinicianTime = formatInZone(b.startsAt, b.clinicianTimezone, { dateStyle: 'full' });
  return patientTime === clinicianTime ? [patientTime] : [`${patientTime} — your time`, `${clinicianTime} — ${b.clinicianName}'s time`];
}

export function calendarFileFor(b: BookingView, opts: { cancelled?: boolean } = {}) {
  const content = buildIcs({
    bookingId: b.id,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    title: `${b.consultTypeName} with ${b.clinicianName}`,
    description: [...whenLines(b), `Video room: ${roomUrl(b.id)}`, `Manage the booking: ${bookingUrl(b.id)}`].join('\n'),
    url: roomUrl(b.id),
    organizer: organizer(),
    sequence: b.rescheduleCount + (opts.cancelled ? 1 : 0),
    cancelled: opts.cancelled,
  });
  return { filename: opts.cancelled ? 'consult-cancelled.ics' : 'consult.ics', contentType: 'text/calendar; method=' + (opts.cancelled ? 'CANCEL' : 'PUBLISH'), content };
}

function paidLine(b: BookingView): string {
  const amount = formatMoney(b.payment?.amountCents ?? b.priceCents, b.payment?.currency ?? b.currency);
  return `Receipt: ${amount} paid for "${b.consultTypeName}" (booking ${b.id.slice(0, 8)}).`;
}

/**
 * The confirmation (patient, with .ics) and a note to the clinician, once per booking: the conditional update on
 * confirmation_sent_at makes a retried webhook or job send nothing twice. Runs inside the caller's transaction.
 */
export async function sendConfirmation(tx: Db, b: BookingView): Promise<boolean> {
  if (!(await claimConfirmationMail(tx, b.id))) return false;
  const mail = renderMail({
    heading: 'Your video consult is booked',
    paragraphs: [
      `${b.consultTypeName} with ${b.clinicianName} (${b.durationMinutes} minutes).`,
      ...whenLines(b),
      `Join from this link; the room opens ${ROOM_OPENS_MINUTES_BEFORE} minutes before the start: ${roomUrl(b.id)}`,
      paidLine(b),
      `${describeRefundTerms(refundTermsForSlot({ startsAt: b.startsAt.getTime(), now: Date.now(), fullRefundWindowHours: b.fullRefundWindowHours }), (ms) => formatInZone(ms, b.patientTimezone), 'booked')} Manage it here: ${bookingUrl(b.id)}`,
      'The calendar file attached adds the consult to your calendar in your own time zone.',
    ],
    action: { label: 'View your booking', url: bookingUrl(b.id) },
  });
  await sendMail({ to: b.patientEmail, subject: `Booking confirmed: ${b.consultTypeName} on ${formatInZone(b.startsAt, b.patientTimezone, { withZone: false })}`, ...mail, attachments: [calendarFileFor(b)] }, tx);
  await notifyClinician(tx, b, 'New consult booked', [`${b.patientName ?? 'A patient'} booked ${b.consultTypeName}.`, formatInZone(b.startsAt, b.clinicianTimezone, { dateStyle: 'full' })], { ics: true });
  return true;
}

async function notifyClinician(tx: Db, b: BookingView, heading: string, paragraphs: string[], opts: { ics?: boolean; cancelled?: boolean } = {}) {
  const mail = renderMail({ heading, paragraphs, action: { label: 'Open your schedule', url: absoluteUrl(schedulePath()) } });
  await sendMail({ to: b.clinicianEmail, subject: `${heading}: ${formatInZone(b.startsAt, b.clinicianTimezone, { withZone: false })}`, ...mail, attachments: opts.ics ? [calendarFileFor(b, { cancelled: opts.cancelled })] : [] }, tx);
}

export async function sendLatePaymentRefunded(tx: Db, b: BookingView, amountCents: number, currency: string, why: 'slot_taken' | 'cancelled'): Promise<void> {
  const mail = renderMail({
    heading: 'Your payment was refunded',
    paragraphs: [
      why === 'cancelled'
        ? `Your payment for ${b.consultTypeName} with ${b.clinicianName} arrived after the booking had been cancelled.`
        : `Your payment for ${b.consultTypeName} with ${b.clinicianName} arrived after your 30-minute hold had ended, and the time had been booked by someone else in the meantime.`,
      `We refunded the full ${formatMoney(amountCents, currency)}. It usually shows on your statement within 5–10 days.`,
      'Please pick another time — we are sorry for the trouble.',
    ],
    action: { label: 'Choose another time', url: absoluteUrl(bookWithClinicianPath(b.clinicianId)) },
  });
  await sendMail({ to: b.patientEmail, subject: 'Payment refunded: that time was no longer available', ...mail }, tx);
}

export async function sendPaymentFailed(tx: Db, b: BookingView): Promise<void> {
  const mail = renderMail({
    heading: 'Your payment did not go through',
    paragraphs: [`The payment for ${b.consultTypeName} with ${b.clinicianName} failed, so the time was released. Nothing was charged.`, 'You can book again with another payment method.'],
    action: { label: 'Book again', url: absoluteUrl(bookWithClinicianPath(b.clinicianId)) },
  });
  await sendMail({ to: b.patientEmail, subject: 'Payment failed: your consult was not booked', ...mail }, tx);
}

export async function sendCancellation(tx: Db, b: BookingView, opts: { by: 'patient' | 'clinician'; refundCents: number }): Promise<void> {
  const refund = opts.refundCents > 0 ? `We refunded ${formatMoney(opts.refundCents, b.payment?.currency ?? b.currency)}; it usually shows within 5–10 days.` : 'This cancellation was inside the no-refund period, so no refund is due.';
  const who = opts.by === 'clinician' ? `${b.clinicianName} had to cancel your consult. We are sorry.` : 'You cancelled your consult.';
  const mail = renderMail({
    heading: 'Your consult is cancelled',
    paragraphs: [who, ...whenLines(b), refund, 'The attached calendar file removes it from your calendar.'],
    action: { label: 'Book another time', url: absoluteUrl(bookWithClinicianPath(b.clinicianId)) },
  });
  await sendMail({ to: b.patientEmail, subject: `Cancelled: ${b.consultTypeName} on ${formatInZone(b.startsAt, b.patientTimezone, { withZone: false })}`, ...mail, attachments: [calendarFileFor(b, { cancelled: true })] }, tx);
  await notifyClinician(tx, b, 'Consult cancelled', [`${opts.by === 'clinician' ? 'You' : (b.patientName ?? 'The patient')} cancelled ${b.consultTypeName}.`, formatInZone(b.startsAt, b.clinicianTimezone, { dateStyle: 'full' })], { ics: true, cancelled: true });
}

export async function sendRescheduled(tx: Db, b: BookingView, previousStart: Date): Promise<void> {
  const mail = renderMail({
    heading: 'Your consult has a new time',
    paragraphs: [
      `${b.consultTypeName} with ${b.clinicianName} moved from ${formatInZone(previousStart, b.patientTimezone)} to:`,
      ...whenLines(b),
      `Video room: ${roomUrl(b.id)}`,
      'The attached calendar file updates the event in your calendar.',
    ],
    action: { label: 'View your booking', url: bookingUrl(b.id) },
  });
  await sendMail({ to: b.patientEmail, subject: `New time: ${b.consultTypeName} on ${formatInZone(b.startsAt, b.patientTimezone, { withZone: false })}`, ...mail, attachments: [calendarFileFor(b)] }, tx);
  await notifyClinician(tx, b, 'Consult moved', [`${b.consultTypeName} with ${b.patientName ?? 'a patient'} moved to:`, formatInZone(b.startsAt, b.clinicianTimezone, { dateStyle: 'full' })], { ics: true });
}

export async function sendReminder(tx: Db, b: BookingView, kind: '24h' | '1h'): Promise<void> {
  const lead = kind === '24h' ? 'tomorrow' : 'in about an hour';
  const mail = renderMail({
    heading: `Reminder: your consult is ${lead}`,
    paragraphs: [`${b.consultTypeName} with ${b.clinicianName}.`, ...whenLines(b), `Join here; the room opens ${ROOM_OPENS_MINUTES_BEFORE} minutes before the start: ${roomUrl(b.id)}`],
    action: { label: 'Open the video room', url: roomUrl(b.id) },
  });
  await sendMail({ to: b.patientEmail, subject: `Reminder: ${b.consultTypeName} ${lead}`, ...mail }, tx);
}

/**
 * The clinician shared (or corrected) a summary after the consult. Like the team's other replies, the mail only says
 * where to read it: the clinical content stays behind sign-in.
 */
export async function sendConsultSummary(tx: Db, b: BookingView, opts: { updated: boolean }): Promise<void> {
  const heading = opts.updated ? 'Your consult summary was updated' : 'Your consult summary is ready';
  const mail = renderMail({
    heading,
    paragraphs: [
      opts.updated
        ? `${b.clinicianName} updated the summary and plan of your ${b.consultTypeName} on ${formatInZone(b.startsAt, b.patientTimezone, { withZone: false })}.`
        : `${b.clinicianName} wrote a summary and plan after your ${b.consultTypeName} on ${formatInZone(b.startsAt, b.patientTimezone, { withZone: false })}.`,
      'Sign in to read it on your bookings page.',
    ],
    action: { label: 'Read the summary', url: bookingUrl(b.id) },
  });
  await sendMail({ to: b.patientEmail, subject: `${heading}: ${b.consultTypeName} with ${b.clinicianName}`, ...mail }, tx);
}
