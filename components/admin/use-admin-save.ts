'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ActionResult, FieldErrors } from '@/lib/action-result';

export type SaveMessage = { ok: boolean; text: string } | null;

/**
 * The submit cycle every admin form shares: busy while the action runs; on success clear the field errors, say what
 * happened and refresh the server-rendered page; on failure put the errors on the fields and the form's own error in
 * the status line.
 */
export function useAdminSave() {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<SaveMessage>(null);
  const [busy, setBusy] = useState(false);

  async function save<T>(run: () => Promise<ActionResult<T>>, saved: (data: T) => string, failed?: string): Promise<boolean> {
    setBusy(true);
    setMessage(null);
    const r = await run();
    setBusy(false);
    if (!r.ok) {
      setErrors(r.fieldErrors);
      const text = r.formError ?? failed;
      setMessage(text ? { ok: false, text } : null);
      return false;
    }
    setErrors({});
    setMessage({ ok: true, text: saved(r.data) });
    router.refresh();
    return true;
  }

  /** The first message for a field, as the Field kit shows it. */
  const errorOf = (key: string) => errors[key]?.[0];
  return { errors, errorOf, message, setMessage, busy, save };
}
