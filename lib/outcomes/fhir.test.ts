import { describe, expect, it } from 'vitest';
import { RED_FLAG_CODES } from '@/lib/triage';
import { checkInsToFhir, type FhirCheckIn } from './fhir';

const flags = Object.fromEntries(RED_FLAG_CODES.map((c) => [c, false]));
const answered: FhirCheckIn = {
  id: '11111111-1111-4111-8111-111111111111',
  dueAt: new Date('2026-02-01T09:00:00Z'),
  submittedAt: new Date('2026-02-01T14:00:00Z'),
  painNow: 3,
  painWorst: 6,
  psfs: [{ activity: 'Bench press', score: 4 }, { activity: 'Deadlift from the floor', score: 7 }],
  globalChange: 2,
  trainingStatus: 'modified',
  redFlags: { ...flags, night_pain: true },
};
const scheduled: FhirCheckIn = { ...answered, id: '22222222-2222-4222-8222-222222222222', submittedAt: null, painNow: null, painWorst: null, psfs: null, globalChange: null, trainingStatus: null, redFlags: null };

describe('check-ins as FHIR', () => {
  const bundle = checkInsToFhir({ caseId: 'case-1', patientId: 'pat-1', checkIns: [answered, scheduled], now: new Date('2026-02-02T00:00:00Z') });

  it('one QuestionnaireResponse and four Observations per answered check-in; scheduled ones are left out', () => {
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(['QuestionnaireResponse', 'Observation', 'Observation', 'Observation', 'Observation']);
    const qr = bundle.entry[0]!.resource;
    expect(qr).toMatchObject({ status: 'completed', subject: { reference: 'Patient/pat-1' }, authored: '2026-02-01T14:00:00.000Z' });
    if (qr.resourceType !== 'QuestionnaireResponse') throw new Error('not a QuestionnaireResponse');
    expect(qr.item.find((i) => i.linkId === 'psfs')?.item?.map((i) => [i.text, i.answer])).toEqual([
      ['Bench press', [{ valueInteger: 4 }]],
      ['Deadlift from the floor', [{ valueInteger: 7 }]],
    ]);
    expect(qr.item.find((i) => i.linkId === 'redFlags')?.item?.find((i) => i.linkId === 'redFlags.night_pain')?.answer).toEqual([{ valueBoolean: true }]);
  });

  it('pain now carries LOINC 72514-3; the PSFS mean has one component per activity; each derives from the response', () => {
    const obs = bundle.entry.slice(1).map((e) => e.resource as unknown as { code: { coding: { system: string; code: string }[] }; valueQuantity: { value: number }; derivedFrom: { reference: string }[]; component?: unknown[] });
    expect(obs[0]!.code.coding[0]).toMatchObject({ system: 'http://loinc.org', code: '72514-3' });
    expect(obs.map((o) => o.valueQuantity.value)).toEqual([3, 6, 5.5, 2]);
    expect(obs[2]!.component).toHaveLength(2);
    expect(new Set(obs.map((o) => o.derivedFrom[0]!.reference))).toEqual(new Set([`QuestionnaireResponse/check-in-${answered.id}`]));
  });
});
