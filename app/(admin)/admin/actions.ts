'use server';
import { revalidatePath } from 'next/cache';
import { requireRole } from '@/lib/auth/guards';
import { fieldErrorsOf } from '@/lib/http';
import { inviteClinician, removeTeamRole, saveRehabPlanTemplate, saveTemplate, updateClinician, updateSlas } from '@/lib/admin/team-admin';
import { planTemplateSchema } from '@/lib/validation/outcomes';
import { clinicianUpdateSchema, inviteClinicianSchema, removeRoleSchema, slaSchema, templateSchema } from '@/lib/validation/queue';
import { formFailure, type ActionResult } from '@/lib/action-result';

export async function inviteClinicianAction(input: unknown): Promise<ActionResult<{ id: string; created: boolean }>> {
  const user = await requireRole(['admin'], 'admin');
  const parsed = inviteClinicianSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const r = await inviteClinician(user, parsed.data);
  revalidatePath('/admin');
  return { ok: true, data: r };
}

export async function updateClinicianAction(input: unknown): Promise<ActionResult<null>> {
  const user = await requireRole(['admin'], 'admin');
  const parsed = clinicianUpdateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const ok = await updateClinician(user, parsed.data);
  revalidatePath('/admin');
  return ok ? { ok: true, data: null } : formFailure('That clinician was not found.');
}

export async function removeRoleAction(input: unknown): Promise<ActionResult<{ sessionsEnded: number }>> {
  const user = await requireRole(['admin'], 'admin');
  const parsed = removeRoleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const r = await removeTeamRole(user, parsed.data);
  revalidatePath('/admin');
  if (r.ok) return { ok: true, data: { sessionsEnded: r.sessionsEnded } };
  return formFailure(r.reason === 'own_admin_role' ? 'You cannot remove your own admin role; ask another lead.' : 'That team member no longer holds this role.');
}

export async function saveTemplateAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const user = await requireRole(['admin'], 'admin');
  const parsed = templateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const r = await saveTemplate(user, parsed.data);
  revalidatePath('/admin/templates');
  if (r.ok) return { ok: true, data: { id: r.id } };
  return r.reason === 'title_taken'
    ? { ok: false, fieldErrors: { title: ['Another template already has this title.'] } }
    : formFailure('That template was not found.');
}

export async function savePlanTemplateAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const user = await requireRole(['admin'], 'admin');
  const parsed = planTemplateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const r = await saveRehabPlanTemplate(user, parsed.data);
  revalidatePath('/admin/templates');
  if (r.ok) return { ok: true, data: { id: r.id } };
  if (r.reason === 'title_taken') return { ok: false, fieldErrors: { title: ['Another plan template already has this title.'] } };
  return formFailure(r.reason === 'forbidden' ? 'Only an admin can change plan templates.' : 'That plan template was not found.');
}

export async function saveSlasAction(input: unknown): Promise<ActionResult<{ recomputed: number }>> {
  const user = await requireRole(['admin'], 'admin');
  const parsed = slaSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const r = await updateSlas(user, parsed.data);
  revalidatePath('/admin/slas');
  revalidatePath('/queue');
  return { ok: true, data: r };
}
