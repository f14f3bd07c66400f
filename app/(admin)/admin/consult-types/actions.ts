'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createConsultType, updateConsultType } from '@/db/queries/consult-types';
import { formFailure, type ActionResult } from '@/lib/action-result';
import { audit } from '@/lib/audit';
import { requireRole } from '@/lib/auth/guards';
import { fieldErrorsOf } from '@/lib/http';
import { consultTypeSchema } from '@/lib/validation/booking';

/** Admin creates (id null) or edits a consult type; the form's own zod schema is parsed again here. */
export async function saveConsultType(id: string | null, input: unknown): Promise<ActionResult<{ message: string }>> {
  const user = await requireRole(['admin'], 'consult_types');
  const parsed = consultTypeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const db = await getDb();
  try {
    const row = id ? await updateConsultType(db, id, parsed.data) : await createConsultType(db, parsed.data);
    if (!row) return formFailure('That consult type no longer exists.');
    await audit({ actor: user, action: id ? 'consult_type.update' : 'consult_type.create', resourceType: 'consult_type', resourceId: row.id, details: { name: row.name, priceCents: row.priceCents } });
  } catch (err) {
    const code = (err as { code?: string; cause?: { code?: string } }).code ?? (err as { cause?: { code?: string } }).cause?.code;
    if (code === '23505') return { ok: false, fieldErrors: { name: ['Another consult type already has this name.'] } };
    throw err;
  }
  revalidatePath('/admin/consult-types');
  return { ok: true, data: { message: id ? 'Saved. New bookings use these settings; existing ones keep their price.' : 'Consult type created.' } };
}
