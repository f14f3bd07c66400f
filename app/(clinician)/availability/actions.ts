'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { addTimeOff, deleteTimeOff, getClinicianProfile, replaceDateOverride, replaceWeeklyRules, setClinicianTimezone } from '@/db/queries/availability';
import { audit } from '@/lib/audit';
import { requireRole } from '@/lib/auth/guards';
import { clockToMinutes } from '@/lib/booking/format';
import { isValidTimeZone, parseLocalDate, zonedToUtc } from '@/lib/booking/zoned-time';
import { fieldErrorsOf } from '@/lib/http';
import { dateOverrideSchema, timeOffSchema, weeklyHoursSchema } from '@/lib/validation/booking';

export type FormState = { ok: true; message: string } | { ok: false; fieldErrors: Record<string, string[]>; formError?: string } | null;

const str = (f: FormData, k: string) => String(f.get(k) ?? '').trim();

export async function saveWeeklyHours(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole(['clinician'], 'availability');
  const timezone = str(form, 'timezone');
  if (!isValidTimeZone(timezone)) return { ok: false, fieldErrors: { timezone: ['Use an IANA time zone such as Europe/London.'] } };
  const rules: { weekday: number; startMinute: number; endMinute: number }[] = [];
  const fieldErrors: Record<string, string[]> = {};
  for (let wd = 0; wd < 7; wd++) {
    if (form.get(`d${wd}_on`) !== 'on') continue;
    for (const n of [1, 2]) {
      const s = str(form, `d${wd}_s${n}`);
      const e = str(form, `d${wd}_e${n}`);
      if (!s && !e) continue;
      const sm = clockToMinutes(s);
      const em = e === '24:00' ? 1440 : clockToMinutes(e);
      if (sm === null || em === null || sm >= em) {
        fieldErrors[`d${wd}_e${n}`] = ['Give a start and an end, with the end after the start.'];
        continue;
      }
      rules.push({ weekday: wd, startMinute: sm, endMinute: em });
    }
  }
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  const parsed = weeklyHoursSchema.safeParse({ rules });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const db = await getDb();
  await setClinicianTimezone(db, user.id, timezone);
  await replaceWeeklyRules(db, user.id, parsed.data.rules);
  await audit({ actor: user, action: 'availability.update', resourceType: 'clinician', resourceId: user.id, details: { rules: rules.length, timezone } });
  revalidatePath('/availability');
  return { ok: true, message: 'Working hours saved.' };
}

export async function saveDateOverride(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole(['clinician'], 'availability');
  const closed = form.get('closed') === 'on';
  const parsed = dateOverrideSchema.safeParse({
    date: str(form, 'date'),
    closed,
    startMinute: closed ? undefined : (clockToMinutes(str(form, 'start')) ?? undefined),
    endMinute: closed ? undefined : (clockToMinutes(str(form, 'end')) ?? undefined),
  });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  if (!parseLocalDate(parsed.data.date)) return { ok: false, fieldErrors: { date: ['That date does not exist.'] } };
  const db = await getDb();
  await replaceDateOverride(db, user.id, parsed.data.date, parsed.data.closed ? [{ startMinute: null, endMinute: null }] : [{ startMinute: parsed.data.startMinute!, endMinute: parsed.data.endMinute! }]);
  await audit({ actor: user, action: 'availability.override', resourceType: 'clinician', resourceId: user.id, details: { date: parsed.data.date, closed } });
  revalidatePath('/availability');
  return { ok: true, message: `Hours for ${parsed.data.date} saved.` };
}

export async function removeDateOverride(date: string): Promise<void> {
  const user = await requireRole(['clinician'], 'availability');
  if (!parseLocalDate(date)) return;
  await replaceDateOverride(await getDb(), user.id, date, []);
  revalidatePath('/availability');
}

export async function saveTimeOff(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole(['clinician'], 'availability');
  const db = await getDb();
  const zone = (await getClinicianProfile(db, user.id))?.timezone ?? user.timezone;
  const toInstant = (v: string) => {
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(v);
    const d = m ? parseLocalDate(m[1]!) : null;
    const mins = m ? clockToMinutes(m[2]!) : null;
    return d && mins !== null ? new Date(zonedToUtc(d, mins, zone)).toISOString() : '';
  };
  const parsed = timeOffSchema.safeParse({ startsAt: toInstant(str(form, 'startsAt')), endsAt: toInstant(str(form, 'endsAt')), reason: str(form, 'reason') });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  await addTimeOff(db, user.id, new Date(parsed.data.startsAt), new Date(parsed.data.endsAt), parsed.data.reason);
  await audit({ actor: user, action: 'availability.time_off', resourceType: 'clinician', resourceId: user.id });
  revalidatePath('/availability');
  return { ok: true, message: 'Time off added. Existing bookings in that time are not cancelled automatically.' };
}

export async function removeTimeOff(id: string): Promise<void> {
  const user = await requireRole(['clinician'], 'availability');
  await deleteTimeOff(await getDb(), user.id, id);
  revalidatePath('/availability');
}
