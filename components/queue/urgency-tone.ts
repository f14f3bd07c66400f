import type { Urgency } from '@/lib/domain/case';

/** Urgency colours (AA contrast), shared by server and client components. */
const TONES: Record<Urgency, string> = {
  emergency: 'bg-red-700 text-white border-red-800',
  urgent: 'bg-amber-100 text-amber-950 border-amber-400',
  routine: 'bg-slate-100 text-slate-800 border-slate-300',
};

export function urgencyTone(u: Urgency): string {
  return TONES[u];
}
