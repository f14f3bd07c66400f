import 'server-only';
import { getDb } from '@/db';
import { listClinicianSchedule } from '@/db/queries/bookings';
import { nowMs } from '@/lib/booking/clock';
import { staySignedInWindows, type AwakeWindow } from './stay-signed-in';

/** A clinician's consults of the next day, as windows in which the idle sign-out waits. */
export async function upcomingConsultWindows(clinicianId: string): Promise<AwakeWindow[]> {
  const now = nowMs();
  const consults = await listClinicianSchedule(await getDb(), clinicianId, new Date(now - 6 * 3_600_000), new Date(now + 24 * 3_600_000));
  return staySignedInWindows(consults, now);
}
