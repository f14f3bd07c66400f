import type { BookingView } from '@/db/queries/bookings';
import type { PatientConsultSummary } from '@/db/queries/consult-notes';
import { PatientBookingItem } from '@/components/booking/patient-booking-item';
import { Card } from '@/components/ui/card';

export function PatientCaseConsults({ consults, summaries }: { consults: BookingView[]; summaries: Map<string, PatientConsultSummary> }) {
  if (consults.length === 0) return null;
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">Your video consults</h2>
      <ul className="space-y-4">
        {consults.map((b) => (
          <li key={b.id}>
            <PatientBookingItem b={b} summary={summaries.get(b.id)} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
