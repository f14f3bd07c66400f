/**
 * IntakeSubmission → FHIR R4 QuestionnaireResponse (CONTRACTS §4, GET /api/intakes/:id/fhir).
 * Pure: no I/O. Every answered question becomes an item (linkId + text + answer[]); sections are groups, repeating
 * rows (episodes, prior care, medications) are repeated groups. Unanswered optional questions are left out, as FHIR
 * asks ("items without answers should not be included").
 */
import {
  BODY_REGION_LABELS,
  MOVEMENT_LABELS,
  RED_FLAG_QUESTIONS,
  type BodyRegion,
  type Movement,
} from '@/lib/triage';
import type { IntakeSubmission } from '@/lib/validation/intake';

const INTAKE_QUESTIONNAIRE_URL = 'https://triage-consult.example/fhir/Questionnaire/intake';
const INTAKE_QUESTIONNAIRE_VERSION = '1';
const CODE_SYSTEM = 'https://triage-consult.example/fhir/CodeSystem';

type FhirAnswer =
  | { valueString: string }
  | { valueInteger: number }
  | { valueDecimal: number }
  | { valueBoolean: boolean }
  | { valueDate: string }
  | { valueCoding: { system: string; code: string; display: string } };

export interface FhirItem {
  linkId: string;
  text: string;
  answer?: FhirAnswer[];
  item?: FhirItem[];
}

export interface QuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  id: string;
  identifier: { system: string; value: string };
  questionnaire: string;
  status: 'completed';
  subject: { reference: string; display?: string };
  authored: string;
  item: FhirItem[];
}

const SEX_CODING: Record<NonNullable<IntakeSubmission['patient']['sex']>, { code: string; display: string }> = {
  female: { code: 'female', display: 'Female' },
  male: { code: 'male', display: 'Male' },
  other: { code: 'other', display: 'Other' },
  unspecified: { code: 'unknown', display: 'Unknown' },
};

const ONSET_LABELS = { sudden: 'Suddenly', gradual: 'Gradually', unknown: 'Not sure' } as const;
const CARE_LABELS = {
  physician: 'Doctor or sports physician',
  specialist: 'Specialist (e.g. orthopaedic surgeon)',
  physiotherapist: 'Physiotherapist',
  chiropractor: 'Chiropractor',
  imaging: 'Scan or X-ray',
  other: 'Other',
} as const;

const str = (v: string): FhirAnswer => ({ valueString: v });
const date = (v: string): FhirAnswer => ({ valueDate: v }); // R4 date allows YYYY, YYYY-MM and YYYY-MM-DD
const bool = (v: boolean): FhirAnswer => ({ valueBoolean: v });
const num = (v: number): FhirAnswer => (Number.isInteger(v) ? { valueInteger: v } : { valueDecimal: v });
const coding = (system: string, code: string, display: string): FhirAnswer => ({ valueCoding: { system, code, display } });

/** One question; dropped when it has no answer. */
function q(linkId: string, text: string, answers: (FhirAnswer | undefined)[]): FhirItem | null {
  const answer = answers.filter((a): a is FhirAnswer => a !== undefined);
  return answer.length > 0 ? { linkId, text, answer } : null;
}

function group(linkId: string, text: string, items: (FhirItem | null)[]): FhirItem | null {
  const item = items.filter((i): i is FhirItem => i !== null);
  return item.length > 0 ? { linkId, text, item } : null;
}

const opt = <T,>(v: T | undefined, f: (v: T) => FhirAnswer): FhirAnswer | undefined => (v === undefined ? undefined : f(v));

