import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { deleteDraftOfPatient, findDraftOfPatient } from '@/db/queries/intake-drafts';
import { saveIntakeDraft } from '@/lib/cases/save-intake-draft';
import { audit } from '@/lib/audit';
import { apiGuard, apiWriteGuard } from '@/lib/auth/guards';
import { readJsonBody, withDatabaseErrors } from '@/lib/http';
import { DRAFT_MAX_BYTES, intakeDraftSchema } from '@/lib/validation/intake';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'private, no-store' };

/** The signed-in patient's own intake draft: 200 {data, step, revision, updatedAt} or 404 when there is none. */
async function handleGet() {
  const guard = await apiGuard(['patient'], 'intake_draft');
  if (!guard.ok) return guard.response;
  const draft = await findDraftOfPatient(await getDb(), guard.user.id);
  await audit({ actor: guard.user, action: 'intake_draft.view', resourceType: 'intake_draft', resourceId: guard.user.id, patientId: guard.user.id, details: { found: Boolean(draft) } });
  if (!draft) return NextResponse.json({ error: 'not_found' }, { status: 404, headers: noStore });
  return NextResponse.json({ ...draft, updatedAt: draft.updatedAt.toISOString() }, { headers: noStore });
}

/**
 * Autosave: {data, step, baseRevision} → 200 {revision, updatedAt}; 409 {"error":"stale_draft", current} when the
 * draft changed elsewhere since `baseRevision`; 400 for unknown sections; 413 past the size limit.
 */
async function handlePut(req: Request) {
    const guard = await apiWriteGuard(req, ['patient'], 'intake_draft');
  if (!guard.ok) return guard.response;
  const body = await readJsonBody(req, intakeDraftSchema, { invalidError: 'invalid_draft', maxBytes: DRAFT_MAX_BYTES });
  if (!body.ok) return body.response;
  const db = await getDb();
  const result = await saveIntakeDraft(db, guard.user.id, body.data);
  await audit({
    actor: guard.user,
    action: 'intake_draft.save',
    resourceType: 'intake_draft',
    resourceId: guard.user.id,
    patientId: guard.user.id,
    outcome: 'allowed',
    details: { step: body.data.step, saved: result.ok },
  });
  if (!result.ok) {
    const current = result.current ? { ...result.current, updatedAt: result.current.updatedAt.toISOString() } : null;
    return NextResponse.json({ error: 'stale_draft', message: 'This draft was changed on another device or tab.', current }, { status: 409, headers: noStore });
  }
  return NextResponse.json({ revision: result.revision, updatedAt: result.updatedAt.toISOString() }, { headers: noStore });
}

/** "Start again": discards the draft. 204 either way. */
async function handleDelete(req: Request) {
    const guard = await apiWriteGuard(req, ['patient'], 'intake_draft');
  if (!guard.ok) return guard.response;
  const deleted = await deleteDraftOfPatient(await getDb(), guard.user.id);
  await audit({ actor: guard.user, action: 'intake_draft.discard', resourceType: 'intake_draft', resourceId: guard.user.id, patientId: guard.user.id, details: { deleted } });
  return new NextResponse(null, { status: 204 });
}

export const GET = withDatabaseErrors(handleGet);
export const PUT = withDatabaseErrors(handlePut);
export const DELETE = withDatabaseErrors(handleDelete);
