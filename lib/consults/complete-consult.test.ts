import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { bookings } from '@/db/schema';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { makeBookableClinician } from '@/lib/testing/factories/booking';
import { makeCase } from '@/lib/testing/factories/queue-case';
import { makeConfirmedBooking } from '@/lib/testing/factories/video-booking';
import { completeBookingRow } from '@/db/queries/consult-notes';
import { completeConsult } from './complete-consult';
import { correctConsultNotes } from './correct-consult-notes';
import { readConsultNotesForClinician } from './read-consult-notes';
import { readConsultSummariesForPatient } from './read-consult-summaries';

const MIN = 60_000;
const NOTES = 'PRIVATE: thoracic rotation provokes T6 pain; query rib joint dysfunction, review MRI with radiologist.';
const SUMMARY = 'Keep deadlifting at RPE 6 for two weeks, add daily thoracic mobility; we meet again in 3 weeks.';

describe.each(testDbKinds())('completing a consult and its notes (%s)', (kind) => {
  const t = useTestDb(kind);

  const consult = (startsInMinutes: number, status: 'confirmed' | 'pending_payment' | 'cancelled' | 'completed' = 'confirmed') =>
    makeConfirmedBooking(t.db, { startsAt: new Date(Date.now() + startsInMinutes * MIN), status });
  const status = async (id: string) => (await t.db.select({ s: bookings.status }).from(bookings).where(eq(bookings.id, id)))[0]!.s;
  const count = async (q: string, params: unknown[]) => Number((await t.executeSql(q, params)).rows[0]!.n);
  const mails = (to: string) => t.executeSql(`select subject, text, html from outbox_messages where "to" = $1 and subject like 'Your consult summary%'`, [to]).then((r) => r.rows as { subject: string; text: string; html: string }[]);

  it('the booking\'s clinician completes a started consult: status, notes, audit row and the summary mail, all at once', async () => {
    const { booking, patient, clinician } = await consult(-50);
    await expect(completeConsult(clinician, booking.id, { clinicalNotes: NOTES, patientSummary: SUMMARY })).resolves.toEqual({ status: 'completed', revision: 1, summaryShared: true });
    expect(await status(booking.id)).toBe('completed');
    expect(await count(`select count(*) as n from consult_notes where booking_id = $1 and clinical_notes = $2 and patient_summary = $3`, [booking.id, NOTES, SUMMARY])).toBe(1);
    expect(await count(`select count(*) as n from audit_events where action = 'consult.complete' and resource_id = $1 and actor_id = $2 and patient_id = $3 and outcome = 'allowed'`, [booking.id, clinician.id, patient.id])).toBe(1);
    const sent = await mails(patient.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain(`/bookings/${booking.id}`);
    expect(sent[0]!.text + sent[0]!.html).not.toContain('PRIVATE');
  });

  it('no summary, no mail to the patient', async () => {
    const { booking, patient, clinician } = await consult(-50);
    await expect(completeConsult(clinician, booking.id, { clinicalNotes: NOTES, patientSummary: null })).resolves.toMatchObject({ summaryShared: false });
    expect(await status(booking.id)).toBe('completed');
    expect(await mails(patient.email)).toEqual([]);
  });

  it('another clinician and the patient get not_found, change nothing, and leave a denied audit row', async () => {
    const { booking, patient } = await consult(-50);
    const other = await makeBookableClinician(t.db);
    await expect(completeConsult(other, booking.id, { clinicalNotes: NOTES, patientSummary: SUMMARY })).rejects.toMatchObject({ code: 'not_found' });
    await expect(completeConsult(patient, booking.id, { clinicalNotes: NOTES, patientSummary: SUMMARY })).rejects.toMatchObject({ code: 'not_found' });
    await expect(readConsultNotesForClinician(other, booking.id)).resolves.toBeNull();
    await expect(readConsultNotesForClinician(patient, booking.id)).resolves.toBeNull();
    await expect(completeConsult(other, 'not-a-uuid', { clinicalNotes: NOTES, patientSummary: null })).rejects.toMatchObject({ code: 'not_found' });
    expect(await status(booking.id)).toBe('confirmed');
    expect(await count(`select count(*) as n from consult_notes`, [])).toBe(0);
    expect(await count(`select count(*) as n from audit_events where resource_id = $1 and outcome = 'denied'`, [booking.id])).toBe(4);
  });

  it('not before the start time', async () => {
    const { booking, clinician } = await consult(5);
    await expect(completeConsult(clinician, booking.id, { clinicalNotes: NOTES, patientSummary: SUMMARY })).rejects.toMatchObject({ code: 'not_allowed' });
    expect(await status(booking.id)).toBe('confirmed');
    expect(await count(`select count(*) as n from outbox_messages`, [])).toBe(0);
  });

  it.each(['cancelled', 'pending_payment'] as const)('a %s booking is refused and stays as it was', async (s) => {
    const { booking, clinician } = await consult(-50, s);
    await expect(completeConsult(clinician, booking.id, { clinicalNotes: NOTES, patientSummary: SUMMARY })).rejects.toMatchObject({ code: 'not_allowed' });
    expect(await status(booking.id)).toBe(s);
  });

  it('an expired hold is refused', async () => {
    const { booking, clinician } = await consult(-50, 'pending_payment');
    await t.db.update(bookings).set({ status: 'expired' }).where(eq(bookings.id, booking.id));
    await expect(completeConsult(clinician, booking.id, { clinicalNotes: NOTES, patientSummary: SUMMARY })).rejects.toMatchObject({ code: 'not_allowed' });
    expect(await status(booking.id)).toBe('expired');
  });

  it('completing twice, or ten times at once, completes once: one notes revision, one mail, one audit row', async () => {
    const { booking, patient, clinician } = await consult(-50);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => completeConsult(clinician, booking.id, { clinicalNotes: NOTES, patientSummary: SUMMARY })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'state_changed' });
    await expect(completeConsult(clinician, booking.id, { clinicalNotes: NOTES, patientSummary: SUMMARY })).rejects.toMatchObject({ code: 'state_changed' });
    expect(await count(`select count(*) as n from consult_notes where booking_id = $1`, [booking.id])).toBe(1);
    expect(await mails(patient.email)).toHaveLength(1);
    expect(await count(`select count(*) as n from audit_events where action = 'consult.complete' and outcome = 'allowed'`, [])).toBe(1);
  });

  it('the UPDATE\'s WHERE itself refuses another clinician, a future start and any status but confirmed (no pre-check involved)', async () => {
    const now = new Date();
    const past = await consult(-50);
    const other = await makeBookableClinician(t.db);
    expect(await completeBookingRow(t.db, past.booking.id, other.id, now)).toBeNull();
    const future = await consult(30);
    expect(await completeBookingRow(t.db, future.booking.id, future.clinician.id, now)).toBeNull();
    for (const s of ['cancelled', 'pending_payment', 'completed'] as const) {
      const b = await consult(-50, s);
      expect(await completeBookingRow(t.db, b.booking.id, b.clinician.id, now)).toBeNull();
      expect(await status(b.booking.id)).toBe(s);
    }
    expect(await completeBookingRow(t.db, past.booking.id, past.clinician.id, now)).toMatchObject({ status: 'completed' });
    expect(await completeBookingRow(t.db, past.booking.id, past.clinician.id, now)).toBeNull();
  });

  it('with a case: a case event for the team that carries no note text', async () => {
    const { booking, patient, clinician } = await consult(-50);
    const c = await makeCase(t.db, { patientId: patient.id, status: 'consult_recommended', assignedClinicianId: clinician.id });
    await t.db.update(bookings).set({ caseId: c.id }).where(eq(bookings.id, booking.id));
    await completeConsult(clinician, booking.id, { clinicalNotes: NOTES, patientSummary: SUMMARY });
    const { rows } = await t.executeSql(`select kind, actor_id, payload from case_events where case_id = $1 and kind like 'consult.%'`, [c.id]);
    expect(rows).toEqual([{ kind: 'consult.completed', actor_id: clinician.id, payload: { bookingId: booking.id, revision: 1, summaryShared: true } }]);
  });

  it('corrections by the same clinician add revisions; the patient is mailed only when the summary changes', async () => {
    const { booking, patient, clinician } = await consult(-50);
    await expect(correctConsultNotes(clinician, booking.id, { clinicalNotes: NOTES, patientSummary: null })).rejects.toMatchObject({ code: 'not_allowed' });
    await completeConsult(clinician, booking.id, { clinicalNotes: NOTES, patientSummary: SUMMARY });
    await expect(correctConsultNotes(clinician, booking.id, { clinicalNotes: `${NOTES} Corrected: T7, not T6.`, patientSummary: SUMMARY })).resolves.toEqual({ revision: 2, summaryChanged: false });
    expect(await mails(patient.email)).toHaveLength(1);
    await expect(correctConsultNotes(clinician, booking.id, { clinicalNotes: NOTES, patientSummary: `${SUMMARY} Ice is optional.` })).resolves.toEqual({ revision: 3, summaryChanged: true });
    expect((await mails(patient.email)).map((m) => m.subject)).toEqual(expect.arrayContaining([expect.stringMatching(/^Your consult summary was updated/)]));
    const other = await makeBookableClinician(t.db);
    await expect(correctConsultNotes(other, booking.id, { clinicalNotes: 'Someone else writing here.', patientSummary: null })).rejects.toMatchObject({ code: 'not_found' });
    const read = await readConsultNotesForClinician(clinician, booking.id);
    expect(read!.notes).toMatchObject({ revision: 3, clinicalNotes: NOTES, patientSummary: `${SUMMARY} Ice is optional.` });
    expect(await count(`select count(*) as n from consult_notes where booking_id = $1`, [booking.id])).toBe(3);
    expect(await count(`select count(*) as n from audit_events where action = 'consult_notes.correct' and outcome = 'allowed'`, [])).toBe(2);
    expect(await count(`select count(*) as n from audit_events where action = 'consult_notes.view' and outcome = 'allowed'`, [])).toBe(1);
  });

  it('concurrent corrections get consecutive revisions, none lost', async () => {
    const { booking, clinician } = await consult(-50);
    await completeConsult(clinician, booking.id, { clinicalNotes: NOTES, patientSummary: null });
    const revisions = await Promise.all(Array.from({ length: 5 }, (_, i) => correctConsultNotes(clinician, booking.id, { clinicalNotes: `${NOTES} (${i})`, patientSummary: null })));
    expect(revisions.map((r) => r.revision).sort()).toEqual([2, 3, 4, 5, 6]);
  });

  it('the patient\'s read has the current summary and never the private notes, and is audited', async () => {
    const { booking, patient, clinician } = await consult(-50);
    const other = await consult(-120);
    await completeConsult(clinician, booking.id, { clinicalNotes: NOTES, patientSummary: SUMMARY });
    await completeConsult(other.clinician, other.booking.id, { clinicalNotes: NOTES, patientSummary: 'Someone else\'s plan.' });
    const summaries = await readConsultSummariesForPatient(patient);
    expect([...summaries.keys()]).toEqual([booking.id]);
    expect(summaries.get(booking.id)!.patientSummary).toBe(SUMMARY);
    expect(JSON.stringify([...summaries.values()])).not.toContain('PRIVATE');
    expect(await count(`select count(*) as n from audit_events where action = 'consult_summary.view' and actor_id = $1`, [patient.id])).toBe(1);
    await correctConsultNotes(clinician, booking.id, { clinicalNotes: NOTES, patientSummary: null });
    expect((await readConsultSummariesForPatient(patient)).get(booking.id)!.patientSummary).toBeNull();
  });
});
