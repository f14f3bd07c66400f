import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

/** Stable DOM id for a form path ("complaint.painNow" → "f-complaint-painNow"), used by the error summary links. */
export function fieldId(path: string): string {
  return `f-${path.replace(/\./g, '-')}`;
}

export const errorId = (path: string) => `${fieldId(path)}-error`;
export const hintId = (path: string) => `${fieldId(path)}-hint`;

/** aria wiring for a control at `path`. */
export function describedBy(path: string, opts: { hint?: boolean; error?: boolean }): string | undefined {
  return [opts.hint ? hintId(path) : null, opts.error ? errorId(path) : null].filter(Boolean).join(' ') || undefined;
}

export function ErrorText({ path, message }: { path: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={errorId(path)} className="text-sm font-medium text-red-700">
      <span className="sr-only">Error: </span>
      {message}
    </p>
  );
}

/** Label + hint + control + error for a single control whose id is fieldId(path). */
export function FormField({
  path,
  label,
  hint,
  error,
  optional,
  children,
  className,
}: {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  className?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  return (
    <div className={cn('space-y-1', className)}>
      <label htmlFor={fieldId(path)} className="block font-medium text-ink">
        {label}
        {optional && <span className="font-normal text-muted"> (optional)</span>}
      </label>
      {hint && (
        <p id={hintId(path)} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {children({ id: fieldId(path), 'aria-invalid': Boolean(error), 'aria-describedby': describedBy(path, { hint: Boolean(hint), error: Boolean(error) }) })}
      <ErrorText path={path} message={error} />
    </div>
  );
}

/** A group of radios/checkboxes with a legend, hint and error; the first control should carry id fieldId(path). */
export function FieldGroup({
  path,
  legend,
  hint,
  error,
  optional,
  children,
  className,
  legendClassName,
}: {
  path: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  children: ReactNode;
  className?: string;
  legendClassName?: string;
}) {
  return (
    <fieldset
      className={cn('space-y-2', className)}
      aria-describedby={describedBy(path, { hint: Boolean(hint), error: Boolean(error) })}
      aria-invalid={error ? true : undefined}
    >
      <legend className={cn('font-medium text-ink', legendClassName)}>
        {legend}
        {optional && <span className="font-normal text-muted"> (optional)</span>}
      </legend>
      {hint && (
        <p id={hintId(path)} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {children}
      <ErrorText path={path} message={error} />
    </fieldset>
  );
}
