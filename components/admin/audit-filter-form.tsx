import Link from 'next/link';
import { Card } from '@/components/ui/card';

const inputClass = 'block w-full rounded-lg border border-line bg-white px-3 py-2 text-sm min-h-10';

/** A plain GET form: the filter lives in the address, so a filtered view can be bookmarked and exported as is. */
export function AuditFilterForm({ raw, filterQs }: { raw: Record<string, string>; filterQs: string }) {
  return (
    <Card className="mb-6">
      <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5" aria-label="Filter the audit log">
        <div>
          <label htmlFor="f-patient" className="mb-1 block text-sm font-medium">Patient (email or id)</label>
          <input id="f-patient" name="patientId" defaultValue={raw.patientId} className={inputClass} />
        </div>
        <div>
          <label htmlFor="f-actor" className="mb-1 block text-sm font-medium">Actor (email or id)</label>
          <input id="f-actor" name="actorId" defaultValue={raw.actorId} className={inputClass} />
        </div>
        <div>
          <label htmlFor="f-action" className="mb-1 block text-sm font-medium">Action</label>
          <input id="f-action" name="action" defaultValue={raw.action} placeholder="e.g. case.view" className={inputClass} />
        </div>
        <div>
          <label htmlFor="f-from" className="mb-1 block text-sm font-medium">From (UTC)</label>
          <input id="f-from" name="from" type="date" defaultValue={raw.from} className={inputClass} />
        </div>
        <div>
          <label htmlFor="f-to" className="mb-1 block text-sm font-medium">To (UTC)</label>
          <input id="f-to" name="to" type="date" defaultValue={raw.to} className={inputClass} />
        </div>
        <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-5">
          <button type="submit" className="min-h-10 rounded-lg bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
            Apply filters
          </button>
          <Link href="/admin/audit" className="inline-flex min-h-10 items-center rounded-lg border border-line bg-white px-4 text-sm font-medium hover:bg-brand-50">
            Clear
          </Link>
          <a href={`/api/admin/audit/export${filterQs ? `?${filterQs}` : ''}`} className="inline-flex min-h-10 items-center rounded-lg border border-line bg-white px-4 text-sm font-medium hover:bg-brand-50" download>
            Export CSV
          </a>
        </div>
      </form>
    </Card>
  );
}
