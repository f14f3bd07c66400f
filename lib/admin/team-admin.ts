import 'server-only';
import { getDb } from '@/db';
import { deleteSessionsOf, removeUserRole, updateClinicianProfile, upsertInvitedClinician } from '@/db/queries/team';
import { listSlaPolicies, saveAdviceTemplate, saveSlaPolicies } from '@/db/queries/templates';
import { savePlanTemplate } from '@/db/queries/outcomes';
import type { PlanTemplateInput } from '@/lib/validation/outcomes';
import { audit } from '@/lib/audit';
import { signInPath } from '@/lib/urls';
import { sendMail } from '@/lib/mail';
import { renderMail } from '@/lib/mail/layout';
import type { ActorRef } from '@/lib/domain/actor';
import type { Urgency } from '@/lib/domain/case';
import { absoluteUrl } from '@/lib/env';

/** Creates the clinician's account and profile and emails an invitation to sign in (magic link on /signin). */
export async function inviteClinician(
  actor: ActorRef,
  c: { email: string; name: string; title: string; areas: string[]; capacity: number; admin: boolean },
): Promise<{ id: string; created: boolean }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const r = await upsertInvitedClinician(tx, c);
    const mail = renderMail({
      heading: 'You are invited to the Triage & Consult rehab team',
      paragraphs: [
        `Hi ${c.name},`,
        `${actor.name ?? 'The team lead'} has added you to the rehab team as ${c.title}. Sign in with this email address (${c.email}); we email you a sign-in link, no password needed.`,
      ],
      action: { label: 'Sign in', url: absoluteUrl(signInPath(c.email)) },
    });
    await sendMail({ to: c.email, subject: 'You are invited to the Triage & Consult rehab team', ...mail }, tx);
    await audit({ actor, action: 'team.invite', resourceType: 'user', resourceId: r.id, details: { email: c.email, areas: c.areas, admin: c.admin, created: r.created } }, tx);
    return r;
  });
}

/** Saves a member's profile. Deactivating them ends their sessions in the same transaction: access ends now. */
export async function updateClinician(actor: ActorRef, u: { userId: string; areas: string[]; capacity: number; onCall: boolean; active: boolean }): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ok = await updateClinicianProfile(tx, u);
    if (!ok) return false;
    const sessionsEnded = u.active ? 0 : await deleteSessionsOf(tx, u.userId);
    await audit({ actor, action: 'team.update', resourceType: 'user', resourceId: u.userId, details: { areas: u.areas, capacity: u.capacity, onCall: u.onCall, active: u.active, sessionsEnded } }, tx);
    return true;
  });
}

export type RemoveRoleResult = { ok: true; roles: string[]; sessionsEnded: number } | { ok: false; reason: 'not_found' | 'own_admin_role' };

/**
 * Takes the clinician or admin role away from a team member and ends all their sessions at once, so the next request
 * with an old cookie is anonymous. A lead cannot remove their own admin role (the team would lose its last lead).
 */
export async function removeTeamRole(actor: ActorRef, r: { userId: string; role: 'clinician' | 'admin' }): Promise<RemoveRoleResult> {
  if (r.role === 'admin' && r.userId === actor.id) return { ok: false, reason: 'own_admin_role' };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const roles = await removeUserRole(tx, r.userId, r.role);
    if (!roles) return { ok: false, reason: 'not_found' } as const;
    const sessionsEnded = await deleteSessionsOf(tx, r.userId);
    await audit({ actor, action: 'team.remove_role', resourceType: 'user', resourceId: r.userId, details: { role: r.role, rolesNow: roles, sessionsEnded } }, tx);
    return { ok: true, roles, sessionsEnded } as const;
  });
}

export type SaveTemplateResult = { ok: true; id: string } | { ok: false; reason: 'title_taken' | 'not_found' };

export async function saveTemplate(actor: ActorRef, t: { id?: string; title: string; body: string; active: boolean }): Promise<SaveTemplateResult> {
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const row = await saveAdviceTemplate(tx, t);
      if (!row) return { ok: false, reason: 'not_found' } as const;
      await audit({ actor, action: t.id ? 'template.update' : 'template.create', resourceType: 'advice_template', resourceId: row.id, details: { title: t.title, active: t.active } }, tx);
      return { ok: true, id: row.id } as const;
    });
  } catch (err) {
    const code = (err as { code?: string; cause?: { code?: string } }).code ?? (err as { cause?: { code?: string } }).cause?.code;
    if (code === '23505') return { ok: false, reason: 'title_taken' };
    throw err;
  }
}

export type SavePlanTemplateResult = SaveTemplateResult | { ok: false; reason: 'forbidden' };

/** Creates or edits a return-to-training plan template (admins only, audited); inactive ones are not offered to clinicians. */
export async function saveRehabPlanTemplate(actor: ActorRef, t: PlanTemplateInput): Promise<SavePlanTemplateResult> {
  if (!actor.roles.includes('admin')) return { ok: false, reason: 'forbidden' };
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const row = await savePlanTemplate(tx, t);
      if (!row) return { ok: false, reason: 'not_found' } as const;
      const details = { title: t.title, active: t.active, phases: t.phases.length, exercises: t.exercises.length, checkInWeeks: t.checkInWeeks };
      await audit({ actor, action: t.id ? 'plan_template.update' : 'plan_template.create', resourceType: 'rehab_plan_template', resourceId: row.id, details }, tx);
      return { ok: true, id: row.id } as const;
    });
  } catch (err) {
    const code = (err as { code?: string; cause?: { code?: string } }).code ?? (err as { cause?: { code?: string } }).cause?.code;
    if (code === '23505') return { ok: false, reason: 'title_taken' };
    throw err;
  }
}

export async function updateSlas(actor: ActorRef, minutes: Record<Urgency, number>): Promise<{ recomputed: number }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await listSlaPolicies(tx);
    const r = await saveSlaPolicies(tx, minutes);
    await audit({ actor, action: 'sla.update', resourceType: 'sla_policy', details: { before, after: minutes, recomputedOpenCases: r.recomputed } }, tx);
    return r;
  });
}
