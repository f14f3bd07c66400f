import type { Metadata } from 'next';
import { getDb } from '@/db';
import { listConsultTypes } from '@/db/queries/consult-types';
import { AdminNav } from '@/components/admin/admin-nav';
import { Badge } from '@/components/ui/badge';
import { Card, PageHeader } from '@/components/ui/card';
import { requireRole } from '@/lib/auth/guards';
import { formatMoney } from '@/lib/booking/format';
import { ConsultTypeForm, NEW_CONSULT_TYPE } from './consult-type-form';

export const metadata: Metadata = { title: 'Consult types' };
export const dynamic = 'force-dynamic';

export default async function ConsultTypesPage() {
  await requireRole(['admin'], 'consult_types');
  const types = await listConsultTypes(await getDb(), { includeInactive: true });
  return (
    <div>
      <PageHeader
        title="Consult types"
        description="What patients can book: length, price, buffer after each consult, minimum notice, how far ahead, and the full-refund window."
      />
      <AdminNav current="consult-types" />
      <div className="max-w-4xl space-y-4">
        {types.map((t) => (
          <Card key={t.id}>
            <details>
              <summary className="flex cursor-pointer list-none flex-col gap-1 sm:flex-row sm:items-center sm:justify-between">
                <span>
                  <span className="block font-semibold">{t.name}</span>
                  <span className="block text-sm text-muted">
                    {t.durationMinutes} min · {formatMoney(t.priceCents, t.currency)} · buffer {t.bufferAfterMinutes} min · notice {t.minNoticeMinutes / 60} h · {t.horizonDays} days ahead · full refund until {t.fullRefundWindowHours} h before
                  </span>
                </span>
                <span className="flex items-center gap-2">
                  {!t.active && <Badge>Not bookable</Badge>}
                  <span className="text-sm font-medium text-brand-700 underline">Edit</span>
                </span>
              </summary>
              <div className="mt-4 border-t border-line pt-4">
                <ConsultTypeForm id={t.id} values={t} />
              </div>
            </details>
          </Card>
        ))}
        <Card>
          <h2 className="mb-3 text-lg font-semibold">New consult type</h2>
          <ConsultTypeForm id={null} values={NEW_CONSULT_TYPE} />
        </Card>
      </div>
    </div>
  );
}
