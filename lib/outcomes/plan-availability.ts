import type { CaseStatus } from '@/lib/domain/case';

/**
 * When the clinician's case view offers "Set a return-to-training plan" (issue #15: "with advice or after a consult"):
 * once the case is decided with advice (advice_sent) or a consult (consult_recommended: the plan is usually written at
 * or after the consult). A referral to medical care gets no training plan, nor does a case still waiting for its first
 * answer or an emergency intake that is not finished. A case that already has a plan keeps it editable while it is
 * open again (a worse check-in puts it back in review: that is when the plan most needs changing). Never once closed.
 */
export function planEditable(c: { status: CaseStatus; incomplete: boolean; hasPlan: boolean }): boolean {
  if (c.status === 'closed' || c.incomplete) return false;
  return c.status === 'advice_sent' || c.status === 'consult_recommended' || c.hasPlan;
}
