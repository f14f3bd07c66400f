'use client';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { formatInZone, formatMoney } from '@/lib/booking/format';

export interface ConsultTypeOption {
  id: string;
  name: string;
  description: string;
  durationMinutes: number;
  priceCents: number;
  currency: string;
  fullRefundWindowHours: number;
}

export interface ClinicianOption {
  id: string;
  name: string;
  title: string;
  areaLabels: string[];
  timezone: string;
  nextFreeSlot: string | null;
  /** Covers a body area of the case this booking is for. */
  coversCase?: boolean;
}

/** A radio drawn as a card: the whole card is the label. */
function ChoiceCard({ name, checked, onChoose, children }: { name: string; checked: boolean; onChoose: () => void; children: ReactNode }) {
  return (
    <label className="flex cursor-pointer gap-3 rounded-xl border border-line bg-white p-4 has-[:checked]:border-brand-700 has-[:checked]:ring-2 has-[:checked]:ring-brand-700">
      <input type="radio" name={name} className="mt-1 h-4 w-4 accent-brand-700" checked={checked} onChange={onChoose} />
      {children}
    </label>
  );
}

export function ConsultTypeChoice({ types, selectedId, onChoose }: { types: ConsultTypeOption[]; selectedId: string; onChoose: (id: string) => void }) {
  return (
    <fieldset>
      <legend className="sr-only">Consult type</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {types.map((t) => (
          <ChoiceCard key={t.id} name="consult-type" checked={t.id === selectedId} onChoose={() => onChoose(t.id)}>
            <span>
              <span className="block font-semibold">{t.name}</span>
              <span className="block text-sm text-muted">
                {t.durationMinutes} minutes · {formatMoney(t.priceCents, t.currency)}
              </span>
              {t.description && <span className="mt-1 block text-sm text-muted">{t.description}</span>}
            </span>
          </ChoiceCard>
        ))}
      </div>
    </fieldset>
  );
}

function ClinicianCard({ clinician: c, zone }: { clinician: ClinicianOption; zone: string }) {
  return (
    <span className="min-w-0">
      <span className="block font-semibold">{c.name}</span>
      {c.coversCase && (
        <Badge tone="success" className="mt-1">
          Covers your case
        </Badge>
      )}
      <span className="block text-sm text-muted">
        {c.title} · works in {c.timezone.replace(/_/g, ' ')}
      </span>
      <span className="mt-2 flex flex-wrap gap-1">
        {c.areaLabels.map((a) => (
          <Badge key={a} tone="info">
            {a}
          </Badge>
        ))}
      </span>
      <span className="mt-2 block text-sm">
        {c.nextFreeSlot ? (
          <>
            Next free: <strong>{formatInZone(Date.parse(c.nextFreeSlot), zone)}</strong>
          </>
        ) : (
          'No free time in the next four weeks'
        )}
      </span>
    </span>
  );
}

export function ClinicianChoice({ clinicians, selectedId, zone, onChoose }: { clinicians: ClinicianOption[]; selectedId: string | null; zone: string; onChoose: (id: string) => void }) {
  return (
    <fieldset>
      <legend className="sr-only">Clinician</legend>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {clinicians.map((c) => (
          <ChoiceCard key={c.id} name="clinician" checked={c.id === selectedId} onChoose={() => onChoose(c.id)}>
            <ClinicianCard clinician={c} zone={zone} />
          </ChoiceCard>
        ))}
      </div>
    </fieldset>
  );
}
