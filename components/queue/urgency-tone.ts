import type { CaseUrgency } from '@/db/schema/cases';

/** Urgency colours (AA contrast), shared by server and client components. */
const TONES: Record<CaseUrgency, string> = {
  emergency: 'bg-red-700 text-white border-red-800',
  urgent: 'bg-amber-100 text-amber-950 border-amber-400',
  routine: 'bg-slate-100 text-slate-800 border-slate-300',
};

export function urgencyTone(u: CaseUrgency): string {
  return TONES[u];
}
