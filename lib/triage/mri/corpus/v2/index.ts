import type { CorpusEntry } from '../types';
import { CORD_AND_COLLECTIONS } from './cord-and-collections';
import { GENERAL } from './general';
import { MORE } from './more';
import { NEGATION_AND_LEVELS } from './negation-and-levels';
import { CERVICAL_THORACIC_REPORTS } from './reports-cervical-thoracic';
import { LUMBAR_REPORTS } from './reports-lumbar';
import { VOCABULARY } from './vocabulary';

/**
 * The v2 corpus (issue #14): text of the kinds the first engine missed — cord compression in other words, epidural
 * collections, level headings with dashes, ranges, carried levels, "has resolved", uncertainty, typos,
 * abbreviations and European terms — written for this corpus, not taken from the seeds, and labelled by hand with
 * code, levels, negation and uncertainty.
 */
export const V2_SENTENCES: readonly CorpusEntry[] = [...CORD_AND_COLLECTIONS, ...NEGATION_AND_LEVELS, ...VOCABULARY, ...GENERAL, ...MORE];
export const V2_REPORTS: readonly CorpusEntry[] = [...LUMBAR_REPORTS, ...CERVICAL_THORACIC_REPORTS];
export const V2_CORPUS: readonly CorpusEntry[] = [...V2_SENTENCES, ...V2_REPORTS];
