'use client';

import type { Ref } from 'react';
import { cn } from '@/components/ui/cn';
import { fieldId } from '@/components/ui/field';

export const YES_NO = [
  { value: true, label: 'Yes' },
  { value: false, label: 'No' },
] as const;

/** What react-hook-form's Controller hands its control: the value in, the answer out, and the ref for focus. */
interface ChoiceField<In, Out> {
  name: string;
  value: In;
  onChange: (v: Out) => void;
  onBlur?: () => void;
  ref?: Ref<HTMLInputElement>;
}

export interface Choice<V> {
  value: V;
  label: string;
  hint?: string;
}

/**
 * Controlled radio group (no default: `value` undefined means unanswered). Values may be strings, numbers or
 * booleans; the DOM only sees their index. The first radio carries the field id and the ref, so the error summary
 * and react-hook-form focus land on it.
 */
export function RadioChoices<V extends string | number | boolean>({
  path,
  field: { name, value, onChange, onBlur, ref: inputRef },
  choices,
  invalid,
  layout = 'stack',
}: {
  path: string;
  field: ChoiceField<V | undefined | null, V>;
  choices: readonly Choice<V>[];
  invalid?: boolean;
  layout?: 'stack' | 'inline';
}) {
  return (
    <div className={cn(layout === 'inline' ? 'flex flex-wrap gap-2' : 'space-y-2')}>
      {choices.map((c, i) => {
        const checked = value === c.value;
        const id = i === 0 ? fieldId(path) : `${fieldId(path)}-${i}`;
        return (
          <label
            key={String(c.value)}
            htmlFor={id}
            className={cn(
              'flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border px-3 py-2',
              checked ? 'border-brand-700 bg-brand-50' : 'border-line bg-white hover:bg-canvas',
              invalid && !checked && 'border-red-700',
              layout === 'inline' && 'min-w-20',
            )}
          >
            <input
              ref={i === 0 ? inputRef : undefined}
              id={id}
              type="radio"
              name={name}
              className="mt-1 h-4 w-4 shrink-0 accent-brand-700"
              checked={checked}
              onChange={() => onChange(c.value)}
              onBlur={onBlur}
            />
            <span>
              <span className="block">{c.label}</span>
              {c.hint && <span className="block text-sm text-muted">{c.hint}</span>}
            </span>
          </label>
        );
      })}
    </div>
  );
}

/** Multi-select shown as toggle chips (real checkboxes, so keyboard and screen readers work as usual). */
export function CheckboxChips<V extends string>({
  path,
  field: { name, value, onChange, onBlur, ref: inputRef },
  choices,
}: {
  path: string;
  field: ChoiceField<readonly V[] | undefined, V[]>;
  choices: readonly Choice<V>[];
}) {
  const selected = value ?? [];
  return (
    <ul className="flex flex-wrap gap-2">
      {choices.map((c, i) => {
        const checked = selected.includes(c.value);
        const id = i === 0 ? fieldId(path) : `${fieldId(path)}-${c.value}`;
        return (
          <li key={c.value}>
            <label
              htmlFor={id}
              className={cn(
                'inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-full border px-3 py-1.5 text-sm has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-blue-600',
                checked ? 'border-brand-700 bg-brand-700 text-white' : 'border-line bg-white text-ink hover:bg-brand-50',
              )}
            >
              <input
                ref={i === 0 ? inputRef : undefined}
                id={id}
                type="checkbox"
                name={name}
                className="sr-only"
                checked={checked}
                onChange={(e) => onChange(e.target.checked ? [...selected, c.value] : selected.filter((v) => v !== c.value))}
                onBlur={onBlur}
              />
              <span aria-hidden className="text-xs">{checked ? '✓' : '+'}</span>
              <span>{c.label}</span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}

const PAIN_ANCHORS = { low: 'no pain', high: 'worst pain imaginable', highShort: 'worst imaginable' };

/**
 * 0–10 scale as a labelled radio group (arrow keys move between numbers), two rows on a phone. Pain by default
 * (0 = no pain, 10 = worst pain imaginable); `anchors` names the ends of another scale (the check-in's PSFS).
 */
export function PainScale({
  path,
  field: { name, value, onChange, onBlur, ref: inputRef },
  invalid,
  anchors = PAIN_ANCHORS,
}: {
  path: string;
  field: ChoiceField<number | undefined | null, number>;
  invalid?: boolean;
  anchors?: { low: string; high: string; highShort?: string };
}) {
  return (
    <div>
      <div className="grid grid-cols-6 gap-1.5 sm:grid-cols-11">
        {Array.from({ length: 11 }, (_, n) => {
          const id = n === 0 ? fieldId(path) : `${fieldId(path)}-${n}`;
          const checked = value === n;
          return (
            <label
              key={n}
              htmlFor={id}
              className={cn(
                'flex h-11 cursor-pointer items-center justify-center rounded-lg border text-base font-semibold has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-blue-600',
                checked ? 'border-brand-700 bg-brand-700 text-white' : 'border-line bg-white text-ink hover:bg-brand-50',
                invalid && !checked && 'border-red-700',
              )}
            >
              <input
                ref={n === 0 ? inputRef : undefined}
                id={id}
                type="radio"
                name={name}
                value={n}
                className="sr-only"
                checked={checked}
                aria-label={n === 0 ? `0, ${anchors.low}` : n === 10 ? `10, ${anchors.high}` : String(n)}
                onChange={() => onChange(n)}
                onBlur={onBlur}
              />
              <span aria-hidden>{n}</span>
            </label>
          );
        })}
      </div>
      <div className="mt-1 flex justify-between gap-3 text-sm text-muted" aria-hidden>
        <span>0 = {anchors.low}</span>
        <span className="text-right">10 = {anchors.highShort ?? anchors.high}</span>
      </div>
    </div>
  );
}
