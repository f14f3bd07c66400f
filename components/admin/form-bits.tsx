'use client';
import { cn } from '@/components/ui/cn';

export const inputClass =
  'block w-full rounded-lg border border-line bg-white px-3 py-2 text-base text-ink focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 min-h-10';

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-700">
      {errors[0]}
    </p>
  );
}

export function AreaCheckboxes({
  idPrefix,
  legend,
  value,
  onChange,
  options,
  error,
}: {
  idPrefix: string;
  legend: string;
  value: string[];
  onChange: (v: string[]) => void;
  options: { value: string; label: string }[];
  error?: string[];
}) {
  return (
    <fieldset aria-describedby={error?.length ? `${idPrefix}-err` : undefined}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <div className="grid grid-cols-1 gap-x-3 sm:grid-cols-2 lg:grid-cols-3">
        {options.map((o) => (
          <label key={o.value} htmlFor={`${idPrefix}-${o.value}`} className={cn('flex min-h-9 items-center gap-2 text-sm')}>
            <input
              id={`${idPrefix}-${o.value}`}
              type="checkbox"
              className="h-4 w-4 accent-brand-700"
              checked={value.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))}
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError id={`${idPrefix}-err`} errors={error} />
    </fieldset>
  );
}
