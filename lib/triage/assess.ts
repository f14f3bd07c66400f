import { FINDING_CONCERN, FINDING_LABELS } from './findings';
import { readMriReport } from './mri/extract';
import { RED_FLAG_CODES, RED_FLAG_URGENCY } from './red-flags';
import type { MriFinding, MriFindingCode, RedFlagCode, TriageAssessment, TriageInput, TriageReason } from './types';
import type { Urgency } from '@/lib/domain/case';

const RANK: Record<Urgency, number> = { routine: 0, urgent: 1, emergency: 2 };
const higher = (a: Urgency, b: Urgency): Urgency => (RANK[b] > RANK[a] ? b : a);

/** Why each red flag matters, for the reviewer (CLINICAL.md; BASS 2018, NICE NG234, Downie 2013, Finucane 2020). */
const RED_FLAG_REASON: Record<RedFlagCode, string> = {
  saddle_numbness: 'Saddle numbness: possible cauda equina syndrome. Emergency, same day.',
  bladder_bowel_change: 'New bladder or bowel change: possible cauda equina syndrome. Emergency, same day.',
  progressive_weakness: 'Progressive limb weakness or weakness in both legs: new or worsening neurological deficit. Emergency, same day.',
  chest_pain_breathless: 'Chest pain with breathlessness, sweating or arm/jaw spread: possible cardiac or pulmonary cause. Emergency.',
  cancer_history: 'History of cancer: the most informative single red flag for spinal malignancy. Review within 24 h.',
  weight_loss: 'Unexplained weight loss: possible malignancy or systemic illness. Review within 24 h.',
  fever_unwell: 'Fever, chills or feeling unwell with the pain: possible spinal infection. Review within 24 h.',
  night_pain: 'Constant night pain not eased by any position: possible tumour or infection. Review within 24 h.',
  steroid_osteoporosis: 'Long-term steroids or osteoporosis: risk of fragility fracture. Review within 24 h.',
  immunosuppressed: 'Immunosuppression or injecting drug use: risk of spinal infection. Review within 24 h.',
  major_trauma: 'Onset with significant trauma: possible fracture. Review within 24 h.',
  gait_balance: 'New gait, balance or hand-dexterity problem: possible myelopathy. Review within 24 h.',
};

const MRI_REASON: Partial<Record<MriFindingCode, string>> = {
  cord_compression: 'possible myelopathy; examine and consider same-day spinal referral.',
  cauda_equina_compression: 'ask about saddle numbness and bladder or bowel change at once; emergency referral if present.',
  marrow_lesion: 'possible malignancy; needs prompt medical review.',
  infection: 'possible spinal infection; needs prompt medical review.',
  fracture: 'check acuity, stability and bone health.',
  modic_1: 'active endplate change; correlate with symptoms.',
  vertebral_height_loss: 'check trauma history, bone health and prior imaging.',
  spondylolysis: 'pars defect or stress reaction; check acuity and plan loading.',
  canal_stenosis: 'correlate with claudication or myelopathic signs.',
  foraminal_stenosis: 'correlate with radicular symptoms.',
  nerve_root_compression: 'correlate with radicular signs and neurology.',
};

const THORACIC_OR_NECK = new Set(['neck', 'upper_back_left', 'upper_back_right', 'mid_back', 'chest']);

function flagged(input: TriageInput): Set<RedFlagCode> {
  const set = new Set<RedFlagCode>();
  const flags = input.redFlags ?? {};
  for (const code of RED_FLAG_CODES) if (flags[code] === true) set.add(code);
  return set;
}

