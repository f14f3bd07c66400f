import type { MriFindingCode } from '@/lib/triage/types';

export interface ExpectedFinding {
  code: MriFindingCode;
  levels: string[];
  negated: boolean;
}

export interface CorpusEntry {
  report: string;
  expected: ExpectedFinding[];
}

/** A finding stated as present. */
export const pos = (code: MriFindingCode, ...levels: string[]): ExpectedFinding => ({ code, levels, negated: false });
/** A finding stated as absent or normal. */
export const neg = (code: MriFindingCode, ...levels: string[]): ExpectedFinding => ({ code, levels, negated: true });
