import { createEvent } from 'ics';

export interface IcsInput {
  bookingId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  /** Human-readable times in the attendee's and the clinician's zones: calendars show UTC in the viewer's own zone. */
  description: string;
  url: string;
  organizer: { name: string; email: string };
  sequence: number;
  cancelled?: boolean;
}

/**
 * One VEVENT with DTSTART/DTEND in UTC (…Z), so every calendar app converts to its own zone; the same UID and a
 * higher SEQUENCE update or cancel the event after a reschedule or cancellation.
 */
export function buildIcs(input: IcsInput): string {
  const { error, value } = createEvent({
    uid: `${input.bookingId}@triage-consult`,
    sequence: input.sequence,
    method: input.cancelled ? 'CANCEL' : 'PUBLISH',
    productId: 'triage-consult/booking',
    start: input.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: input.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: input.title,
    description: input.description,
    url: input.url,
    location: input.url,
    status: input.cancelled ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
    organizer: input.organizer,
    alarms: input.cancelled ? [] : [{ action: 'display', description: input.title, trigger: { minutes: 60, before: true } }],
  });
  if (error || !value) throw new Error(`Could not build the calendar file: ${error?.message ?? 'empty'}`);
  return value;
}
