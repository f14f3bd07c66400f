'use client';
import { useEffect, useId, useRef, useState } from 'react';
import { URGENCY_LABELS, type Urgency } from '@/lib/domain/case';
import { cn } from '@/components/ui/cn';
import { urgencyTone } from './urgency-tone';

/**
 * The urgency with its reasons on hover and on keyboard focus (WCAG 1.4.13: the tip stays while hovered, and
 * Escape dismisses it). Screen readers get the reasons as the button's description.
 */
export function UrgencyBadge({ urgency, reasons }: { urgency: Urgency; reasons: { text: string }[] }) {
  const [open, setOpen] = useState(false);
  const tipId = useId();
  const wrap = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  const label = URGENCY_LABELS[urgency];
  return (
    <span ref={wrap} className="relative inline-block" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        aria-describedby={tipId}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen((o) => !o)}
        className={cn('inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold', urgencyTone(urgency))}
      >
        {label}
        {reasons.length > 0 && (
          <svg aria-hidden viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.6">
            <circle cx="8" cy="8" r="6.5" />
            <path d="M8 7.2v4M8 4.6v.4" strokeLinecap="round" />
          </svg>
        )}
      </button>
      <span
        id={tipId}
        role="tooltip"
        className={cn('urgency-tip', open ? 'block' : 'hidden')}
      >
        <span className="block font-semibold">Why {label.toLowerCase()}</span>
        {reasons.length === 0 ? (
          <span className="block text-muted">No red flags or concerning MRI findings.</span>
        ) : (
          <span className="mt-1 block space-y-1">
            {reasons.map((r, i) => (
              <span key={i} className="block">
                • {r.text}
              </span>
            ))}
          </span>
        )}
      </span>
    </span>
  );
}
