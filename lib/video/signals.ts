import 'server-only';
import { getDb } from '@/db';
import { countVideoSignalsSent, insertVideoSignal, latestVideoSignalIdFor, listVideoSignalsFor } from '@/db/queries/video';
import { audit } from '@/lib/audit';
import { findConsultRoom } from '@/lib/consults/room-access';
import type { SignalBody, SignalMessage, SignalPollResponse } from './signal-schema';
import type { Actor } from '@/lib/domain/actor';

export type SignalResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: 404 | 409 | 429; error: 'not_found' | 'room_closed' | 'too_many_signals'; message: string };

/**
 * Ceiling on what one participant may post in one room: a call with a few reconnects needs a few hundred messages;
 * this stops a runaway or hostile client from filling the table.
 */
export const MAX_SIGNALS_PER_PARTICIPANT = 3_000;

const notFound = { ok: false, status: 404, error: 'not_found', message: 'No such consult room.' } as const;
const closed = { ok: false, status: 409, error: 'room_closed', message: 'The room is not open right now.' } as const;

/**
 * Posts a signalling message from `user` to the other participant of the room. Only the booking's two participants,
 * only while the room is open; joining and leaving (hello/bye) are audited, the high-volume rest is not.
 */
export async function postSignal(user: Actor, bookingId: string, msg: SignalBody, now = Date.now()): Promise<SignalResult<{ id: number }>> {
  const db = await getDb();
  const room = await findConsultRoom(db, user, bookingId, now);
  if (!room) {
    await audit({ actor: user, action: 'consult.signal', resourceType: 'booking', resourceId: bookingId, outcome: 'denied', details: { kind: msg.kind } });
    return notFound;
  }
  if (room.phase !== 'open') return closed;
  if ((await countVideoSignalsSent(db, bookingId, user.id, room.otherUserId)) >= MAX_SIGNALS_PER_PARTICIPANT) {
    return { ok: false, status: 429, error: 'too_many_signals', message: 'Too many signalling messages in this room. Reload the page to start again.' };
  }
  const id = await insertVideoSignal(db, { bookingId, fromUserId: user.id, toUserId: room.otherUserId, kind: msg.kind, payload: msg.payload });
  if (msg.kind === 'hello' && !msg.payload.reply) {
    await audit({ actor: user, action: 'consult.join', resourceType: 'booking', resourceId: bookingId, patientId: room.patientId });
  } else if (msg.kind === 'bye') {
    await audit({ actor: user, action: 'consult.leave', resourceType: 'booking', resourceId: bookingId, patientId: room.patientId });
  }
  return { ok: true, data: { id } };
}

/**
 * The caller's messages in this room after `after`; without `after`, no messages and the current cursor (a client
 * that just joined starts there and never replays an earlier page's conversation).
 */
export async function pollSignals(user: Actor, bookingId: string, after: number | undefined, now = Date.now()): Promise<SignalResult<SignalPollResponse>> {
  const db = await getDb();
  const room = await findConsultRoom(db, user, bookingId, now);
  if (!room) {
    await audit({ actor: user, action: 'consult.signal', resourceType: 'booking', resourceId: bookingId, outcome: 'denied', details: { poll: true } });
    return notFound;
  }
  if (room.phase !== 'open') return closed;
  if (after === undefined) return { ok: true, data: { messages: [], cursor: await latestVideoSignalIdFor(db, bookingId, user.id) } };
  const rows = await listVideoSignalsFor(db, { bookingId, toUserId: user.id, afterId: after });
  const messages = rows.map((r) => ({ id: r.id, kind: r.kind, payload: r.payload, createdAt: r.createdAt.toISOString() }) as SignalMessage);
  return { ok: true, data: { messages, cursor: rows.length ? rows[rows.length - 1]!.id : after } };
}
