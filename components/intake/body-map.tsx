'use client';

import { useId, type KeyboardEvent, type Ref } from 'react';
import { cn } from '@/components/ui/cn';
import { BODY_REGIONS, BODY_REGION_LABELS, type BodyRegion } from '@/lib/triage';
import { fieldId } from '@/components/ui/field';

type Shape =
  | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; r: number };

interface Part {
  region: BodyRegion;
  shape: Shape;
  /** The one instance keyboard and screen-reader users operate; the other figure's copy is for the mouse only. */
  primary: boolean;
}

const e = (cx: number, cy: number, rx: number, ry: number): Shape => ({ kind: 'ellipse', cx, cy, rx, ry });
const r = (x: number, y: number, w: number, h: number, rr = 6): Shape => ({ kind: 'rect', x, y, w, h, r: rr });

// Front view: the patient faces us, so their RIGHT side is on our left (x < 100).
const FRONT: Part[] = [
  { region: 'head', shape: e(100, 36, 19, 23), primary: true },
  { region: 'neck', shape: r(90, 58, 20, 14, 4), primary: false },
  { region: 'shoulder_right', shape: e(63, 86, 16, 12), primary: true },
  { region: 'shoulder_left', shape: e(137, 86, 16, 12), primary: true },
  { region: 'chest', shape: r(78, 75, 44, 51, 8), primary: true },
  { region: 'abdomen', shape: r(80, 128, 40, 46), primary: true },
  { region: 'hip_buttock_right', shape: r(73, 176, 14, 28), primary: false },
  { region: 'hip_buttock_left', shape: r(113, 176, 14, 28), primary: false },
  { region: 'groin', shape: r(89, 178, 22, 26), primary: true },
  { region: 'elbow_right', shape: e(53, 157, 11, 11), primary: true },
  { region: 'elbow_left', shape: e(147, 157, 11, 11), primary: true },
  { region: 'wrist_hand_right', shape: e(47, 226, 11, 17), primary: true },
  { region: 'wrist_hand_left', shape: e(153, 226, 11, 17), primary: true },
  { region: 'thigh_right', shape: r(77, 208, 22, 82, 9), primary: true },
  { region: 'thigh_left', shape: r(101, 208, 22, 82, 9), primary: true },
  { region: 'knee_right', shape: e(88, 303, 12, 12), primary: true },
  { region: 'knee_left', shape: e(112, 303, 12, 12), primary: true },
  { region: 'lower_leg_right', shape: r(79, 317, 18, 64, 8), primary: true },
  { region: 'lower_leg_left', shape: r(103, 317, 18, 64, 8), primary: true },
  { region: 'ankle_foot_right', shape: e(86, 397, 13, 11), primary: true },
  { region: 'ankle_foot_left', shape: e(114, 397, 13, 11), primary: true },
];

// Back view: we see the patient from behind, so their LEFT side is on our left.
const BACK: Part[] = [
  { region: 'head', shape: e(100, 36, 19, 23), primary: false },
  { region: 'neck', shape: r(90, 58, 20, 15, 4), primary: true },
  { region: 'shoulder_left', shape: e(63, 86, 16, 12), primary: false },
  { region: 'shoulder_right', shape: e(137, 86, 16, 12), primary: false },
  { region: 'upper_back_left', shape: r(77, 75, 22, 48), primary: true },
  { region: 'upper_back_right', shape: r(101, 75, 22, 48), primary: true },
  { region: 'mid_back', shape: r(80, 125, 40, 32), primary: true },
  { region: 'low_back', shape: r(80, 159, 40, 27), primary: true },
  { region: 'hip_buttock_left', shape: r(76, 188, 23, 34, 10), primary: true },
  { region: 'hip_buttock_right', shape: r(101, 188, 23, 34, 10), primary: true },
  { region: 'elbow_left', shape: e(53, 157, 11, 11), primary: false },
  { region: 'elbow_right', shape: e(147, 157, 11, 11), primary: false },
  { region: 'wrist_hand_left', shape: e(47, 226, 11, 17), primary: false },
  { region: 'wrist_hand_right', shape: e(153, 226, 11, 17), primary: false },
  { region: 'thigh_left', shape: r(77, 224, 22, 66, 9), primary: false },
  { region: 'thigh_right', shape: r(101, 224, 22, 66, 9), primary: false },
  { region: 'knee_left', shape: e(88, 303, 12, 12), primary: false },
  { region: 'knee_right', shape: e(112, 303, 12, 12), primary: false },
  { region: 'lower_leg_left', shape: r(79, 317, 18, 64, 8), primary: false },
  { region: 'lower_leg_right', shape: r(103, 317, 18, 64, 8), primary: false },
  { region: 'ankle_foot_left', shape: e(86, 397, 13, 11), primary: false },
  { region: 'ankle_foot_right', shape: e(114, 397, 13, 11), primary: false },
];

