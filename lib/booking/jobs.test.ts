import { describe, expect, it } from 'vitest';
import { bookings } from '@/db/schema';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { makeBookableClinician, makeConsultType } from '@/lib/testing/factories/booking';
import { makePatient } from '@/lib/testing/factories/people';
import { expireLapsedHolds, sendDueReminders } from './jobs';

const H = 3_600_000;

describe.each(testDbKinds())('booking jobs (%s)', (kind) => {
  const t = useTestDb(kind);

  async function insertBooking(over: Partial<typeof bookings.$inferInsert> & { startsAt: Date }) {
    const patient = await makePatient(t.db);
    const clinician = await makeBookableClinician(t.db);
    const type = await makeConsultType(t.db);
    const [row] = await t.db
      .insert(bookings)
      .values({
        patientId: patient.id,
        clinicianId: clinician.id,
        consultTypeId: type.id,
        status: 'confirmed',
        endsAt: new Date(over.startsAt.getTime() + 45 * 60_000),
        blockedUntil: new Date(over.startsAt.getTime() + 60 * 60_000),
        priceCents: 9500,
        currency: 'gbp',
        confirmedAt: new Date(Date.now() - 72 * H),
        ...over,
      })
      .returning();
    return { booking: row!, patient };
  }
  const mails = async (to: string) => (await t.executeSql(`select subject from outbox_messages where "to" = $1`, [to])).rows.map((r) => r.subject as string);

  it('expires lapsed holds (only those) and is idempotent', async () => {
    const lapsed = await insertBooking({ startsAt: new Date(Date.now() + 48 * H), status: 'pending_payment', holdExpiresAt: new Date(Date.now() - 1000) });
    const live = await insertBooking({ startsAt: new Date(Date.now() + 50 * H), status: 'pending_payment', holdExpiresAt: new Date(Date.now() + 600_000) });
    expect(await expireLapsedHolds()).toEqual([lapsed.booking.id]);
    expect(await expireLapsedHolds()).toEqual([]);
    const { rows } = await t.executeSql(`select id, status from bookings order by starts_at`);
    expect(rows).toEqual([
      { id: lapsed.booking.id, status: 'expired' },
      { id: live.booking.id, status: 'pending_payment' },
    ]);
  });

  it('sends the 24 h reminder once, then the 1 h reminder once', async () => {
    const startsAt = new Date(Date.now() + 23 * H);
    const { patient } = await insertBooking({ startsAt });
    expect(await sendDueReminders()).toBe(1);
    expect(await sendDueReminders()).toBe(0);
    expect(await mails(patient.email)).toEqual(['Reminder: ' + (await typeName()) + ' tomorrow']);
    expect(await sendDueReminders(new Date(startsAt.getTime() - 50 * 60_000))).toBe(1);
    expect(await sendDueReminders(new Date(startsAt.getTime() - 40 * 60_000))).toBe(0);
    expect((await mails(patient.email)).filter((s) => /in about an hour/.test(s))).toHaveLength(1);
  });

  it('two overlapping runs (two workers at the same minute) send one reminder: the claim is conditional', async () => {
    const { patient } = await insertBooking({ startsAt: new Date(Date.now() + 23 * H) });
    // Both runs list the booking as due before either claims it: only the claim's "not sent yet" guard keeps one.
    const counts = await Promise.all([sendDueReminders(), sendDueReminders(), sendDueReminders()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await mails(patient.email)).toHaveLength(1);
  });

  it('skips reminders for cancelled bookings and for bookings confirmed inside the window', async () => {
    const a = await insertBooking({ startsAt: new Date(Date.now() + 20 * H), status: 'cancelled' });
    const b = await insertBooking({ startsAt: new Date(Date.now() + 20 * H), confirmedAt: new Date() });
    expect(await sendDueReminders()).toBe(0);
    expect(await mails(a.patient.email)).toEqual([]);
    expect(await mails(b.patient.email)).toEqual([]);
  });

  async function typeName(): Promise<string> {
    const { rows } = await t.executeSql(`select name from consult_types limit 1`);
    return rows[0]!.name as string;
  }
});
