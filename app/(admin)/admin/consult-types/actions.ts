'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createConsultType, updateConsultType } from '@/db/queries/consult-types';
import { audit } from '@/lib/audit';
import { requireRole } from '@/lib/auth/guards';
import { fieldErrorsOf } from '@/lib/http';
import { consultTypeSchema } from '@/lib/validation/booking';

export type ConsultTypeFormState = { ok: true; message: string } | { ok: false; fieldErrors: Record<string, string[]>; formError?: string } | null;

export async function saveConsultType(id: string | null, _prev: ConsultTypeFormState, form: FormData): Promise<ConsultTypeFormState> {
  const user = await requireRole(['admin'], 'consult_types');
  const price = String(form.get('price') ?? '').trim();
  const parsed = consultTypeSchema.safeParse({
    name: form.get('name'),
    description: form.get('description') ?? '',
    durationMinutes: form.get('durationMinutes'),
    priceCents: /^\d+(\.\d{1,2})?$/.test(price) ? Math.round(Number(price) * 100) : Number.NaN,
    currency: form.get('currency'),
    bufferAfterMinutes: form.get('bufferAfterMinutes'),
    minNoticeMinutes: Number(form.get('minNoticeHours') ?? 0) * 60,
    horizonDays: form.get('horizonDays'),
    fullRefundWindowHours: form.get('fullRefundWindowHours'),
    active: form.get('active') === 'on',
  });
  if (!parsed.success) {
    const fe = fieldErrorsOf(parsed.error);
    if (fe.priceCents) fe.price = ['Give the price like 95 or 95.00.'];
    if (fe.minNoticeMinutes) fe.minNoticeHours = fe.minNoticeMinutes;
    return { ok: false, fieldErrors: fe };
  }
  const db = await getDb();
  try {
    const row = id ? await updateConsultType(db, id, parsed.data) : await createConsultType(db, parsed.data);
    if (!row) return { ok: false, fieldErrors: {}, formError: 'That consult type no longer exists.' };
    await audit({ actor: user, action: id ? 'consult_type.update' : 'consult_type.create', resourceType: 'consult_type', resourceId: row.id, details: { name: row.name, priceCents: row.priceCents } });
  } catch (err) {
    const code = (err as { code?: string; cause?: { code?: string } }).code ?? (err as { cause?: { code?: string } }).cause?.code;
    if (code === '23505') return { ok: false, fieldErrors: { name: ['Another consult type already has this name.'] } };
    throw err;
  }
  revalidatePath('/admin/consult-types');
  return { ok: true, message: id ? 'Saved. New bookings use these settings; existing ones keep their price.' : 'Consult type created.' };
}
