import 'server-only';
import { getDb } from '@/db';
import { caseExists, clinicianScopeOf, insertAccessGrant } from '@/db/queries/case-scope';
import { audit } from '@/lib/audit';
import type { ActorRef } from '@/lib/domain/actor';
import { isUuid } from '@/lib/domain/ids';

/** How long a break-the-glass grant lasts: long enough to read and act, short enough to need a new reason tomorrow. */
const BREAK_GLASS_MINUTES = 60;

export type BreakGlassResult = { ok: true; until: Date } | { ok: false; reason: 'not_found' };

/**
 * "Open with a reason" (CONTRACTS §4c): an active clinician reads a case outside their scope for a limited time. The
 * grant, its reason and its audit row are written together; the lead sees them on /admin/access. Anyone else —
 * including an admin without the clinician role — learns nothing: the answer is not_found as for a missing case.
 */
export async function breakGlass(actor: ActorRef, caseId: string, reason: string): Promise<BreakGlassResult> {
  if (!isUuid(caseId)) return { ok: false, reason: 'not_found' };
  const db = await getDb();
  if (!(await clinicianScopeOf(db, actor.id))) return { ok: false, reason: 'not_found' };
  return db.transaction(async (tx) => {
    const c = await caseExists(tx, caseId);
    if (!c) {
      await audit({ actor, action: 'case.break_glass', resourceType: 'case', resourceId: caseId, outcome: 'denied', details: { reason: 'not_found' } }, tx);
      return { ok: false, reason: 'not_found' } as const;
    }
    const until = await insertAccessGrant(tx, { caseId, userId: actor.id, reason, minutes: BREAK_GLASS_MINUTES });
    await audit(
      { actor, action: 'case.break_glass', resourceType: 'case', resourceId: caseId, patientId: c.patientId, details: { reason, until: until.toISOString() } },
      tx,
    );
    return { ok: true, until } as const;
  });
}
