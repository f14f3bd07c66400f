import { describe, expect, it } from 'vitest';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { makeBookableClinician, makeConsultType } from '@/lib/testing/factories/booking';
import { makePatient } from '@/lib/testing/factories/people';
import { hourFromNow, useStripeStandIn } from '@/lib/testing/paid-booking';
import { holdSlot } from './hold';

describe.each(testDbKinds())('holding a slot (%s)', (kind) => {
  const t = useTestDb(kind);
  useStripeStandIn('whsec_manage_test');

  it('refuses to hold a slot inside the no-refund period until the patient acknowledges it', async () => {
    const patient = await makePatient(t.db);
    const clinician = await makeBookableClinician(t.db);
    const type = await makeConsultType(t.db);
    await expect(holdSlot(patient, { clinicianId: clinician.id, consultTypeId: type.id, startsAt: hourFromNow(5) })).rejects.toMatchObject({ code: 'no_refund_not_acknowledged', status: 400 });
    await expect(holdSlot(patient, { clinicianId: clinician.id, consultTypeId: type.id, startsAt: hourFromNow(5), acknowledgeNoRefund: true })).resolves.toMatchObject({ status: 'pending_payment' });
    await expect(holdSlot(patient, { clinicianId: clinician.id, consultTypeId: type.id, startsAt: hourFromNow(30) })).resolves.toMatchObject({ status: 'pending_payment' });
  });
});
