'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox, Field, Input, Textarea } from '@/components/ui/field';
import type { ActionResult } from '@/lib/action-result';
import { SaveStatus } from './save-status';
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
      <Checkbox checked={active} onChange={(e) => setActive(e.target.checked)}>
        Offered to clinicians
      </Checkbox>
      <SaveStatus message={form.message} />
      <Button type="submit" busy={form.busy}>
        {isNew ? 'Add template' : 'Save template'}
      </Button>
    </form>
  );
}
