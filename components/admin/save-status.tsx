import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/field';
import { Alert } from '@/components/ui/badge';
import type { SaveMessage } from './use-admin-save';

/** What the last save did, read out politely (role="status"). */
export function SaveStatus({ message }: { message: SaveMessage }) {
  if (!message) return null;
  return (
    <Alert tone={message.ok ? 'success' : 'warning'} role="status">
      {message.text}
    </Alert>
  );
}

/**
 * The end of a template form (advice or plan): whether clinicians are offered it, what the last save did, and the
 * submit button.
 */
export function TemplateFormFooter({ active, onActive, message, busy, submitLabel }: { active: boolean; onActive: (v: boolean) => void; message: SaveMessage; busy: boolean; submitLabel: string }) {
  return (
    <>
      <Checkbox checked={active} onChange={(e) => onActive(e.target.checked)}>
        Offered to clinicians
      </Checkbox>
      <SaveStatus message={message} />
      <Button type="submit" busy={busy}>
        {submitLabel}
      </Button>
    </>
  );
}
