import 'server-only';
import { z } from 'zod';
import type { Db } from '@/db';
import { bookingForActor } from '@/lib/booking/booking-for-actor';
import { roomPhase, roomWindow, type RoomPhase, type RoomWindow } from '@/lib/domain/room-window';
import type { Actor } from '@/lib/domain/actor';

/** A consult room as one of its two participants sees it. */
export interface ConsultRoom {
  bookingId: string;
  patientId: string;
  as: 'patient' | 'clinician';
  selfId: string;
  otherUserId: string;
  otherName: string;
  /** Clinician side only: how to reach the patient and the case the consult is about. */
  patient: { name: string | null; email: string; phone: string | null; mayCall: boolean | null; caseId: string | null } | null;
  consultTypeName: string;
  /** The viewer's zone as the booking records it (same as the booking page and the mails). */
  viewerTimezone: string;
  startsAt: Date;
  endsAt: Date;
  window: RoomWindow;
  phase: RoomPhase;
}

/**
 * The room of booking `bookingId` when `user` is its patient or its clinician and the booking is confirmed
 * (a completed one shows as ended); null for anyone and anything else, which callers answer with 404.
 */
export async function findConsultRoom(db: Db, user: Actor, bookingId: string, now: number): Promise<ConsultRoom | null> {
  if (!z.uuid().safeParse(bookingId).success) return null;
  const found = await bookingForActor(db, user, bookingId);
  if (!found) return null;
  const { view: b, as } = found;
  if (b.status !== 'confirmed' && b.status !== 'completed') return null;
  const window = roomWindow(b.startsAt, b.endsAt);
  return {
    bookingId: b.id,
    patientId: b.patientId,
    as,
    selfId: user.id,
    otherUserId: as === 'patient' ? b.clinicianId : b.patientId,
    otherName: as === 'patient' ? b.clinicianName : (b.patientName ?? b.patientEmail),
    patient: as === 'clinician' ? { name: b.patientName, email: b.patientEmail, phone: b.patientPhone, mayCall: b.patientMayCall, caseId: b.relatedCaseId } : null,
    consultTypeName: b.consultTypeName,
    viewerTimezone: as === 'patient' ? b.patientTimezone : b.clinicianTimezone,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    window,
    phase: b.status === 'completed' ? 'ended' : roomPhase(now, window),
  };
}