/** Arms between the joints: context only, not regions of their own. */
const SILHOUETTE: Shape[] = [r(46, 94, 15, 54, 7), r(139, 94, 15, 54, 7), r(41, 167, 14, 44, 7), r(145, 167, 14, 44, 7)];

const center = (s: Shape) => (s.kind === 'ellipse' ? { x: s.cx, y: s.cy } : { x: s.x + s.w / 2, y: s.y + s.h / 2 });

function ShapeEl({ shape, className }: { shape: Shape; className?: string }) {
  return shape.kind === 'ellipse' ? (
    <ellipse cx={shape.cx} cy={shape.cy} rx={shape.rx} ry={shape.ry} className={className} />
  ) : (
    <rect x={shape.x} y={shape.y} width={shape.w} height={shape.h} rx={shape.r} className={className} />
  );
}

function Figure({
  title,
  parts,
  leftLabel,
  rightLabel,
  selected,
  primaryRegion,
  toggle,
}: {
  title: string;
  parts: Part[];
  leftLabel: string;
  rightLabel: string;
  selected: readonly BodyRegion[];
  primaryRegion?: BodyRegion;
  toggle: (region: BodyRegion) => void;
}) {
  const titleId = useId();
  const onKey = (region: BodyRegion) => (ev: KeyboardEvent<SVGGElement>) => {
    if (ev.key === ' ' || ev.key === 'Enter') {
      ev.preventDefault();
      toggle(region);
    }
  };
  return (
    <figure className="mx-auto w-full max-w-[260px]">
      <svg viewBox="0 0 200 420" role="group" aria-labelledby={titleId} className="h-auto w-full touch-manipulation select-none" data-figure={title}>
        <title id={titleId}>{`Body map, ${title.toLowerCase()}`}</title>
        <text x="6" y="14" className="fill-muted text-[11px]" aria-hidden>
          {leftLabel}
        </text>
        <text x="194" y="14" textAnchor="end" className="fill-muted text-[11px]" aria-hidden>
          {rightLabel}
        </text>
        <g aria-hidden>
          {SILHOUETTE.map((s, i) => (
            <ShapeEl key={i} shape={s} className="fill-slate-200 stroke-slate-400" />
          ))}
        </g>
        {parts.map((p) => {
          const on = selected.includes(p.region);
          const isMain = on && primaryRegion === p.region;
          const c = center(p.shape);
          const label = BODY_REGION_LABELS[p.region];
          const body = (
            <>
              <ShapeEl
                shape={p.shape}
                className={cn(
                  'transition-colors',
                  on ? 'fill-brand-600 stroke-brand-800' : 'fill-white stroke-slate-500 group-hover:fill-brand-100',
                  isMain ? 'stroke-[3]' : 'stroke-[1.5]',
                )}
              />
              {on && (
                <path
                  d={`M ${c.x - 5} ${c.y} l 3.5 4 l 6.5 -8`}
                  className="pointer-events-none fill-none stroke-white stroke-[2.5]"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                />
              )}
            </>
          );
          return p.primary ? (
            <g
              key={p.region}
              role="checkbox"
              aria-checked={on}
              aria-label={label}
              tabIndex={0}
              data-region={p.region}
              className="group cursor-pointer outline-none focus-visible:[&>*:first-child]:stroke-blue-600 focus-visible:[&>*:first-child]:stroke-[4]"
              onClick={() => toggle(p.region)}
              onKeyDown={onKey(p.region)}
            >
              <title>{label}</title>
              {body}
            </g>
          ) : (
            <g key={p.region} aria-hidden className="group cursor-pointer" data-region-mirror={p.region} onClick={() => toggle(p.region)}>
              <title>{label}</title>
              {body}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 text-center text-sm font-medium text-muted">{title}</figcaption>
    </figure>
  );
}

/**
 * Where it hurts: front and back figures with every BodyRegion as a clickable, keyboard-operable region
 * (role="checkbox", Space/Enter toggles), and the same choices as a plain checkbox list underneath.
 * The order of `value` matters: the first region is the main one (routing uses it).
 */
export function BodyMap({
  value,
  onChange,
  onBlur,
  inputRef,
  error,
}: {
  value: readonly BodyRegion[] | undefined;
  onChange: (regions: BodyRegion[]) => void;
  onBlur?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  error?: string;
}) {
  const selected = value ?? [];
  const toggle = (region: BodyRegion) =>
    onChange(selected.includes(region) ? selected.filter((x) => x !== region) : [...selected, region]);
  const path = 'complaint.regions';
  const primary = selected[0];

  return (
    <div className="space-y-6" onBlur={onBlur}>
      <p id="body-map-help" className="text-muted">
        Tap or click every area that hurts. With a keyboard, move with Tab and press Space to mark an area. The marked
        areas turn dark with a tick.
      </p>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Figure title="Front" parts={FRONT} leftLabel="Your right" rightLabel="Your left" selected={selected} primaryRegion={primary} toggle={toggle} />
        <Figure title="Back" parts={BACK} leftLabel="Your left" rightLabel="Your right" selected={selected} primaryRegion={primary} toggle={toggle} />
      </div>

      <fieldset className="rounded-lg border border-line bg-white p-4" aria-describedby={error ? `${fieldId(path)}-error` : undefined}>
        <legend className="px-1 font-medium">Areas that hurt (the same choices as a list)</legend>
        <ul className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
          {BODY_REGIONS.map((region, i) => {
            const id = i === 0 ? fieldId(path) : `${fieldId(path)}-${region}`;
            return (
              <li key={region}>
                <label htmlFor={id} className="flex min-h-10 cursor-pointer items-center gap-2">
                  <input
                    ref={i === 0 ? inputRef : undefined}
                    id={id}
                    type="checkbox"
                    className="h-4 w-4 accent-brand-700"
                    checked={selected.includes(region)}
                    aria-invalid={error ? true : undefined}
                    onChange={() => toggle(region)}
                  />
                  {BODY_REGION_LABELS[region]}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>

      {selected.length > 1 && (
        <div className="space-y-1">
          <label htmlFor="primary-region" className="block font-medium">
            Which area bothers you most?
          </label>
          <select
            id="primary-region"
            className="block min-h-10 w-full rounded-lg border border-line bg-white px-3 py-2 sm:w-auto"
            value={primary}
            onChange={(ev) => {
              const main = ev.target.value as BodyRegion;
              onChange([main, ...selected.filter((x) => x !== main)]);
            }}
          >
            {selected.map((region) => (
              <option key={region} value={region}>
                {BODY_REGION_LABELS[region]}
              </option>
            ))}
          </select>
        </div>
      )}
      {selected.length > 0 && (
        <p className="text-sm text-muted" aria-live="polite">
          Marked: {selected.map((x) => BODY_REGION_LABELS[x]).join(', ')}
          {selected.length > 1 ? ` (main: ${BODY_REGION_LABELS[selected[0]]})` : ''}.
        </p>
      )}
    </div>
  );
}
