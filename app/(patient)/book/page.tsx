import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { getDb } from '@/db';
import { listBookableClinicians } from '@/db/queries/availability';
import { getPatientCaseForBooking } from '@/db/queries/bookings';
import { listConsultTypes } from '@/db/queries/consult-types';
import { BookingFlow } from '@/components/booking/booking-flow';
import { Alert } from '@/components/ui/badge';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { audit } from '@/lib/audit';
import { requireRole } from '@/lib/auth/guards';
import { nextFreeSlot } from '@/lib/booking/availability';
import { AREA_LABELS } from '@/lib/domain/areas';

export const metadata: Metadata = { title: 'Book a video consult' };
export const dynamic = 'force-dynamic';

const query = z.object({ case: z.uuid().optional().catch(undefined), type: z.uuid().optional().catch(undefined), clinician: z.string().max(100).optional().catch(undefined) });

export default async function BookPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole(['patient'], 'booking');
  const q = query.parse(await searchParams);
  const db = await getDb();
  const [types, clinicians] = await Promise.all([listConsultTypes(db), listBookableClinicians(db)]);
  let caseId: string | null = null;
  let caseAreas: string[] = [];
  if (q.case) {
    const owned = await getPatientCaseForBooking(db, user.id, q.case);
    caseId = owned?.id ?? null;
    caseAreas = owned?.areas ?? [];
    await audit({ actor: user, action: 'booking.start', resourceType: 'case', resourceId: q.case, patientId: user.id, outcome: owned ? 'allowed' : 'denied' });
  }
  const type = types.find((t) => t.id === q.type) ?? types[0];
  if (!type || clinicians.length === 0) {
    return (
      <div>
        <PageHeader title="Book a video consult" />
        <EmptyState title="Booking is not open yet">No consults can be booked right now. Please check again later.</EmptyState>
      </div>
    );
  }
  // Clinicians who cover the case's body areas first.
  const covers = (areas: string[]) => caseAreas.some((a) => areas.includes(a));
  clinicians.sort((a, b) => Number(covers(b.areas)) - Number(covers(a.areas)));
  const next = await Promise.all(clinicians.map((c) => nextFreeSlot(db, c, type, 28)));
  return (
    <div>
      <PageHeader
        title="Book a video consult"
        description="Pick a consult, a clinician and a time. Times are shown in your time zone, with the clinician's beside them."
        actions={
          <Link href="/bookings" className="text-sm font-medium text-brand-700 underline">
            My bookings
          </Link>
        }
      />
      {q.case && !caseId && (
        <Alert tone="warning" className="mb-4">
          We could not find that case in your account, so this booking will not be linked to it.
        </Alert>
      )}
      {caseId && (
        <Alert tone="info" className="mb-4">
          This consult will be linked to your case, so the clinician sees your story before you meet.
        </Alert>
      )}
      <BookingFlow
        consultTypes={types.map((t) => ({ id: t.id, name: t.name, description: t.description, durationMinutes: t.durationMinutes, priceCents: t.priceCents, currency: t.currency, fullRefundWindowHours: t.fullRefundWindowHours }))}
        selectedTypeId={type.id}
        clinicians={clinicians.map((c, i) => ({
          id: c.id,
          name: c.name,
          title: c.title,
          timezone: c.timezone,
          areaLabels: c.areas.map((a) => (AREA_LABELS as Record<string, string>)[a] ?? a.replace(/_/g, ' ')),
          nextFreeSlot: next[i] ? new Date(next[i]!.startsAt).toISOString() : null,
          coversCase: covers(c.areas),
        }))}
        initialClinicianId={q.clinician && clinicians.some((c) => c.id === q.clinician) ? q.clinician : null}
        profileTimezone={user.timezone}
        caseId={caseId}
      />
    </div>
  );
}
