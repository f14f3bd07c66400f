import { FINDING_CONCERN, FINDING_LABELS } from './findings';
import { FINDING_TEXTS } from './explain-texts';
import { prevalenceFor, type Prevalence } from './prevalence';
import type { MriFinding } from './types';

export interface FindingExplanation {
  patient: string;
  clinician: string;
  prevalence?: Prevalence;
}

/** The part of a finding an explanation needs. */
export type ExplainableFinding = Pick<MriFinding, 'code' | 'levels' | 'negated' | 'uncertain'>;

/** What else the report holds that changes how one finding may be explained. */
export interface ExplainContext {
  /**
   * How many sentences of the same report the engine could not read (the assessment's `unreadMri`). While any
   * exists the patient is not reassured: an unread sentence may say something serious, so "common" or "a normal
   * part of getting older" would speak for a report nobody has read yet.
   */
  unreadSentences?: number;
}

const levelText = (levels: readonly string[]): string => (levels.length > 0 ? ` (${levels.join(', ')})` : '');

/**
 * Explains one MRI finding for the patient and the clinician. Prevalence in people without pain (Brinjikji et
 * al., AJNR 2015) is given for the age band nearest the patient's age, where the paper has a row for the finding.
 */
export function explainFinding(finding: ExplainableFinding, age: number, context: ExplainContext = {}): FindingExplanation {
  const { code, levels, negated } = finding;
  const label = FINDING_LABELS[code];
  const concern = FINDING_CONCERN[code];
  const texts = FINDING_TEXTS[code];
  const unread = (context.unreadSentences ?? 0) > 0;
  if (negated) {
    return {
      patient: `The report says there is no sign of this: ${label.toLowerCase()}${levelText(levels)}.`,
      clinician: `${label}${levelText(levels)}: stated absent or normal in the report.`,
    };
  }

  // A possible finding is explained as possible: never as confirmed, never as ruled out.
  const possible = finding.uncertain === true;
  const patient = possible
    ? [`The report says this is possible but not certain: ${label.toLowerCase()}${levelText(levels)}. A clinician will check it.`, `If it is there: ${lowerFirst(texts.patient)}`]
    : [texts.patient];
  if (texts.reassurance !== undefined && !unread) patient.push(texts.reassurance);
  const clinician = [`${possible ? 'Possible (stated as uncertain in the report): ' : ''}${label}${levelText(levels)}. ${texts.clinician}`];
  const prevalence = prevalenceFor(code, age);
  if (prevalence !== undefined && concern === 'common') {
    patient.push(
      `In a large review of MRI scans of people with no back pain, about ${prevalence.percent} in 100 people aged around ${prevalence.ageBand.replace('age ', '')} had this.`,
    );
    if (age < 20) patient.push('That review did not include people under 20. For younger people the number is probably lower.');
  }
  if (prevalence !== undefined) {
    const note = prevalence.uncertain === true ? ' (value from a secondary source or model extrapolation; verify)' : '';
    clinician.push(`Asymptomatic prevalence at ${prevalence.ageBand}: ${prevalence.percent} %${note}; ${prevalence.source}.${age < 20 ? ' Patient is under 20: the review starts at 20.' : ''}`);
  }
  if (code === 'modic_1' && age <= 50) {
    clinician.push('Patient is ≤ 50: Modic 1 is associated with pain at this age; do not reassure automatically, review, and consider infection if systemic features.');
  }
  return { patient: patient.join(' '), clinician: clinician.join(' '), ...(prevalence !== undefined ? { prevalence } : {}) };
}

/** "The discs …" → "the discs …", for a sentence that follows "If it is there:". */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
