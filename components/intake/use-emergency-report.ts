'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import type { EmergencyFailure, EmergencyReportView } from '@/lib/cases/emergency-status-text';
import { RED_FLAG_QUESTIONS } from '@/lib/triage';
import type { EmergencyStatus } from './emergency-panel';
import type { IntakeForm } from './form-values';

const EMERGENCY_CODES = RED_FLAG_QUESTIONS.filter((q) => q.urgency === 'emergency').map((q) => q.code);

type Report = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent'; report: EmergencyReportView } | { kind: 'failed'; reason: EmergencyFailure };
type Attempt = Report | { kind: 'retry' };

/** One POST of the emergency report; `retry` when the saved draft may not hold the emergency answer yet. */
async function postEmergencyReport(mayRetry: boolean): Promise<Attempt> {
  const res = await fetch('/api/intake-draft/emergency', { method: 'POST', headers: { 'content-type': 'application/json' }, cache: 'no-store' });
  if (res.status === 200 || res.status === 201) return { kind: 'sent', report: (await res.json()) as EmergencyReportView };
  if (res.status === 400) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    // A save still in flight may not hold the answer yet: try again shortly, then say it plainly.
    if (body.error === 'not_an_emergency' && mayRetry) return { kind: 'retry' };
    return { kind: 'failed', reason: body.error === 'missing_contact' ? 'missing_contact' : 'not_an_emergency' };
  }
  return { kind: 'failed', reason: res.status === 401 ? 'signed_out' : 'server' };
}

async function sendEmergencyReport(saveNow: () => Promise<unknown>): Promise<Report> {
  for (let attempt = 0; ; attempt++) {
    try {
      // The server reads the saved draft: make sure it holds the answer just given.
      await saveNow();
      const r = await postEmergencyReport(attempt < 3);
      if (r.kind !== 'retry') return r;
      await new Promise((resolve) => setTimeout(resolve, 700));
    } catch {
      return { kind: 'failed', reason: 'offline' };
    }
  }
}

/** Brings the emergency panel into view the moment an answer turns into an emergency. */
function useScrollToEmergency(emergency: boolean): void {
  const wasEmergency = useRef(emergency);
  useEffect(() => {
    if (emergency && !wasEmergency.current) {
      document.getElementById('emergency-panel')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    }
    wasEmergency.current = emergency;
  }, [emergency]);
}

/**
 * An emergency answer goes to the on-call team at once (CONTRACTS §4c), not when the form is sent; the panel only
 * ever repeats what the server confirmed. An amendment sends nothing until the update is sent.
 */
export function useEmergencyReport({ control, amend, saveNow }: { control: Control<IntakeForm>; amend: boolean; saveNow: () => Promise<unknown> }) {
  const redFlags = useWatch({ control, name: 'redFlags' });
  const emergency = EMERGENCY_CODES.some((c) => redFlags?.[c] === true);
  useScrollToEmergency(emergency);

  const [report, setReport] = useState<Report>({ kind: 'idle' });
  const reporting = useRef(false);
  const reportEmergency = useCallback(async () => {
    if (reporting.current) return;
    reporting.current = true;
    try {
      setReport(await sendEmergencyReport(saveNow));
    } finally {
      reporting.current = false;
    }
  }, [saveNow]);
  const reportState = report.kind;
  useEffect(() => {
    if (emergency && !amend && reportState === 'idle') void reportEmergency();
  }, [emergency, amend, reportState, reportEmergency]);

  const retry = () => {
    setReport({ kind: 'sending' });
    void reportEmergency();
  };
  const status: EmergencyStatus = amend
    ? { kind: 'not_sent' }
    : report.kind === 'sent'
      ? report
      : report.kind === 'failed'
        ? { kind: 'failed', reason: report.reason, retry }
        : { kind: 'sending' };
  return { shown: emergency || report.kind === 'sent', status };
}