export function toQuestionnaireResponse(opts: {
  caseId: string;
  version: number;
  patientId: string;
  authored: Date;
  submission: IntakeSubmission;
}): QuestionnaireResponse {
  const s = opts.submission;
  const c = s.complaint;
  const items: (FhirItem | null)[] = [
    group('patient', 'About you', [
      q('patient.name', 'Your name', [str(s.patient.name)]),
      q('patient.dateOfBirth', 'Date of birth', [date(s.patient.dateOfBirth)]),
      q('patient.sex', 'Sex', [opt(s.patient.sex, (v) => coding('http://hl7.org/fhir/administrative-gender', SEX_CODING[v].code, SEX_CODING[v].display))]),
      q('patient.timezone', 'Your time zone', [str(s.patient.timezone)]),
    ]),
    group('complaint', 'Your pain', [
      q('complaint.regions', 'Where does it hurt? (the first is the main area)', c.regions.map((r: BodyRegion) => coding(`${CODE_SYSTEM}/body-region`, r, BODY_REGION_LABELS[r]))),
      q('complaint.onsetDate', 'When did it start?', [opt(c.onsetDate, date)]),
      q('complaint.onsetType', 'How did it start?', [coding(`${CODE_SYSTEM}/onset-type`, c.onsetType, ONSET_LABELS[c.onsetType])]),
      q('complaint.mechanism', 'What were you doing when it started?', [opt(c.mechanism, str)]),
      q('complaint.painNow', 'Pain now (0 = no pain, 10 = worst pain imaginable)', [{ valueInteger: c.painNow }]),
      q('complaint.painWorst', 'Worst pain (0 = no pain, 10 = worst pain imaginable)', [{ valueInteger: c.painWorst }]),
      q('complaint.aggravating', 'What makes it worse?', c.aggravating.map((m: Movement) => coding(`${CODE_SYSTEM}/movement`, m, MOVEMENT_LABELS[m]))),
      q('complaint.easing', 'What makes it better?', [opt(c.easing, str)]),
      q('complaint.morningStiffness', 'Stiffness in the morning?', [opt(c.morningStiffness, bool)]),
      q('complaint.summary', 'Your story in your own words', [str(c.summary)]),
    ]),
    ...(s.episodes ?? []).map((e, i) =>
      group('episodes', `Earlier episode ${i + 1}`, [
        q('episodes.startedOn', 'Started', [date(e.startedOn)]),
        q('episodes.resolvedOn', 'Settled', [opt(e.resolvedOn, date)]),
        q('episodes.ongoing', 'Still going on?', [bool(e.resolvedOn === undefined)]),
        q('episodes.notes', 'Notes', [opt(e.notes, str)]),
      ]),
    ),
    ...(s.priorCare ?? []).map((p, i) =>
      group('priorCare', `Care so far ${i + 1}`, [
        q('priorCare.kind', 'Who did you see?', [coding(`${CODE_SYSTEM}/prior-care`, p.kind, CARE_LABELS[p.kind])]),
        q('priorCare.date', 'When?', [opt(p.date, date)]),
        q('priorCare.notes', 'What did they say or do?', [opt(p.notes, str)]),
      ]),
    ),
    ...(s.medications ?? []).map((m, i) =>
      group('medications', `Medicine ${i + 1}`, [
        q('medications.name', 'Medicine', [str(m.name)]),
        q('medications.notes', 'What it did, dose, when', [opt(m.notes, str)]),
      ]),
    ),
    s.training
      ? group('training', 'Training and goals', [
          q('training.sport', 'Sport', [opt(s.training.sport, str)]),
          q('training.yearsTraining', 'Years of training', [opt(s.training.yearsTraining, num)]),
          q('training.typicalRpe', 'Typical effort (RPE 1–10)', [opt(s.training.typicalRpe, num)]),
          q('training.affectedLifts', 'Lifts that are affected', (s.training.affectedLifts ?? []).map(str)),
          q('training.nextCompetitionDate', 'Next competition', [opt(s.training.nextCompetitionDate, date)]),
          q('training.goals', 'Goals', [opt(s.training.goals, str)]),
        ])
      : null,
    s.imaging ? group('imaging', 'Imaging', [q('imaging.mriReport', 'MRI report (as written)', [opt(s.imaging.mriReport, str)])]) : null,
    group(
      'redFlags',
      'Safety screen',
      RED_FLAG_QUESTIONS.map((rf) => q(`redFlags.${rf.code}`, rf.question, [bool(s.redFlags[rf.code])])),
    ),
    group('consent', 'Consent', [
      q('consent.privacy', 'I agree to how my information is used', [bool(s.consent.privacy)]),
      q('consent.notForEmergencies', 'I understand this service is not for emergencies', [bool(s.consent.notForEmergencies)]),
    ]),
  ];

  return {
    resourceType: 'QuestionnaireResponse',
    id: `${opts.caseId}-v${opts.version}`,
    identifier: { system: `${INTAKE_QUESTIONNAIRE_URL}/case`, value: opts.caseId },
    questionnaire: `${INTAKE_QUESTIONNAIRE_URL}|${INTAKE_QUESTIONNAIRE_VERSION}`,
    status: 'completed',
    subject: { reference: `Patient/${opts.patientId}`, display: s.patient.name },
    authored: opts.authored.toISOString(),
    item: items.filter((i): i is FhirItem => i !== null),
  };
}
