import { REPORT_CORPUS } from './reports';
import { SENTENCE_CORPUS } from './sentences';
import type { CorpusEntry } from './types';

export type { CorpusEntry } from './types';
export { RIGHT_SCAPULA_MRI_REPORT } from './forum-seeds';

/**
 * Hand-labelled MRI report text for tests and the benchmark: single sentences plus whole reports (the seed case
 * among them). Levels in `expected` are normalised and sorted craniocaudally.
 */
export const MRI_CORPUS: readonly CorpusEntry[] = [...SENTENCE_CORPUS, ...REPORT_CORPUS];
