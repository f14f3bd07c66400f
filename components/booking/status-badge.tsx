import { Badge } from '@/components/ui/badge';
import type { BookingStatus } from '@/lib/domain/booking';

const LABELS: Record<BookingStatus, { label: string; tone: 'neutral' | 'info' | 'success' | 'warning' | 'danger' }> = {
  pending_payment: { label: 'Waiting for payment', tone: 'warning' },
  confirmed: { label: 'Confirmed', tone: 'success' },
  completed: { label: 'Completed', tone: 'neutral' },
  cancelled: { label: 'Cancelled', tone: 'danger' },
  expired: { label: 'Not paid — released', tone: 'neutral' },
};

export function BookingStatusBadge({ status }: { status: BookingStatus }) {
  const s = LABELS[status];
  return (
    <Badge tone={s.tone} className="w-fit shrink-0">
      {s.label}
    </Badge>
  );
}
