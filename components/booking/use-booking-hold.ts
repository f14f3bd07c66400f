'use client';
import { useState } from 'react';
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

async function postHold(request: HoldRequest): Promise<HoldOutcome> {
  const res = await fetch('/api/bookings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  const body = (await res.json().catch(() => ({}))) as { checkoutUrl?: string; error?: string; message?: string; slots?: SlotDto[] };
  if (res.status === 201 && body.checkoutUrl) return { kind: 'checkout', url: body.checkoutUrl };
  if (body.error === 'no_refund_not_acknowledged') return { kind: 'ask_tick' };
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
  const [problem, setProblem] = useState<Problem | null>(null);
  async function hold(request: HoldRequest) {
    setBusy(true);
    setProblem(null);
    try {
      const outcome = await postHold(request);
      if (outcome.kind === 'checkout') window.location.assign(outcome.url);
      else if (outcome.kind === 'ask_tick') onAskTick();
      else setProblem(outcome.problem);
      if (outcome.kind === 'taken') onTaken();
    } catch {
      setProblem({ title: 'No connection', message: 'We could not reach the server. Nothing was booked or charged; please try again.' });
    } finally {
      setBusy(false);
    }
  }
  return { busy, problem, setProblem, hold };
}
