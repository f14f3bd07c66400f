import { beforeEach, describe, expect, it, vi } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { insertVideoSignal, listVideoSignalsFor } from '@/db/queries/video';
import { auditEvents, videoSignals } from '@/db/schema';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { makePatient } from '@/lib/testing/factories/people';
import { sweepVideoSignals } from '@/lib/video/jobs';
import { MAX_SIGNALS_PER_PARTICIPANT } from '@/lib/video/signals';
import { makeConfirmedBooking } from '@/lib/testing/factories/video-booking';
import { sameOriginJson } from '@/lib/testing/requests';
import type { Role } from '@/lib/domain/roles';

// The session is the only thing faked: guard, room access, queries and audit run for real.
type SessionUser = { id: string; email: string; name: string | null; roles: Role[]; timezone: string };
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/config', () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3_600_000).toISOString() } : null),
}));

const { GET, POST } = await import('./route');

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (id: string, body: unknown) =>
  POST(sameOriginJson(`http://test/api/consult/${id}/signal`, 'POST', body), params(id));
const get = (id: string, after?: number | string) =>
  GET(new Request(`http://test/api/consult/${id}/signal${after === undefined ? '' : `?after=${after}`}`), params(id));

const S1 = 'session-aaaa-1111';
const S2 = 'session-bbbb-2222';
const hello = (session = S1) => ({ kind: 'hello', payload: { session } });
type Person = { id: string; email: string; roles: Role[] };
const as = (p: Person) => {
  session.user = { id: p.id, email: p.email, name: null, roles: p.roles, timezone: 'UTC' };
};

