import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { bookings, clinicianProfiles, consultNotes, users } from '../schema';
import type { Booking } from './bookings';

/*
 * Consult notes: clinical notes (team only) and the patient's summary, as append-only revisions per booking.
 * Patient-facing reads select the summary column only, so the private notes never leave the database for them.
 */

/**
 * confirmed → completed, only for this clinician's own booking whose start has passed; the WHERE clause is the guard,
 * so a replay or a concurrent request finds no row to change. Returns the row or null.
 */
export async function completeBookingRow(db: Db, id: string, clinicianId: string, at: Date): Promise<Booking | null> {
  const [row] = await db
    .update(bookings)
    .set({ status: 'completed', completedAt: at, updatedAt: at })
    .where(and(eq(bookings.id, id), eq(bookings.clinicianId, clinicianId), eq(bookings.status, 'confirmed'), lte(bookings.startsAt, at)))
    .returning();
  return row ?? null;
}

/** The clinician's completed booking, row-locked so two corrections take their revision numbers one after the other. */
export async function lockCompletedBookingOfClinician(db: Db, id: string, clinicianId: string): Promise<Booking | null> {
  const [row] = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.id, id), eq(bookings.clinicianId, clinicianId), eq(bookings.status, 'completed')))
    .for('update');
  return row ?? null;
}

export async function insertConsultNotesRevision(db: Db, v: typeof consultNotes.$inferInsert) {
  const [row] = await db.insert(consultNotes).values(v).returning();
  return row!;
}

export interface ConsultNotesRevision {
  revision: number;
  clinicalNotes: string;
  patientSummary: string | null;
  authorName: string | null;
  createdAt: Date;
}

const authorName = sql<string | null>`coalesce(${clinicianProfiles.displayName}, ${users.name})`;

/** The current (latest) revision of a booking's notes, or null. Staff reads only: it includes the private notes. */
export async function getLatestConsultNotes(db: Db, bookingId: string): Promise<ConsultNotesRevision | null> {
  const [row] = await db
    .select({ revision: consultNotes.revision, clinicalNotes: consultNotes.clinicalNotes, patientSummary: consultNotes.patientSummary, authorName, createdAt: consultNotes.createdAt })
    .from(consultNotes)
    .leftJoin(users, eq(users.id, consultNotes.authorId))
    .leftJoin(clinicianProfiles, eq(clinicianProfiles.userId, consultNotes.authorId))
    .where(eq(consultNotes.bookingId, bookingId))
    .orderBy(desc(consultNotes.revision))
    .limit(1);
  return row ?? null;
}

export interface PatientConsultSummary {
  bookingId: string;
  patientSummary: string | null;
  updatedAt: Date;
}

/**
 * The summary the patient may read, from the latest revision of each of their completed bookings (optionally of one
 * case). Scoped to the patient in the WHERE clause; selects no clinical notes.
 */
export async function listPatientConsultSummaries(db: Db, patientId: string, opts: { caseId?: string; bookingIds?: string[] } = {}): Promise<PatientConsultSummary[]> {
  if (opts.bookingIds && opts.bookingIds.length === 0) return [];
  return db
    .selectDistinctOn([consultNotes.bookingId], { bookingId: consultNotes.bookingId, patientSummary: consultNotes.patientSummary, updatedAt: consultNotes.createdAt })
    .from(consultNotes)
    .innerJoin(bookings, eq(bookings.id, consultNotes.bookingId))
    .where(
      and(
        eq(bookings.patientId, patientId),
        eq(bookings.status, 'completed'),
        opts.caseId ? eq(bookings.caseId, opts.caseId) : undefined,
        opts.bookingIds ? inArray(bookings.id, opts.bookingIds) : undefined,
      ),
    )
    .orderBy(consultNotes.bookingId, desc(consultNotes.revision));
}

export interface CaseConsultNotes extends ConsultNotesRevision {
  bookingId: string;
  startsAt: Date;
  completedAt: Date | null;
}

/** For the team's case view: the current notes of every completed consult booked on the case, oldest consult first. */
export async function listCaseConsultNotes(db: Db, caseId: string): Promise<CaseConsultNotes[]> {
  const rows = await db
    .selectDistinctOn([consultNotes.bookingId], {
      bookingId: consultNotes.bookingId,
      startsAt: bookings.startsAt,
      completedAt: bookings.completedAt,
      revision: consultNotes.revision,
      clinicalNotes: consultNotes.clinicalNotes,
      patientSummary: consultNotes.patientSummary,
      authorName,
      createdAt: consultNotes.createdAt,
    })
    .from(consultNotes)
    .innerJoin(bookings, eq(bookings.id, consultNotes.bookingId))
    .leftJoin(users, eq(users.id, consultNotes.authorId))
    .leftJoin(clinicianProfiles, eq(clinicianProfiles.userId, consultNotes.authorId))
    .where(and(eq(bookings.caseId, caseId), eq(bookings.status, 'completed')))
    .orderBy(consultNotes.bookingId, desc(consultNotes.revision));
  return rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
