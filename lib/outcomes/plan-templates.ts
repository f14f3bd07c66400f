import 'server-only';
import type { Db } from '@/db';
import { listPlanTemplates, savePlanTemplate, type PlanTemplateRow } from '@/db/queries/outcomes';
import { audit } from '@/lib/audit';
import type { ActorRef } from '@/lib/domain/actor';
import type { PlanTemplateInput } from '@/lib/validation/outcomes';

/** Templates to start a plan from: active ones for the plan editor, all of them for the admin page. */
export async function planTemplates(db: Db, opts: { activeOnly: boolean }): Promise<PlanTemplateRow[]> {
  return listPlanTemplates(db, opts);
}

export type SavePlanTemplateResult = { ok: true; template: PlanTemplateRow } | { ok: false; reason: 'title_taken' | 'not_found' };

/** An admin creates or edits a plan template (like the advice templates), audited in the same transaction. */
export async function savePlanTemplateAs(db: Db, admin: ActorRef, input: PlanTemplateInput): Promise<SavePlanTemplateResult> {
  try {
    return await db.transaction(async (tx) => {
      const row = await savePlanTemplate(tx, input);
      if (!row) return { ok: false as const, reason: 'not_found' as const };
      await audit({ actor: admin, action: input.id ? 'plan_template.update' : 'plan_template.create', resourceType: 'plan_template', resourceId: row.id, details: { title: row.title, active: row.active } }, tx);
      return { ok: true as const, template: row };
    });
  } catch (err) {
    const code = (err as { code?: string; cause?: { code?: string } }).code ?? (err as { cause?: { code?: string } }).cause?.code;
    if (code === '23505') return { ok: false, reason: 'title_taken' };
    throw err;
  }
}
