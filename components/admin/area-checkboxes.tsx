'use client';
import { Checkbox, FieldGroup } from '@/components/ui/field';

/** The body areas a clinician covers, as a checkbox group with one error for the whole set. */
export function AreaCheckboxes({
  legend,
  value,
  onChange,
  options,
  error,
}: {
  legend: string;
  value: string[];
  onChange: (v: string[]) => void;
  options: { value: string; label: string }[];
  error?: string;
}) {
  return (
    <FieldGroup legend={legend} error={error} legendClassName="mb-1">
      <div className="grid grid-cols-1 gap-x-3 sm:grid-cols-2 lg:grid-cols-3">
        {options.map((o) => (
          <Checkbox key={o.value} checked={value.includes(o.value)} onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))}>
            {o.label}
          </Checkbox>
        ))}
      </div>
    </FieldGroup>
  );
}
