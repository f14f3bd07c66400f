/**
 * Check-ins → FHIR R4, beside the intake's export (lib/cases/fhir.ts): a `collection` Bundle holding, for each
 * answered check-in, its QuestionnaireResponse and one Observation per score, each derived from that response.
 * LOINC where a code exists for the measure as asked: pain now on the 0–10 numeric rating scale is 72514-3 ("Pain
 * severity - 0-10 verbal numeric rating [Score] - Reported"). The worst pain this week, the PSFS (its mean and each
 * activity) and the global rating of change carry this app's own codes rather than a borrowed LOINC code that
 * would mean something else. Pure: no I/O.
 */
import { RED_FLAG_QUESTIONS } from '@/lib/triage';
import type { FhirItem, QuestionnaireResponse } from '@/lib/cases/fhir';
import type { PsfsItem, TrainingStatus } from '@/lib/domain/outcomes';
import { psfsMean } from './thresholds';

const CHECK_IN_QUESTIONNAIRE_URL = 'https://triage-consult.example/fhir/Questionnaire/check-in';
const CHECK_IN_QUESTIONNAIRE_VERSION = '1';
const CODE_SYSTEM = 'https://triage-consult.example/fhir/CodeSystem/outcome';
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';

const TRAINING_LABELS: Record<TrainingStatus, string> = { none: 'Not training', modified: 'Training with changes', full: 'Training fully' };

export interface FhirCheckIn {
  id: string;
  dueAt: Date;
  submittedAt: Date | null;
  painNow: number | null;
  painWorst: number | null;
  psfs: PsfsItem[] | null;
  globalChange: number | null;
  trainingStatus: TrainingStatus | null;
  redFlags: Record<string, boolean> | null;
}

interface Coding {
  system: string;
  code: string;
  display: string;
}

interface Observation {
  resourceType: 'Observation';
  id: string;
  status: 'final';
  category: { coding: Coding[] }[];
  code: { coding: Coding[]; text: string };
  subject: { reference: string };
  effectiveDateTime: string;
  valueQuantity: { value: number; unit: string; system: string; code: string };
  derivedFrom: { reference: string }[];
  component?: { code: { text: string }; valueQuantity: { value: number; unit: string; system: string; code: string } }[];
}

interface Bundle {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: QuestionnaireResponse | Observation }[];
}

const SURVEY = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }] }];
const score = (value: number) => ({ value, unit: 'score', system: UCUM, code: '{score}' });
const int = (n: number) => ({ valueInteger: n });

function questionnaireResponse(caseId: string, patientId: string, c: FhirCheckIn & { submittedAt: Date }): QuestionnaireResponse {
  const items: FhirItem[] = [
    { linkId: 'painNow', text: 'Your pain now (0–10)', answer: [int(c.painNow ?? 0)] },
    { linkId: 'painWorst', text: 'Your worst pain this week (0–10)', answer: [int(c.painWorst ?? 0)] },
    {
      linkId: 'psfs',
      text: 'How well can you do these activities now? (0 = unable, 10 = as before the problem)',
      item: (c.psfs ?? []).map((p, i) => ({ linkId: `psfs.${i}`, text: p.activity, answer: [int(p.score)] })),
    },
    { linkId: 'globalChange', text: 'Compared with when you first contacted us, how are you now? (−7 … +7)', answer: [int(c.globalChange ?? 0)] },
    {
      linkId: 'trainingStatus',
      text: 'Are you training?',
      answer: c.trainingStatus ? [{ valueCoding: { system: `${CODE_SYSTEM}/training-status`, code: c.trainingStatus, display: TRAINING_LABELS[c.trainingStatus] } }] : [],
    },
    {
      linkId: 'redFlags',
      text: 'Safety questions',
      item: RED_FLAG_QUESTIONS.filter((rf) => typeof c.redFlags?.[rf.code] === 'boolean').map((rf) => ({
        linkId: `redFlags.${rf.code}`,
        text: rf.question,
        answer: [{ valueBoolean: c.redFlags![rf.code]! }],
      })),
    },
  ];
  return {
    resourceType: 'QuestionnaireResponse',
    id: `check-in-${c.id}`,
    identifier: { system: `${CHECK_IN_QUESTIONNAIRE_URL}/case`, value: caseId },
    questionnaire: `${CHECK_IN_QUESTIONNAIRE_URL}|${CHECK_IN_QUESTIONNAIRE_VERSION}`,
    status: 'completed',
    subject: { reference: `Patient/${patientId}` },
    authored: c.submittedAt.toISOString(),
    item: items.filter((i) => (i.answer?.length ?? 0) > 0 || (i.item?.length ?? 0) > 0),
  };
}

function observation(id: string, patientId: string, qr: string, at: Date, coding: Coding, value: number, extra: Partial<Observation> = {}): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: SURVEY,
    code: { coding: [coding], text: coding.display },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: at.toISOString(),
    valueQuantity: score(value),
    derivedFrom: [{ reference: `QuestionnaireResponse/${qr}` }],
    ...extra,
  };
}

/** The case's answered check-ins as a FHIR R4 Bundle; unanswered (scheduled) check-ins are left out. */
export function checkInsToFhir(opts: { caseId: string; patientId: string; checkIns: readonly FhirCheckIn[]; now?: Date }): Bundle {
  const entry: Bundle['entry'] = [];
  for (const c of opts.checkIns) {
    if (!c.submittedAt) continue;
    const answered = { ...c, submittedAt: c.submittedAt };
    const qr = questionnaireResponse(opts.caseId, opts.patientId, answered);
    entry.push({ fullUrl: `urn:uuid:qr-${c.id}`, resource: qr });
    const obs = (suffix: string, coding: Coding, value: number | null, extra?: Partial<Observation>) => {
      if (value === null) return;
      const resource = observation(`${c.id}-${suffix}`, opts.patientId, qr.id, c.submittedAt!, coding, value, extra);
      entry.push({ fullUrl: `urn:uuid:obs-${c.id}-${suffix}`, resource });
    };
    obs('pain-now', { system: LOINC, code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' }, c.painNow);
    obs('pain-worst', { system: CODE_SYSTEM, code: 'pain-worst-week', display: 'Worst pain in the past week, 0-10 numeric rating' }, c.painWorst);
    obs('psfs', { system: CODE_SYSTEM, code: 'psfs-mean', display: 'Patient-Specific Functional Scale, mean score (0-10)' }, psfsMean(c.psfs), {
      component: (c.psfs ?? []).map((p) => ({ code: { text: p.activity }, valueQuantity: score(p.score) })),
    });
    obs('global-change', { system: CODE_SYSTEM, code: 'global-rating-of-change', display: 'Global rating of change (-7 to +7)' }, c.globalChange);
  }
  return { resourceType: 'Bundle', type: 'collection', timestamp: (opts.now ?? new Date()).toISOString(), entry };
}
