import { describe, expect, it } from 'vitest';
import { bookings } from '@/db/schema';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { gridSlot, makeBookableClinician, makeConsultType } from '@/lib/testing/factories/booking';
import { makePatient } from '@/lib/testing/factories/people';
import { GET } from './route';

const get = (clinicianId: string, qs: string) => GET(new Request(`http://test/api/clinicians/${clinicianId}/slots?${qs}`), { params: Promise.resolve({ id: clinicianId }) });

describe.each(testDbKinds())('GET /api/clinicians/:id/slots (%s)', (kind) => {
  const t = useTestDb(kind);

  it('lists free slots in UTC and leaves out live holds and confirmed bookings, but not lapsed holds', async () => {
    const clinician = await makeBookableClinician(t.db, { hours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 13 * 60 })) });
    const type = await makeConsultType(t.db);
    const patient = await makePatient(t.db);
    const day = gridSlot(5, 0);
    const from = day.toISOString();
    const to = new Date(day.getTime() + 24 * 3_600_000).toISOString();
    const before = (await (await get(clinician.id, `consultType=${type.id}&from=${from}&to=${to}`)).json()) as { startsAt: string; endsAt: string }[];
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(before[0]!.startsAt).toMatch(/Z$/);
    const row = (startsAt: string, over: Partial<typeof bookings.$inferInsert>) => ({
      patientId: patient.id,
      clinicianId: clinician.id,
      consultTypeId: type.id,
      startsAt: new Date(startsAt),
      endsAt: new Date(Date.parse(startsAt) + 45 * 60_000),
      blockedUntil: new Date(Date.parse(startsAt) + 60 * 60_000),
      priceCents: 9500,
      currency: 'gbp',
      ...over,
    });
    const [a, b, c] = [before[0]!, before[1]!, before[2]!];
    await t.db.insert(bookings).values([
      row(a.startsAt, { status: 'confirmed' }),
      row(b.startsAt, { status: 'pending_payment', holdExpiresAt: new Date(Date.now() + 600_000) }),
      row(c.startsAt, { status: 'pending_payment', holdExpiresAt: new Date(Date.now() - 1_000) }),
    ]);
    const after = (await (await get(clinician.id, `consultType=${type.id}&from=${from}&to=${to}`)).json()) as { startsAt: string }[];
    const starts = after.map((s) => s.startsAt);
    expect(starts).not.toContain(a.startsAt);
    expect(starts).not.toContain(b.startsAt);
    expect(starts).toContain(c.startsAt);
  });

  it('answers 400 for a bad window and 404 for an unknown clinician or consult type', async () => {
    const clinician = await makeBookableClinician(t.db);
    const type = await makeConsultType(t.db);
    const from = new Date().toISOString();
    expect((await get(clinician.id, `consultType=${type.id}&from=${from}&to=${from}`)).status).toBe(400);
    expect((await get(clinician.id, `consultType=${type.id}&from=${from}&to=${new Date(Date.now() + 90 * 86_400_000).toISOString()}`)).status).toBe(400);
    expect((await get('nobody', `consultType=${type.id}&from=${from}&to=${new Date(Date.now() + 86_400_000).toISOString()}`)).status).toBe(404);
    expect((await get(clinician.id, `consultType=${crypto.randomUUID()}&from=${from}&to=${new Date(Date.now() + 86_400_000).toISOString()}`)).status).toBe(404);
  });
});
