import { createHmac } from 'node:crypto';
import { isValidElement, type ReactNode } from 'react';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditEvents } from '@/db/schema';
import { ConsultRoom, type ConsultRoomProps } from '@/components/video/consult-room';
import { resetEnvCache } from '@/lib/env';
import { makePatient } from '@/lib/testing/factories/people';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { makeConfirmedBooking } from '@/lib/testing/factories/video-booking';
import type { Role } from '@/lib/domain/roles';

// The session is the only thing faked: guard, room access, minting and audit run for real.
type SessionUser = { id: string; email: string; name: string | null; roles: Role[]; timezone: string };
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/config', () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3_600_000).toISOString() } : null),
}));

const { default: ConsultPage } = await import('./page');

const SECRET = 'room-test-turn-secret-0123456789';
type Person = { id: string; email: string; roles: Role[] };
const as = (p: Person) => {
  session.user = { id: p.id, email: p.email, name: null, roles: p.roles, timezone: 'UTC' };
};

/** The props the page hands the browser's room component, or null when it renders no room. */
function roomProps(node: ReactNode): ConsultRoomProps | null {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = roomProps(child as ReactNode);
      if (found) return found;
    }
    return null;
  }
  if (!isValidElement(node)) return null;
  if (node.type === ConsultRoom) return node.props as ConsultRoomProps;
  return roomProps((node.props as { children?: ReactNode }).children);
}

async function render(bookingId: string): Promise<{ notFound: boolean; room: ConsultRoomProps | null }> {
  try {
    return { notFound: false, room: roomProps(await ConsultPage({ params: Promise.resolve({ id: bookingId }) })) };
  } catch (err) {
    if (String((err as { digest?: string }).digest ?? '').includes('404')) return { notFound: true, room: null };
    throw err;
  }
}

describe.each(testDbKinds())('finding 13: TURN credentials only for the room\'s participants (%s)', (kind) => {
  const t = useTestDb(kind);
  const saved = { ...process.env };
  beforeAll(() => {
    process.env.ICE_SERVERS = '[{"urls":"stun:stun.example.test"}]';
    process.env.TURN_SECRET = SECRET;
    process.env.TURN_URLS = 'turn:turn.example.test:3478';
    resetEnvCache();
  });
  afterAll(() => {
    process.env = saved;
    resetEnvCache();
  });
  beforeEach(() => {
    session.user = null;
  });

  it('mints one credential per participant of an open room, audited with the room read', async () => {
    const { booking, patient, clinician } = await makeConfirmedBooking(t.db, { startsAt: new Date(Date.now() + 5 * 60_000) });
    const seen: string[] = [];
    for (const p of [patient, clinician]) {
      as(p);
      const { room } = await render(booking.id);
      const turn = room?.iceServers.find((s) => s.credential !== undefined);
      expect(room?.iceServers[0]).toEqual({ urls: 'stun:stun.example.test' });
      expect(turn?.urls).toEqual(['turn:turn.example.test:3478']);
      const [expiry, userId] = String(turn?.username).split(':');
      expect(userId).toBe(p.id);
      expect(Number(expiry) * 1000).toBeGreaterThan(Date.now() + 3 * 3600_000);
      expect(turn?.credential).toBe(createHmac('sha1', SECRET).update(String(turn?.username)).digest('base64'));
      seen.push(String(turn?.credential));
    }
    expect(new Set(seen).size).toBe(2);
    const views = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'consult.view'), eq(auditEvents.resourceId, booking.id)));
    expect(views.map((v) => [v.actorId, v.outcome, (v.details as { turnCredential?: boolean }).turnCredential])).toEqual([
      [patient.id, 'allowed', true],
      [clinician.id, 'allowed', true],
    ]);
  });

  it('gives nobody else a credential (404, audited as denied), and none before the room opens', async () => {
    const { booking } = await makeConfirmedBooking(t.db, { startsAt: new Date(Date.now() + 5 * 60_000) });
    const other = await makeConfirmedBooking(t.db, { startsAt: new Date(Date.now() + 5 * 60_000) });
    for (const p of [await makePatient(t.db), other.patient, other.clinician]) {
      as(p);
      expect(await render(booking.id)).toEqual({ notFound: true, room: null });
    }
    const denied = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'consult.view'), eq(auditEvents.outcome, 'denied')));
    expect(denied).toHaveLength(3);

    const later = await makeConfirmedBooking(t.db, { startsAt: new Date(Date.now() + 3 * 3600_000) });
    as(later.patient);
    expect(await render(later.booking.id)).toEqual({ notFound: false, room: null });
    const [view] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'consult.view'), eq(auditEvents.resourceId, later.booking.id)));
    expect((view?.details as { turnCredential?: boolean }).turnCredential).toBe(false);
  });
});
