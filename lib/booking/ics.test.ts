import { describe, expect, it } from 'vitest';
import { buildIcs } from './ics';

describe('buildIcs', () => {
  it('writes DTSTART/DTEND in UTC with a stable UID', () => {
    const ics = buildIcs({
      bookingId: 'b1',
      startsAt: new Date('2026-03-30T08:00:00Z'),
      endsAt: new Date('2026-03-30T08:45:00Z'),
      title: 'Video consult',
      description: 'Monday 30 March, 11:00 (Europe/Istanbul)',
      url: 'http://localhost:3000/consult/b1',
      organizer: { name: 'Triage & Consult', email: 'no-reply@example.test' },
      sequence: 0,
    });
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toContain('DTSTART:20260330T080000Z');
    expect(ics).toContain('DTEND:20260330T084500Z');
    expect(ics).toContain('UID:b1@triage-consult');
    expect(ics).toContain('STATUS:CONFIRMED');
  });

  it('cancels with the same UID and METHOD:CANCEL', () => {
    const ics = buildIcs({
      bookingId: 'b1',
      startsAt: new Date('2026-03-30T08:00:00Z'),
      endsAt: new Date('2026-03-30T08:45:00Z'),
      title: 'Video consult',
      description: 'cancelled',
      url: 'http://localhost:3000/bookings/b1',
      organizer: { name: 'Triage & Consult', email: 'no-reply@example.test' },
      sequence: 2,
      cancelled: true,
    });
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('SEQUENCE:2');
    expect(ics).toContain('STATUS:CANCELLED');
  });
});