/** Combination rules: weak flags that matter together (CLINICAL.md "Red flags"). Never change urgency. */
function combinationReasons(input: TriageInput, flags: Set<RedFlagCode>, positive: Map<MriFindingCode, string[]>): TriageReason[] {
  const out: TriageReason[] = [];
  const add = (code: RedFlagCode | MriFindingCode, source: 'screen' | 'mri', rule: string, text: string): void => {
    out.push({ code, source, rule, text });
  };
  const age = input.age;
  if (flags.has('cancer_history')) {
    if (['progressive_weakness', 'gait_balance', 'saddle_numbness', 'bladder_bowel_change'].some((f) => flags.has(f as RedFlagCode))) {
      add('cancer_history', 'screen', 'cancer_with_neuro', 'Cancer history with new neurological symptoms: suspect metastatic spinal cord compression (NICE NG234). Same-day assessment; treat as an emergency.');
    }
    if (flags.has('night_pain') || flags.has('weight_loss')) {
      add('cancer_history', 'screen', 'cancer_with_night_pain_or_weight_loss', 'Cancer history with night pain or weight loss: suspect spinal metastasis (NICE NG234). Contact within 24 h.');
    }
    if ((input.regions ?? []).some((r) => THORACIC_OR_NECK.has(r))) {
      add('cancer_history', 'screen', 'cancer_with_thoracic_pain', 'Cancer history with thoracic or neck pain: suspect spinal metastasis (NICE NG234). Contact within 24 h.');
    }
    for (const code of ['marrow_lesion', 'fracture', 'vertebral_height_loss'] as const) {
      if (positive.has(code)) add(code, 'mri', 'cancer_with_mri_bone_finding', `${FINDING_LABELS[code]} on MRI in a patient with a cancer history: exclude metastasis.`);
    }
  }
  if (flags.has('fever_unwell') && (flags.has('immunosuppressed') || positive.has('modic_1') || positive.has('infection'))) {
    add('fever_unwell', 'screen', 'fever_with_infection_risk', 'Fever or feeling unwell with immunosuppression, drug injection, or an MRI change that can mean infection: suspect spinal infection. Same-day medical review.');
  }
  if (flags.has('steroid_osteoporosis') && (flags.has('major_trauma') || age > 65 || positive.has('vertebral_height_loss'))) {
    add('steroid_osteoporosis', 'screen', 'fragility_fracture_risk', 'Steroids or osteoporosis with trauma, age over 65 or vertebral height loss: suspect fragility fracture.');
  }
  if (age > 50 && (flags.has('weight_loss') || flags.has('night_pain'))) {
    add(flags.has('weight_loss') ? 'weight_loss' : 'night_pain', 'screen', 'age_over_50_with_tumour_signs', 'Age over 50 with weight loss or night pain: consider malignancy.');
  }
  return out;
}

/** Non-negated findings by code, with their merged levels (a report may repeat a finding in its impression). */
function positiveFindings(findings: readonly MriFinding[]): Map<MriFindingCode, string[]> {
  const map = new Map<MriFindingCode, string[]>();
  for (const f of findings) {
    if (f.negated) continue;
    const levels = map.get(f.code) ?? [];
    for (const l of f.levels) if (!levels.includes(l)) levels.push(l);
    map.set(f.code, levels);
  }
  return map;
}

/**
 * Urgency and reasons for an intake (CONTRACTS.md §3). Urgency is the highest of the red-flag answers and
 * `urgent` for any non-negated MRI finding of concern `urgent`. Age and combination rules add reasons only.
 *
 * The contract types a reason's `code` as RedFlagCode | MriFindingCode, which has no value for age, so age
 * reasons (source 'age') carry the code of the risk that age raises: 'steroid_osteoporosis' for age > 55
 * (fragility fracture, the commonest serious cause in older adults) and 'spondylolysis' for age < 18 (pars stress
 * fracture in young athletes). Render them by `source`/`rule`, not by `code`.
 */
export function assessIntake(input: TriageInput): TriageAssessment {
  const flags = flagged(input);
  const reading = typeof input.mriReport === 'string' ? readMriReport(input.mriReport) : { findings: [], unread: [] };
  const mriFindings = reading.findings;
  const positive = positiveFindings(mriFindings);
  let urgency: Urgency = 'routine';
  const reasons: TriageReason[] = [];

  for (const code of flags) {
    urgency = higher(urgency, RED_FLAG_URGENCY[code]);
    reasons.push({ code, source: 'screen', rule: 'red_flag', text: RED_FLAG_REASON[code] });
  }
  for (const [code, levels] of positive) {
    const concern = FINDING_CONCERN[code];
    if (concern === 'common') continue;
    if (concern === 'urgent') urgency = higher(urgency, 'urgent');
    const where = levels.length > 0 ? ` at ${levels.join(', ')}` : '';
    let text = `MRI: ${FINDING_LABELS[code]}${where}; ${MRI_REASON[code] ?? 'review.'}`;
    if (code === 'modic_1' && input.age <= 50) {
      text += ' Age 50 or under: Modic 1 is linked to pain at this age and can mimic early infection (spondylodiscitis); do not reassure automatically.';
    }
    reasons.push({ code, source: 'mri', rule: 'mri_finding', text });
  }
  reasons.push(...combinationReasons(input, flags, positive));
  if (Number.isFinite(input.age) && input.age > 55) {
    reasons.push({ code: 'steroid_osteoporosis', source: 'age', rule: 'age_over_55', text: `Age ${input.age} (over 55): higher prior risk of fracture and malignancy; weigh with the other answers.` });
  } else if (Number.isFinite(input.age) && input.age < 18) {
    reasons.push({ code: 'spondylolysis', source: 'age', rule: 'age_under_18', text: `Age ${input.age} (under 18): back pain in young athletes is more often structural (e.g. pars stress fracture); weigh with the other answers.` });
  }
  return { urgency, reasons, mriFindings, unreadMri: reading.unread };
}
