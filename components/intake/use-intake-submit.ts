'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import type { Path, UseFormSetError } from 'react-hook-form';
import type { IntakeSubmission } from '@/lib/validation/intake';
import type { FlatError, IntakeForm } from './form-values';
import { patientCasePath } from '@/lib/urls';
import { RetriesExhausted, retryingPost, SubmissionKeys } from '@/lib/idempotency/retrying-post';

type SubmitOutcome =
  | { kind: 'done'; url: string; submitted: boolean }
  | { kind: 'invalid'; errors: FlatError[]; formError: string | null }
  | { kind: 'failed'; message: string };

const failed = (message: string): SubmitOutcome => ({ kind: 'failed', message });

/** A 400's field errors go on their fields; a root error ("_root") is the form's. */
function invalidAnswers(body: { fieldErrors?: Record<string, string[]> }): SubmitOutcome {
  const errors: FlatError[] = [];
  let formError: string | null = null;
  for (const [path, messages] of Object.entries(body.fieldErrors ?? {})) {
    if (!path || path === '_root') formError = messages[0] ?? 'Some answers could not be accepted.';
    else errors.push({ path, message: messages[0] });
  }
  if (errors.length === 0) formError ??= 'Some answers could not be accepted. Please check them and try again.';
  return { kind: 'invalid', errors, formError };
}

async function readSubmitResponse(res: Response, amend: { caseId: string } | undefined): Promise<SubmitOutcome> {
  if (amend && res.status === 200) return { kind: 'done', url: `${patientCasePath(amend.caseId)}?updated=1`, submitted: false };
  if (res.status === 409 && amend) return failed('This case is closed, so it cannot be changed. Start a new intake instead.');
  if (res.status === 201) {
    const body = (await res.json()) as { id: string };
    return { kind: 'done', url: `${patientCasePath(body.id)}?submitted=1`, submitted: true };
  }
  if (res.status === 400) return invalidAnswers((await res.json().catch(() => ({}))) as { fieldErrors?: Record<string, string[]> });
  if (res.status === 429) {
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    return failed(body.message ?? 'Too many attempts. Your answers are saved; please wait a while and send them again.');
  }
  if (res.status === 401) return failed('You are signed out. Your answers are saved on this device: sign in again, then send them.');
  return failed('We could not send your answers just now. They are saved; please try again in a moment.');
}

/**
 * Sends the answers (a new case, or a new version of `amend`'s case) after one last save of the draft. Whatever
 * goes wrong, the answers stay on screen and saved, and the patient is told what to do.
 */
export function useIntakeSubmit(o: {
  amend?: { caseId: string };
  saveNow: () => Promise<unknown>;
  stopAutosave: () => void;
  setError: UseFormSetError<IntakeForm>;
  setFormError: (message: string | null) => void;
  showInvalid: (errors: FlatError[]) => void;
}) {
  const router = useRouter();
  const [submitting, setSubmitting] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const keys = useRef(new SubmissionKeys());
  /** A new case goes with an Idempotency-Key and retries itself on network errors; an amendment is sent once. */
  const send = async (submission: IntakeSubmission): Promise<Response> => {
    const body = JSON.stringify(submission);
    if (o.amend) return fetch(`/api/intakes/${o.amend.caseId}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body });
    const res = await retryingPost('/api/intakes', body, { key: keys.current.keyFor(body), onRetry: () => setRetrying(true) });
    keys.current.answered(res.status);
    return res;
  };
  const onValid = async (submission: IntakeSubmission) => {
    setSubmitting(true);
    setRetrying(false);
    o.setFormError(null);
    let outcome: SubmitOutcome;
    try {
      await o.saveNow();
      outcome = await readSubmitResponse(await send(submission), o.amend);
    } catch (err) {
      outcome = failed(
        err instanceof RetriesExhausted
          ? 'We could not reach the server, even after several tries. Your answers are saved on this device; press Send again when you are back online — they will not be sent twice.'
          : 'No connection. Your answers are saved on this device; try sending again when you are back online.',
      );
    }
    setRetrying(false);
    if (outcome.kind === 'done') {
      if (outcome.submitted) o.stopAutosave();
      router.push(outcome.url);
      return;
    }
    if (outcome.kind === 'invalid') {
      for (const e of outcome.errors) o.setError(e.path as Path<IntakeForm>, { type: 'server', message: e.message });
      if (outcome.errors.length > 0) o.showInvalid(outcome.errors);
    }
    o.setFormError(outcome.kind === 'invalid' ? outcome.formError : outcome.message);
    setSubmitting(false);
  };
  return { submitting, retrying, onValid };
}
