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
