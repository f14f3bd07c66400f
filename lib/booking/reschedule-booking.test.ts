import { describe, expect, it } from 'vitest';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { makePatient } from '@/lib/testing/factories/people';
import { hourFromNow, makePaidBooking, useStripeStandIn } from '@/lib/testing/paid-booking';
import { holdSlot } from './hold';
import { rescheduleBooking } from './reschedule-booking';

describe.each(testDbKinds())('reschedule (%s)', (kind) => {
  const t = useTestDb(kind);
  const pay = useStripeStandIn('whsec_manage_test');

  it('reschedules to a free offered time, refuses a taken one with slot_unavailable, and the patient only outside 24 h', async () => {
    const b = await makePaidBooking(t.db, pay.stripe, hourFromNow(72));
    const moved = await rescheduleBooking(b.patient, b.id, hourFromNow(96));
    expect(moved.startsAt.toISOString()).toBe(hourFromNow(96).toISOString());
    const other = await holdSlot(await makePatient(t.db), { clinicianId: b.clinician.id, consultTypeId: b.type.id, startsAt: hourFromNow(100) });
    expect(other.status).toBe('pending_payment');
    await expect(rescheduleBooking(b.patient, b.id, hourFromNow(100))).rejects.toMatchObject({ code: 'slot_unavailable' });
    const soon = await makePaidBooking(t.db, pay.stripe, hourFromNow(5));
    await expect(rescheduleBooking(soon.patient, soon.id, hourFromNow(50))).rejects.toMatchObject({ code: 'not_allowed' });
    await expect(rescheduleBooking(soon.clinician, soon.id, hourFromNow(50))).resolves.toMatchObject({ status: 'confirmed' });
  });

  it('moves into a time blocked only by a lapsed hold: the hold is expired in the same transaction', async () => {
    // The exclusion constraint cannot read the clock: a hold whose time ran out still blocks its range until
    // something marks it expired. The slot list already offers the time; the move must not be refused for it.
    const b = await makePaidBooking(t.db, pay.stripe, hourFromNow(72));
    const lapsed = await holdSlot(await makePatient(t.db), { clinicianId: b.clinician.id, consultTypeId: b.type.id, startsAt: hourFromNow(100) });
    await t.executeSql(`update bookings set hold_expires_at = now() - interval '1 second' where id = $1`, [lapsed.id]);
    const moved = await rescheduleBooking(b.patient, b.id, hourFromNow(100));
    expect(moved.startsAt.toISOString()).toBe(hourFromNow(100).toISOString());
    const { rows } = await t.executeSql(`select id, status from bookings where id in ($1, $2) order by status`, [b.id, lapsed.id]);
    expect(rows).toEqual([
      { id: b.id, status: 'confirmed' },
      { id: lapsed.id, status: 'expired' },
    ]);
  });
});
