import { NextResponse } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { gridSlot, makeBookableClinician, makeConsultType } from '@/lib/testing/factories/booking';
import { makePatient } from '@/lib/testing/factories/people';
import { sameOriginJson } from '@/lib/testing/requests';

// The route's auth guard answers with the next patient the running test queued (each concurrent request is a
// different patient). The queue is emptied before every test, and an empty queue answers 401: a test that fails
// half-way can never hand its patients to the next one.
type Patient = { id: string; email: string; name: string | null; roles: ('patient' | 'clinician' | 'admin')[]; timezone: string };
const signedIn = vi.hoisted(() => ({ queue: [] as Patient[] }));
vi.mock('@/lib/auth/guards', () => ({
  apiGuard: async () => {
    const user = signedIn.queue.shift();
    return user ? { ok: true, user } : { ok: false, response: NextResponse.json({ error: 'unauthenticated' }, { status: 401 }) };
  },
}));
const queue = {
  push: (...patients: Patient[]) => signedIn.queue.push(...patients),
};

const { POST } = await import('./route');

function post(body: object): Promise<Response> {
  return POST(sameOriginJson('http://test/api/bookings', 'POST', body));
}

describe.each(testDbKinds())('POST /api/bookings under a race (%s)', (kind) => {
  // Registered before useTestDb, so the key is gone before the database is set up.
  beforeAll(() => {
    delete process.env.STRIPE_SECRET_KEY;
  });
  const t = useTestDb(kind);
  beforeEach(() => {
    signedIn.queue = [];
  });

  it('50 concurrent requests for one slot: exactly one 201, 49 × 409, no overlap in the table', async () => {
    const clinician = await makeBookableClinician(t.db);
    const type = await makeConsultType(t.db);
    for (let i = 0; i < 50; i++) queue.push(await makePatient(t.db));
    const startsAt = gridSlot(5).toISOString();

    const responses = await Promise.all(Array.from({ length: 50 }, () => post({ clinicianId: clinician.id, consultTypeId: type.id, startsAt })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);

    const winner = await responses.find((r) => r.status === 201)!.json();
    expect(winner).toMatchObject({ status: 'pending_payment', checkoutUrl: expect.stringMatching(/\/demo-checkout\/cs_demo_/) });
    const loser = await responses.find((r) => r.status === 409)!.json();
    expect(loser.error).toBe('slot_unavailable');
    expect(Array.isArray(loser.slots)).toBe(true);
    expect(loser.slots.map((s: { startsAt: string }) => s.startsAt)).not.toContain(startsAt);

    const { rows } = await t.executeSql(
      `select count(*)::int as n from bookings a join bookings b on a.id < b.id and a.clinician_id = b.clinician_id
        and a.status in ('pending_payment','confirmed') and b.status in ('pending_payment','confirmed')
        and tstzrange(a.starts_at, a.blocked_until) && tstzrange(b.starts_at, b.blocked_until)`,
    );
    expect(rows[0]?.n).toBe(0);
    const live = await t.executeSql(`select count(*)::int as n from bookings where status = 'pending_payment'`);
    expect(live.rows[0]?.n).toBe(1);
  });

  it('a hold that has lapsed frees the slot: the next booking expires it in the same transaction', async () => {
    const clinician = await makeBookableClinician(t.db);
    const type = await makeConsultType(t.db);
    queue.push(await makePatient(t.db), await makePatient(t.db), await makePatient(t.db));
    const startsAt = gridSlot(6).toISOString();
    const first = await post({ clinicianId: clinician.id, consultTypeId: type.id, startsAt });
    expect(first.status).toBe(201);
    const second = await post({ clinicianId: clinician.id, consultTypeId: type.id, startsAt });
    expect(second.status).toBe(409);

    const { id } = await first.json();
    await t.executeSql(`update bookings set hold_expires_at = now() - interval '1 second' where id = $1`, [id]);
    const third = await post({ clinicianId: clinician.id, consultTypeId: type.id, startsAt });
    expect(third.status).toBe(201);
    const { rows } = await t.executeSql(`select status from bookings where id = $1`, [id]);
    expect(rows[0]?.status).toBe('expired');
  });

  it('refuses a time off the slot grid with 409 and a 400 for a malformed body', async () => {
    const clinician = await makeBookableClinician(t.db, { hours: [{ weekday: 1, startMinute: 9 * 60, endMinute: 10 * 60 }] });
    const type = await makeConsultType(t.db);
    queue.push(await makePatient(t.db), await makePatient(t.db));
    const offGrid = new Date(gridSlot(4).getTime() + 7 * 60_000).toISOString();
    expect((await post({ clinicianId: clinician.id, consultTypeId: type.id, startsAt: offGrid })).status).toBe(409);
    const bad = await post({ clinicianId: clinician.id, consultTypeId: 'nope', startsAt: 'tomorrow' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors).toHaveProperty('startsAt');
  });

  it('limits one patient to 3 unpaid holds at a time (429)', async () => {
    const clinician = await makeBookableClinician(t.db);
    const type = await makeConsultType(t.db);
    const patient = await makePatient(t.db);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      queue.push(patient);
      statuses.push((await post({ clinicianId: clinician.id, consultTypeId: type.id, startsAt: gridSlot(8 + i).toISOString() })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it("answers 404 for an intake the patient does not own", async () => {
    const clinician = await makeBookableClinician(t.db);
    const type = await makeConsultType(t.db);
    queue.push(await makePatient(t.db));
    const res = await post({ clinicianId: clinician.id, consultTypeId: type.id, startsAt: gridSlot(7).toISOString(), intakeId: crypto.randomUUID() });
    expect(res.status).toBe(404);
  });
});
