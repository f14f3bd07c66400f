import { REPORT_CORPUS } from './corpus-reports';
import { SENTENCE_CORPUS } from './corpus-sentences';
import type { CorpusEntry } from './corpus-types';

export type { CorpusEntry, ExpectedFinding } from './corpus-types';
export { SEED_RIGHT_SCAPULA_MRI } from './corpus-reports';

/**
 * Hand-labelled MRI report text for tests and the benchmark: single sentences plus whole reports (the seed case
 * among them). Levels in `expected` are normalised and sorted craniocaudally.
 */
export const MRI_CORPUS: readonly CorpusEntry[] = [...SENTENCE_CORPUS, ...REPORT_CORPUS];
