'use client';

import { cn } from '@/components/ui/cn';

/**
 * A call control that stays "on" until pressed again (mute, camera off). The label never changes; aria-pressed tells
 * assistive technology the state, and the amber look with a marker tells everyone else.
 */
export function ToggleButton({ pressed, onToggle, children }: { pressed: boolean; onToggle: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onToggle}
      className={cn(
        'inline-flex min-h-10 items-center justify-center gap-2 rounded-lg border px-4 py-2 font-medium transition-colors',
        pressed ? 'border-amber-600 bg-amber-100 text-amber-950 hover:bg-amber-200' : 'border-line bg-white text-ink hover:bg-brand-50',
      )}
    >
      <span aria-hidden className={cn('h-2.5 w-2.5 rounded-full border', pressed ? 'border-amber-700 bg-amber-600' : 'border-slate-400 bg-transparent')} />
      {children}
    </button>
  );
}