describe.each(testDbKinds())('consult signalling (%s)', (kind) => {
  const t = useTestDb(kind);
  beforeEach(() => {
    session.user = null;
  });

  const openRoom = () => makeConfirmedBooking(t.db, { startsAt: new Date(Date.now() + 5 * 60_000) });

  it('delivers a message to the other participant only, in order, after the cursor', async () => {
    const { booking, patient, clinician } = await openRoom();
    as(clinician);
    const start = await get(booking.id);
    expect(start.status).toBe(200);
    const { cursor } = (await start.json()) as { cursor: number };

    as(patient);
    expect((await post(booking.id, hello())).status).toBe(201);
    const offer = await post(booking.id, { kind: 'offer', payload: { session: S1, to: S2, sdp: 'v=0\r\n' } });
    expect(offer.status).toBe(201);
    // The sender's own inbox stays empty.
    expect(((await (await get(booking.id, 0)).json()) as { messages: unknown[] }).messages).toEqual([]);

    as(clinician);
    const polled = (await (await get(booking.id, cursor)).json()) as { messages: { id: number; kind: string; payload: { session: string } }[]; cursor: number };
    expect(polled.messages.map((m) => m.kind)).toEqual(['hello', 'offer']);
    expect(polled.messages[0]!.payload.session).toBe(S1);
    expect(polled.cursor).toBe(polled.messages[1]!.id);
    // Nothing new after the returned cursor.
    expect(((await (await get(booking.id, polled.cursor)).json()) as { messages: unknown[] }).messages).toEqual([]);

    const joins = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'consult.join'), eq(auditEvents.resourceId, booking.id)));
    expect(joins).toHaveLength(1);
    expect(joins[0]!.actorId).toBe(patient.id);
    expect(joins[0]!.patientId).toBe(patient.id);
  });

  it('answers 404 to anyone else (another patient, another clinician), audited, on POST and GET', async () => {
    const { booking } = await openRoom();
    const other = await openRoom();
    const stranger = await makePatient(t.db);
    for (const p of [stranger, other.patient, other.clinician]) {
      as(p);
      expect((await post(booking.id, hello())).status).toBe(404);
      expect((await get(booking.id, 0)).status).toBe(404);
    }
    const denied = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'consult.signal'), eq(auditEvents.outcome, 'denied')));
    expect(denied).toHaveLength(6);
    session.user = null;
    expect((await get(booking.id, 0)).status).toBe(401);
    as(stranger);
    expect((await get('not-a-uuid', 0)).status).toBe(404);
  });

  it('404 unless the booking is confirmed; 409 while the room is not open yet', async () => {
    for (const status of ['pending_payment', 'cancelled'] as const) {
      const { booking, patient } = await makeConfirmedBooking(t.db, { startsAt: new Date(Date.now() + 5 * 60_000), status });
      as(patient);
      expect((await post(booking.id, hello())).status).toBe(404);
    }
    const later = await makeConfirmedBooking(t.db, { startsAt: new Date(Date.now() + 60 * 60_000) });
    as(later.patient);
    const res = await post(later.booking.id, hello());
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: 'room_closed' });
    expect((await get(later.booking.id, 0)).status).toBe(409);
  });

  it('validates messages and limits their size', async () => {
    const { booking, patient } = await openRoom();
    as(patient);
    expect((await post(booking.id, { kind: 'shout', payload: {} })).status).toBe(400);
    expect((await post(booking.id, { kind: 'offer', payload: { session: S1, sdp: 'x' } })).status).toBe(400);
    expect((await post(booking.id, 'not json')).status).toBe(400);
    expect((await post(booking.id, { kind: 'offer', payload: { session: S1, to: S2, sdp: 'x'.repeat(70_000) } })).status).toBe(413);
    expect((await get(booking.id, 'abc')).status).toBe(400);
  });

  it('the inbox query is scoped by room and recipient', async () => {
    const a = await openRoom();
    const b = await openRoom();
    const db = t.db;
    await insertVideoSignal(db, { bookingId: a.booking.id, fromUserId: a.patient.id, toUserId: a.clinician.id, kind: 'hello', payload: { session: S1 } });
    // A message to the same clinician in another room, and one from the clinician to the patient.
    await insertVideoSignal(db, { bookingId: b.booking.id, fromUserId: b.patient.id, toUserId: a.clinician.id, kind: 'hello', payload: { session: S2 } });
    await insertVideoSignal(db, { bookingId: a.booking.id, fromUserId: a.clinician.id, toUserId: a.patient.id, kind: 'hello', payload: { session: S2 } });
    const inbox = await listVideoSignalsFor(db, { bookingId: a.booking.id, toUserId: a.clinician.id, afterId: 0 });
    expect(inbox.map((m) => [m.fromUserId, m.payload.session])).toEqual([[a.patient.id, S1]]);
    const patientInbox = await listVideoSignalsFor(db, { bookingId: a.booking.id, toUserId: a.patient.id, afterId: 0 });
    expect(patientInbox).toHaveLength(1);
    expect(await listVideoSignalsFor(db, { bookingId: a.booking.id, toUserId: a.clinician.id, afterId: inbox[0]!.id })).toEqual([]);
  });

  it('refuses (429) once a participant has posted the per-room ceiling', async () => {
    const { booking, patient, clinician } = await openRoom();
    await t.db.execute(sql`
      INSERT INTO video_signals (booking_id, from_user_id, to_user_id, kind, payload)
      SELECT ${booking.id}, ${patient.id}, ${clinician.id}, 'ice', '{}'::jsonb FROM generate_series(1, ${MAX_SIGNALS_PER_PARTICIPANT})`);
    as(patient);
    const res = await post(booking.id, hello());
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ error: 'too_many_signals' });
    // The other participant is not affected.
    as(clinician);
    expect((await post(booking.id, hello(S2))).status).toBe(201);
  });

  it('the sweep job deletes signalling older than a day and keeps the rest', async () => {
    const { booking, patient, clinician } = await openRoom();
    const msg = { bookingId: booking.id, fromUserId: patient.id, toUserId: clinician.id, kind: 'hello' as const, payload: { session: S1 } };
    const oldId = await insertVideoSignal(t.db, msg);
    await t.db.update(videoSignals).set({ createdAt: new Date(Date.now() - 25 * 3_600_000) }).where(eq(videoSignals.id, oldId));
    const freshId = await insertVideoSignal(t.db, msg);
    expect(await sweepVideoSignals()).toBe(1);
    expect((await t.db.select({ id: videoSignals.id }).from(videoSignals)).map((r) => r.id)).toEqual([freshId]);
  });
});
