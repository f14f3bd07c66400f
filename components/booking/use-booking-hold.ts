'use client';
import { useRef, useState } from 'react';
import { RetriesExhausted, retryingPost, SubmissionKeys } from '@/lib/idempotency/retrying-post';
import type { SlotDto } from './slot-picker';

export type HoldRequest = {
  clinicianId: string;
  consultTypeId: string;
  startsAt: string;
  intakeId?: string;
  timezone: string;
  acknowledgeNoRefund?: boolean;
};

export type Problem = { title: string; message: string };

type HoldOutcome = { kind: 'checkout'; url: string } | { kind: 'ask_tick' } | { kind: 'taken'; problem: Problem } | { kind: 'problem'; problem: Problem };

async function readHold(res: Response): Promise<HoldOutcome> {
  const body = (await res.json().catch(() => ({}))) as { checkoutUrl?: string; error?: string; message?: string; slots?: SlotDto[] };
  if (res.status === 201 && body.checkoutUrl) return { kind: 'checkout', url: body.checkoutUrl };
  if (body.error === 'no_refund_not_acknowledged') return { kind: 'ask_tick' };
  if (body.error === 'idempotency_key_in_progress') return { kind: 'problem', problem: { title: 'Still working on it', message: body.message ?? 'Your earlier attempt is still being processed. Check My bookings in a moment before trying again.' } };
  if (res.status === 409) return { kind: 'taken', problem: { title: 'That time was just taken', message: body.message ?? 'Please choose another time.' } };
  if (res.status === 429) return { kind: 'problem', problem: { title: 'Too many attempts', message: body.message ?? 'Please wait a few minutes and try again. Nothing was booked or charged.' } };
  if (res.status === 503) return { kind: 'problem', problem: { title: 'Payments are not configured', message: body.message ?? 'Online payment is not set up on this server, so nothing was booked.' } };
  return { kind: 'problem', problem: { title: 'We could not hold that time', message: body.message ?? 'Something went wrong. Please try again.' } };
}

/**
 * Holds the chosen time and sends the patient to checkout. `onTaken`: someone else got the time first (choose
 * again, with fresh slots); `onAskTick`: the clock moved on and the time is no longer refundable (ask for the tick).
 */
export function useBookingHold({ onTaken, onAskTick }: { onTaken: () => void; onAskTick: () => void }) {
  const [busy, setBusy] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const keys = useRef(new SubmissionKeys());
  async function hold(request: HoldRequest) {
    setBusy(true);
    setRetrying(false);
    setProblem(null);
    try {
      // One Idempotency-Key per hold attempt, reused by the automatic retries: a retry never holds a second time.
      const body = JSON.stringify(request);
      const res = await retryingPost('/api/bookings', body, { key: keys.current.keyFor(body), onRetry: () => setRetrying(true), finalErrors: ['payments_not_configured', 'payment_provider_error'] });
      keys.current.answered(res.status);
      const outcome = await readHold(res);
      if (outcome.kind === 'checkout') window.location.assign(outcome.url);
      else if (outcome.kind === 'ask_tick') onAskTick();
      else setProblem(outcome.problem);
      if (outcome.kind === 'taken') onTaken();
    } catch (err) {
      setProblem(
        err instanceof RetriesExhausted
          ? { title: 'No connection', message: 'We could not reach the server, even after several tries. Press the button again when you are back online: the same request is sent, so you are never booked or charged twice.' }
          : { title: 'No connection', message: 'We could not reach the server. Nothing was booked or charged; please try again.' },
      );
    } finally {
      setBusy(false);
      setRetrying(false);
    }
  }
  return { busy, retrying, problem, setProblem, hold };
}
