'use client';
import { useState } from 'react';
import { Field, Input, Textarea } from '@/components/ui/field';
import type { ActionResult } from '@/lib/action-result';
import { TemplateFormFooter } from './save-status';
import { useAdminSave } from './use-admin-save';

export interface TemplateRow {
  id?: string;
  title: string;
  body: string;
  active: boolean;
}

/** Edit one advice template (or create one when `template.id` is absent). */
export function TemplateEditor({ template, save }: { template: TemplateRow; save: (input: unknown) => Promise<ActionResult<{ id: string }>> }) {
  const [title, setTitle] = useState(template.title);
  const [body, setBody] = useState(template.body);
  const [active, setActive] = useState(template.active);
  const form = useAdminSave();
  const isNew = !template.id;
  return (
    <form
      noValidate
      className="space-y-3"
      data-testid="template-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const saved = await form.save(() => save({ id: template.id, title, body, active }), () => (isNew ? 'Template added.' : 'Template saved.'));
        if (saved && isNew) {
          setTitle('');
          setBody('');
        }
      }}
    >
      <Field label="Title" error={form.errorOf('title')}>
        {(p) => <Input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field
        label="Advice text"
        hint={
          <>
            Write <code>{'{first_name}'}</code> where the patient&apos;s first name goes. Clinicians personalise the text before sending.
          </>
        }
        error={form.errorOf('body')}
      >
        {(p) => <Textarea {...p} rows={8} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <TemplateFormFooter active={active} onActive={setActive} message={form.message} busy={form.busy} submitLabel={isNew ? 'Add template' : 'Save template'} />
    </form>
  );
}
