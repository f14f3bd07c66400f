import type { RedFlagCode } from './types';
import type { Urgency } from '@/lib/domain/case';

/** Red-flag codes in contract order (CONTRACTS.md §3). */
export const RED_FLAG_CODES = [
  'saddle_numbness', 'bladder_bowel_change', 'progressive_weakness', 'chest_pain_breathless',
  'cancer_history', 'weight_loss', 'fever_unwell', 'night_pain', 'steroid_osteoporosis',
  'immunosuppressed', 'major_trauma', 'gait_balance',
] as const satisfies readonly RedFlagCode[];

export interface RedFlagQuestion {
  code: RedFlagCode;
  /** Plain, short wording for the intake's safety step (written for non-native speakers). */
  question: string;
  /** Optional clarification shown under the question. */
  help?: string;
  /** Urgency when the answer is yes. */
  urgency: 'emergency' | 'urgent';
}

/** The one place the intake form reads its safety questions from; contract order. */
export const RED_FLAG_QUESTIONS: readonly RedFlagQuestion[] = [
  {
    code: 'saddle_numbness',
    question: 'Do you have new numbness around your groin, genitals, bottom or inner thighs?',
    help: 'For example, toilet paper feels different when you wipe. This area is sometimes called the "saddle".',
    urgency: 'emergency',
  },
  {
    code: 'bladder_bowel_change',
    question: 'Do you have new problems passing urine, or have you lost control of your bladder or bowels?',
    help: 'For example, you cannot start to pee, you do not feel when you need to go, or you leak.',
    urgency: 'emergency',
  },
  {
    code: 'progressive_weakness',
    question: 'Is there weakness in your arms or legs that is getting worse, or weakness in both legs?',
    help: 'For example, your foot drags or catches, or your legs give way.',
    urgency: 'emergency',
  },
  {
    code: 'chest_pain_breathless',
    question: 'Do you have chest pain or pressure together with shortness of breath, sweating, or pain going into your arm or jaw?',
    urgency: 'emergency',
  },
  {
    code: 'cancer_history',
    question: 'Have you ever been treated for cancer?',
    help: 'Answer yes even if it was many years ago.',
    urgency: 'urgent',
  },
  {
    code: 'weight_loss',
    question: 'Have you lost weight without trying in the last 3 to 6 months?',
    help: 'More than about 5 % of your body weight, for example 4 kg or more if you weigh 80 kg. Not on purpose (not a diet or a weight-class cut).',
    urgency: 'urgent',
  },
  {
    code: 'fever_unwell',
    question: 'Do you have a fever or chills, or do you feel generally unwell, together with the pain?',
    urgency: 'urgent',
  },
  {
    code: 'night_pain',
    question: 'Is the pain constant at night, so that no position makes it better?',
    urgency: 'urgent',
  },
  {
    code: 'steroid_osteoporosis',
    question: 'Have you taken steroid tablets or injections for months, or do you have osteoporosis (weak bones)?',
    help: 'Steroids here means medicine like prednisolone, not anabolic steroids. A short course of a few days does not count.',
    urgency: 'urgent',
  },
  {
    code: 'immunosuppressed',
    question: 'Is your immune system weak (because of an illness or medicine), or do you inject drugs?',
    urgency: 'urgent',
  },
  {
    code: 'major_trauma',
    question: 'Did the pain start after a big accident, like a fall from a height or a road accident?',
    urgency: 'urgent',
  },
  {
    code: 'gait_balance',
    question: 'Do you have new problems with walking or balance, or are your hands clumsy?',
    help: 'For example, you drop things or cannot do up buttons.',
    urgency: 'urgent',
  },
];

/** Urgency of each red flag when answered yes. */
export const RED_FLAG_URGENCY: Record<RedFlagCode, 'emergency' | 'urgent'> = Object.fromEntries(
  RED_FLAG_QUESTIONS.map((q) => [q.code, q.urgency]),
) as Record<RedFlagCode, 'emergency' | 'urgent'>;

/** Shown to the patient at once, before anything else, when the result is `emergency`. */
export const EMERGENCY_GUIDANCE = {
  title: 'Get emergency care now',
  body:
    'Your answers show signs that need a doctor today. Do not wait for us. ' +
    'Call your emergency number now (112 in Europe, 999 in the UK, 911 in the US), ' +
    'or go to the nearest emergency department (A&E / ER) straight away. ' +
    'Tell them which symptoms you have. Do not drive yourself. ' +
    'We cannot give emergency care.',
} as const;

/** What a waiting patient sees for each urgency. */
export const URGENCY_GUIDANCE: Record<Urgency, { title: string; body: string }> = {
  emergency: EMERGENCY_GUIDANCE,
  urgent: {
    title: 'A clinician will look at your case soon',
    body:
      'Some of your answers need a closer look. A clinician will review your case within 24 hours. ' +
      'If you get new numbness, weakness, or problems with your bladder or bowels, ' +
      'or you feel very unwell, call your emergency number or go to an emergency department now.',
  },
  routine: {
    title: 'Thank you, your case is in our queue',
    body:
      'Nothing in your answers needs emergency care. A clinician will review your case and contact you. ' +
      'Keep moving in ways that feel OK. If things change, for example new numbness, weakness, or problems ' +
      'with your bladder or bowels, get emergency care at once.',
  },
};
