'use client';
import { useEffect, useId, useState } from 'react';
import { URGENCY_LABELS, type Urgency } from '@/lib/domain/case';
import { urgencyTone } from './urgency-tone';

/** The id of the page's one "no reasons" description and of the info icon's <symbol> (QueueSprites, once per page). */
const NO_REASONS_ID = 'queue-no-reasons';
const INFO_ICON_ID = 'queue-i-info';
const NO_REASONS = 'No red flags or concerning MRI findings.';

/**
 * What every badge of a page shares, rendered once (queue-table.tsx): the info icon as an SVG <symbol> each badge
 * <use>s, and the description of a case without reasons that those badges point at. 50 rows of inline SVG paths
 * and repeated texts were a large part of the page's HTML (issue 13).
 */
export function UrgencyBadgeShared() {
  return (
    <>
      <svg aria-hidden width="0" height="0" className="absolute">
        <symbol id={INFO_ICON_ID} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6">
          <circle cx="8" cy="8" r="6.5" />
          <path d="M8 7.2v4M8 4.6v.4" strokeLinecap="round" />
        </symbol>
      </svg>
      <span id={NO_REASONS_ID} hidden>
        {NO_REASONS}
      </span>
    </>
  );
}

/**
 * The urgency with its reasons on hover and on keyboard focus (WCAG 1.4.13: the tip stays while hovered, and
 * Escape dismisses it). Screen readers get the reasons as the button's description: the tip element itself (hidden
 * until shown: a hidden element still describes), or the page's shared "no reasons" text. The tip's heading and the
 * no-reasons text render only while the tip is shown, so a closed badge costs little markup.
 */
export function UrgencyBadge({ urgency, reasons }: { urgency: Urgency; reasons: { text: string }[] }) {
  const [open, setOpen] = useState(false);
  const tipId = useId();
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  const label = URGENCY_LABELS[urgency];
  const has = reasons.length > 0;
  return (
    <span className="ub-wrap" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        aria-describedby={has ? tipId : NO_REASONS_ID}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen((o) => !o)}
        className={`ub ${urgencyTone(urgency)}`}
      >
        {label}
        {has && (
          <svg aria-hidden className="ub-i">
            <use href={`#${INFO_ICON_ID}`} />
          </svg>
        )}
      </button>
      {(has || open) && (
        <span id={tipId} role="tooltip" className="urgency-tip" hidden={!open}>
          {open && <strong>{`Why ${label.toLowerCase()}`}</strong>}
          {has ? reasons.map((r, i) => <span key={i}>{`• ${r.text}`}</span>) : <span className="text-muted">{NO_REASONS}</span>}
        </span>
      )}
    </span>
  );
}
