import type { MriFindingCode } from '@/lib/triage/types';

export interface ExpectedFinding {
  code: MriFindingCode;
  levels: string[];
  negated: boolean;
  /** v2 corpus: stated as possible ("query", "cannot be excluded"); scored only when the corpus asks for it. */
  uncertain?: boolean;
}

export interface CorpusEntry {
  report: string;
  expected: ExpectedFinding[];
}

/** A finding stated as present. */
export const pos = (code: MriFindingCode, ...levels: string[]): ExpectedFinding => ({ code, levels, negated: false });
/** A finding stated as absent or normal. */
export const neg = (code: MriFindingCode, ...levels: string[]): ExpectedFinding => ({ code, levels, negated: true });
