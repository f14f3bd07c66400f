/**
 * The two forum threads of shared/seeds, written as the intake wizard records them. Used by the demo seed, the
 * integration tests and the benchmark. Dates that the story gives relative to "now" ("about 5 months",
 * "7 weeks out from competition") are computed from `now`, so the seed stays plausible whenever it runs.
 */
import { RIGHT_SCAPULA_MRI_REPORT } from '@/lib/triage/mri/corpus/forum-seeds';
import type { IntakeSubmissionInput } from '@/lib/validation/intake';

const NO_RED_FLAGS = {
  saddle_numbness: false,
  bladder_bowel_change: false,
  progressive_weakness: false,
  chest_pain_breathless: false,
  cancer_history: false,
  weight_loss: false,
  fever_unwell: false,
  night_pain: false,
  steroid_osteoporosis: false,
  immunosuppressed: false,
  major_trauma: false,
  gait_balance: false,
} as const;

const RIGHT_SCAPULA_SUMMARY =
  'Sharp pain in my upper back around the right shoulder blade / lat area. It started in September 2018 after a set ' +
  'of deadlifts and went away after about two months. In October 2019 the same pain came back in exactly the same ' +
  'place when I got up from the bench after a set of bench press, and this time it got much worse over the ' +
  'following months. I had to quit lifting. I can do very little trunk movement without pain: I cannot twist, bend, ' +
  'sneeze, cough or even take a deep breath without pain, and I cannot get out of bed without pain. What can I do ' +
  'at home without equipment to ease it?';

/** Thread "Chronic upper back pain" (right scapula, MRI report). Routine: nothing urgent in the screen or MRI. */
export function rightScapulaIntake(): IntakeSubmissionInput {
  return {
    patient: { name: 'Deniz Aksoy', dateOfBirth: '1994-03-12', sex: 'male', timezone: 'Europe/Istanbul', phone: '+905321234567', mayCall: true },
    complaint: {
      summary: RIGHT_SCAPULA_SUMMARY,
      regions: ['upper_back_right', 'mid_back'],
      onsetDate: '2018-09-15',
      onsetType: 'sudden',
      mechanism: 'After a set of deadlifts. It came back in October 2019 when I got up from the bench after a set of bench press.',
      painNow: 6,
      painWorst: 8,
      aggravating: [
        'trunk_flexion', 'trunk_extension', 'trunk_rotation', 'trunk_side_bend', 'sneeze_cough', 'deep_breath',
        'squat', 'hinge_deadlift', 'bench_press', 'rowing_pulling', 'getting_out_of_bed',
      ],
      easing: 'Exercises that do not aggravate it, and lighter loads. Substituting bench press with light machine work helped at first.',
      morningStiffness: true,
    },
    episodes: [
      { startedOn: '2018-09', resolvedOn: '2018-11', notes: 'Sharp pain after deadlifts. Settled completely over about two months with exercises that did not aggravate it.' },
      { startedOn: '2019-10', notes: 'Same pain, same place, after bench press. Much worse over the following months; I had to stop lifting.' },
    ],
    priorCare: [
      { kind: 'physician', date: '2020-02', notes: 'Sports physician. Ordered an MRI, then referred me to an orthopaedic surgeon.' },
      { kind: 'imaging', date: '2020-02', notes: 'MRI of the upper back (report pasted in the imaging step).' },
      { kind: 'specialist', date: '2020-02', notes: 'Orthopaedic surgeon: the MRI findings may not be the cause of my pain; suggested physiotherapy.' },
      { kind: 'physiotherapist', notes: 'Could not go: the physiotherapy places in my area are closed because of COVID-19.' },
    ],
    medications: [],
    training: {
      sport: 'Strength training',
      yearsTraining: 4,
      typicalRpe: 6.5,
      affectedLifts: ['Squat', 'Bench press', 'Deadlift', 'Rows', 'Machine work'],
      goals: 'Get back to lifting without pain. Until then, things I can do at home without equipment.',
    },
    imaging: { mriReport: RIGHT_SCAPULA_MRI_REPORT },
    redFlags: { ...NO_RED_FLAGS },
    consent: { privacy: true, notForEmergencies: true },
  };
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function monthsBefore(now: Date, months: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
  return d.toISOString().slice(0, 7);
}

/** Thread "Upper Back Pain- Help!" (left scapula, competition in 7 weeks). */
export function leftScapulaIntake(now: Date = new Date()): IntakeSubmissionInput {
  return {
    patient: { name: 'Jordan Reyes', dateOfBirth: '1997-08-30', sex: 'male', timezone: 'America/Chicago', phone: '+13125550147', mayCall: false },
    complaint: {
      summary:
        'Pain in my upper back around my left shoulder blade. It is hard to pinpoint exactly. It has been on and off ' +
        'for about 5 months. It flares up with low-bar squats and sometimes deadlifts; the latest flare came from ' +
        'going too heavy on face pulls. Reaching overhead, like lat pulldowns, makes it hurt too. Direct pressure ' +
        '(lacrosse ball) only makes it hurt a bit more. I just want to know what is going on.',
      regions: ['upper_back_left'],
      onsetType: 'unknown',
      mechanism: 'Not sure when it first happened. Latest flare: going too heavy on face pulls.',
      painNow: 3,
      painWorst: 6,
      aggravating: ['squat', 'hinge_deadlift', 'rowing_pulling', 'overhead_reach'],
      easing: 'Working on the upper trap on that side seemed to help. Pressure on the spot with a lacrosse ball makes it slightly worse.',
    },
    episodes: [
      { startedOn: monthsBefore(now, 5), notes: 'On and off since then. Flares with low-bar squats and deadlifts; latest flare after heavy face pulls.' },
    ],
    priorCare: [],
    medications: [
      {
        name: 'Methylprednisolone',
        notes: 'A short course about 2 months ago for an upper respiratory infection. The back pain went away completely while I took it, but now it is back.',
      },
    ],
    training: {
      sport: 'Powerlifting',
      affectedLifts: ['Low-bar squat', 'Deadlift', 'Face pulls', 'Lat pulldown'],
      nextCompetitionDate: isoDay(new Date(now.getTime() + 49 * 86_400_000)),
      goals: 'Compete in 7 weeks (already paid) without dropping squats or pulls or changing my bar position.',
    },
    imaging: {},
    redFlags: { ...NO_RED_FLAGS },
    consent: { privacy: true, notForEmergencies: true },
  };
}
