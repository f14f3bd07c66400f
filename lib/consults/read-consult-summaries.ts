import 'server-only';
import { getDb } from '@/db';
import { listPatientConsultSummaries, type PatientConsultSummary } from '@/db/queries/consult-notes';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/domain/actor';

/**
 * What a patient reads after their consults: the shared summary of each completed booking, keyed by booking id
 * (never the clinical notes — the query does not select them). Audited when there is something to read.
 */
export async function readConsultSummariesForPatient(user: Actor, scope: { caseId?: string; bookingIds?: string[] } = {}): Promise<Map<string, PatientConsultSummary>> {
  const rows = await listPatientConsultSummaries(await getDb(), user.id, scope);
  if (rows.length > 0) {
    await audit({ actor: user, action: 'consult_summary.view', resourceType: 'booking', patientId: user.id, details: { bookingIds: rows.map((r) => r.bookingId), caseId: scope.caseId ?? null } });
  }
  return new Map(rows.map((r) => [r.bookingId, r]));
}
