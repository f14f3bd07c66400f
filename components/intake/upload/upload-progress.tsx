'use client';

import { cn } from '@/components/ui/cn';

/**
 * A progress bar for the upload or the reading: role="progressbar" with its value for assistive technology (none
 * while the value is unknown: an indeterminate bar) and a visible percentage. The spoken updates come from the
 * panel's one live region (upload-panel.tsx), which outlives the phases.
 */
export function UploadProgressBar({ label, value, testId }: { label: string; value: number | null; testId: string }) {
  const pct = value === null ? null : Math.round(value * 100);
  return (
    <div className="space-y-1.5" data-testid={testId}>
      <div className="flex items-baseline justify-between gap-3">
        <p className="font-medium">{label}</p>
        {pct !== null && (
          <p className="text-sm tabular-nums text-muted" aria-hidden>
            {pct} %
          </p>
        )}
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className={cn('h-full rounded-full bg-brand-700 transition-[width] duration-300', pct === null && 'w-1/3 animate-pulse')} style={pct === null ? undefined : { width: `${Math.max(pct, 2)}%` }} />
      </div>
    </div>
  );
}
