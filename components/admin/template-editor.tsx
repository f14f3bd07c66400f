'use client';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action-result';
import { FieldError, inputClass } from './form-bits';

export interface TemplateRow {
  id?: string;
  title: string;
  body: string;
  active: boolean;
}

/** Edit one advice template (or create one when `template.id` is absent). */
export function TemplateEditor({ template, save }: { template: TemplateRow; save: (input: unknown) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const id = useId();
  const [title, setTitle] = useState(template.title);
  const [body, setBody] = useState(template.body);
  const [active, setActive] = useState(template.active);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [msg, setMsg] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isNew = !template.id;
  return (
    <form
      noValidate
      className="space-y-3"
      data-testid="template-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setMsg(null);
        const r = await save({ id: template.id, title, body, active });
        setBusy(false);
        if (r.ok) {
          setErrors({});
          setMsg(isNew ? 'Template added.' : 'Template saved.');
          if (isNew) {
            setTitle('');
            setBody('');
          }
          router.refresh();
        } else {
          setErrors(r.fieldErrors);
          setMsg(r.formError ?? null);
        }
      }}
    >
      <div>
        <label htmlFor={`${id}-title`} className="mb-1 block text-sm font-medium">
          Title
        </label>
        <input
          id={`${id}-title`}
          className={inputClass}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={Boolean(errors.title)}
          aria-describedby={errors.title ? `${id}-title-err` : undefined}
        />
        <FieldError id={`${id}-title-err`} errors={errors.title} />
      </div>
      <div>
        <label htmlFor={`${id}-body`} className="mb-1 block text-sm font-medium">
          Advice text
        </label>
        <p id={`${id}-hint`} className="mb-1 text-sm text-muted">
          Write <code>{'{first_name}'}</code> where the patient&apos;s first name goes. Clinicians personalise the text before sending.
        </p>
        <textarea
          id={`${id}-body`}
          rows={8}
          className={inputClass}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={Boolean(errors.body)}
          aria-describedby={[`${id}-hint`, errors.body ? `${id}-body-err` : ''].filter(Boolean).join(' ')}
        />
        <FieldError id={`${id}-body-err`} errors={errors.body} />
      </div>
      <label className="flex min-h-10 items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4 accent-brand-700" checked={active} onChange={(e) => setActive(e.target.checked)} />
        Offered to clinicians
      </label>
      {msg && (
        <Alert tone={Object.keys(errors).length ? 'warning' : 'success'} role="status">
          {msg}
        </Alert>
      )}
      <Button type="submit" busy={busy}>
        {isNew ? 'Add template' : 'Save template'}
      </Button>
    </form>
  );
}
