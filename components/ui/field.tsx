import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { cn } from './cn';

/**
 * The one form-field kit: label, hint and error wired to the control with ids (aria-describedby, aria-invalid), for
 * the patient's intake, the staff forms and the admin pages alike. A control gets either a generated id or, where
 * something outside the field must find it (the intake's error summary links and focus), a stable id from its form
 * path: `path="complaint.painNow"` → `id="f-complaint-painNow"`.
 */

const control =
  'block w-full rounded-lg border bg-white px-3 py-2 text-base text-ink placeholder:text-slate-500 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-700';

export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function Input({ className, ...rest }, ref) {
  return <input ref={ref} className={cn(control, 'border-line min-h-10', className)} {...rest} />;
});

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement>>(function Textarea(
  { className, ...rest },
  ref,
) {
  return <textarea ref={ref} className={cn(control, 'border-line min-h-24', className)} {...rest} />;
});

export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(function Select({ className, ...rest }, ref) {
  return <select ref={ref} className={cn(control, 'border-line min-h-10', className)} {...rest} />;
});

/** Stable DOM id for a form path ("complaint.painNow" → "f-complaint-painNow"), used by the error summary links. */
export function fieldId(path: string): string {
  return `f-${path.replace(/\./g, '-')}`;
}

const hintIdOf = (id: string) => `${id}-hint`;
const errorIdOf = (id: string) => `${id}-error`;

/** aria-describedby for the control `id`: its hint, then its error, when shown. */
function describedBy(id: string, shown: { hint?: boolean; error?: boolean }): string | undefined {
  return [shown.hint ? hintIdOf(id) : null, shown.error ? errorIdOf(id) : null].filter(Boolean).join(' ') || undefined;
}

/** The control's id from a form path, an explicit id, or a generated one (the hook runs either way). */
function useControlId(path?: string, id?: string): string {
  const generated = useId();
  return path ? fieldId(path) : (id ?? generated);
}

/** The error line of control `id` (its `${id}-error` is what the control's aria-describedby points at). */
export function ErrorText({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={errorIdOf(id)} className="text-sm font-medium text-red-700">
      <span className="sr-only">Error: </span>
      {message}
    </p>
  );
}

function Hint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={hintIdOf(id)} className="text-sm text-muted">
      {children}
    </p>
  );
}

/** "Required" / "(optional)" after a label or legend. */
function Marker({ required, optional }: { required?: boolean; optional?: boolean }) {
  if (required)
    return (
      <span className="text-red-700">
        {' '}
        *<span className="sr-only"> required</span>
      </span>
    );
  return optional ? <span className="font-normal text-muted"> (optional)</span> : null;
}

type ControlProps = { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string };

interface FieldFrame {
  /** Form path: gives the control the stable id fieldId(path). */
  path?: string;
  id?: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  optional?: boolean;
  /** `base` for the patient's forms, which read at body size; `sm` for staff forms. */
  size?: 'sm' | 'base';
  className?: string;
}

/** Label + hint + control + error. `children` receives the props to spread on the control. */
export function Field({ label, children, ...f }: FieldFrame & { label: ReactNode; children: (props: ControlProps) => ReactNode }) {
  const id = useControlId(f.path, f.id);
  return (
    <div className={cn('space-y-1', f.className)}>
      <label htmlFor={id} className={cn('block font-medium text-ink', f.size !== 'base' && 'text-sm')}>
        {label}
        <Marker required={f.required} optional={f.optional} />
      </label>
      <Hint id={id}>{f.hint}</Hint>
      {children({ id, 'aria-invalid': Boolean(f.error), 'aria-describedby': describedBy(id, { hint: Boolean(f.hint), error: Boolean(f.error) }) })}
      <ErrorText id={id} message={f.error} />
    </div>
  );
}

/** A group of radios/checkboxes with a legend, hint and error; the first control should carry the group's id. */
export function FieldGroup({ legend, children, legendClassName, ...f }: FieldFrame & { legend: ReactNode; children: ReactNode; legendClassName?: string }) {
  const id = useControlId(f.path, f.id);
  return (
    <fieldset
      className={cn('space-y-2', f.className)}
      aria-describedby={describedBy(id, { hint: Boolean(f.hint), error: Boolean(f.error) })}
      aria-invalid={f.error ? true : undefined}
    >
      <legend className={cn('font-medium text-ink', f.size !== 'base' && 'text-sm', legendClassName)}>
        {legend}
        <Marker required={f.required} optional={f.optional} />
      </legend>
      <Hint id={id}>{f.hint}</Hint>
      {children}
      <ErrorText id={id} message={f.error} />
    </fieldset>
  );
}

type CheckboxInput = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id' | 'className'> & { ref?: Ref<HTMLInputElement> };

/** A small checkbox with its label beside it (a setting, not a question): no hint, no error of its own. */
export function Checkbox({ children, ...input }: CheckboxInput & { children: ReactNode }) {
  return (
    <label className="flex min-h-10 items-center gap-2 text-sm">
      <input type="checkbox" className="h-4 w-4 accent-brand-700" {...input} />
      {children}
    </label>
  );
}

/** A statement the person agrees to by ticking it (consents): the whole text is the label, the error sits below. */
export function CheckboxField({ path, id: givenId, error, input, children }: { path?: string; id?: string; error?: string; input: CheckboxInput; children: ReactNode }) {
  const id = useControlId(path, givenId);
  return (
    <div>
      <label htmlFor={id} className="flex cursor-pointer items-start gap-3">
        <input id={id} type="checkbox" className="mt-1 h-5 w-5 shrink-0 accent-brand-700" aria-invalid={Boolean(error)} aria-describedby={describedBy(id, { error: Boolean(error) })} {...input} />
        <span>{children}</span>
      </label>
      <ErrorText id={id} message={error} />
    </div>
  );
}
