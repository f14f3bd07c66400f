import { describe, expect, it } from 'vitest';
import { intakeSubmissionSchema } from '@/lib/validation/intake';
import { toQuestionnaireResponse, type FhirItem } from './fhir';
import { leftScapulaIntake, rightScapulaIntake } from '@/db/seed/forum-cases';
import { RIGHT_SCAPULA_MRI_REPORT } from '@/lib/triage/mri/corpus';

const flatten = (items: FhirItem[]): FhirItem[] => items.flatMap((i) => [i, ...flatten(i.item ?? [])]);

describe('toQuestionnaireResponse', () => {
  const submission = intakeSubmissionSchema.parse(rightScapulaIntake());
  const qr = toQuestionnaireResponse({ caseId: 'c1', version: 1, patientId: 'u1', authored: new Date('2026-11-24T09:00:00Z'), submission });
  const all = flatten(qr.item);
  const answersOf = (linkId: string) => all.filter((i) => i.linkId === linkId).flatMap((i) => i.answer ?? []);

  it('is a completed R4 QuestionnaireResponse with subject and authored', () => {
    expect(qr).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      subject: { reference: 'Patient/u1' },
      authored: '2026-11-24T09:00:00.000Z',
    });
    expect(qr.questionnaire).toMatch(/^https:\/\/.+\|1$/);
  });

  it('maps body regions, pain scores, red flags and the MRI text', () => {
    expect(answersOf('complaint.regions')).toEqual([
      { valueCoding: expect.objectContaining({ code: 'upper_back_right' }) },
      { valueCoding: expect.objectContaining({ code: 'mid_back' }) },
    ]);
    expect(answersOf('complaint.painNow')).toEqual([{ valueInteger: 6 }]);
    expect(answersOf('complaint.painWorst')).toEqual([{ valueInteger: 8 }]);
    expect(answersOf('redFlags.saddle_numbness')).toEqual([{ valueBoolean: false }]);
    expect(all.filter((i) => i.linkId.startsWith('redFlags.'))).toHaveLength(12);
    expect(answersOf('imaging.mriReport')).toEqual([{ valueString: RIGHT_SCAPULA_MRI_REPORT }]);
    expect(answersOf('training.typicalRpe')).toEqual([{ valueDecimal: 6.5 }]);
    expect(answersOf('episodes.startedOn')).toEqual([{ valueDate: '2018-09' }, { valueDate: '2019-10' }]);
  });

  it('gives every item a linkId and text, and every question at least one answer', () => {
    for (const i of all) {
      expect(i.linkId).toBeTruthy();
      expect(i.text).toBeTruthy();
      expect(Boolean(i.answer?.length) !== Boolean(i.item?.length)).toBe(true);
    }
  });

  it('leaves out unanswered optional questions', () => {
    const left = toQuestionnaireResponse({ caseId: 'c2', version: 1, patientId: 'u2', authored: new Date(), submission: intakeSubmissionSchema.parse(leftScapulaIntake()) });
    const items = flatten(left.item);
    expect(items.find((i) => i.linkId === 'complaint.onsetDate')).toBeUndefined();
    expect(items.find((i) => i.linkId === 'imaging')).toBeUndefined();
    expect(items.filter((i) => i.linkId === 'medications.name').flatMap((i) => i.answer)).toEqual([{ valueString: 'Methylprednisolone' }]);
  });
});
