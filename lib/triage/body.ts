/** Body map regions, movements and the clinical areas clinicians cover (CONTRACTS.md §4). */
import type { ClinicalArea } from '@/lib/domain/areas';

export const BODY_REGIONS = [
  'head', 'neck', 'shoulder_left', 'shoulder_right', 'upper_back_left', 'upper_back_right',
  'mid_back', 'low_back', 'chest', 'abdomen', 'elbow_left', 'elbow_right', 'wrist_hand_left', 'wrist_hand_right',
  'hip_buttock_left', 'hip_buttock_right', 'groin', 'thigh_left', 'thigh_right', 'knee_left', 'knee_right',
  'lower_leg_left', 'lower_leg_right', 'ankle_foot_left', 'ankle_foot_right',
] as const;
export type BodyRegion = (typeof BODY_REGIONS)[number];

export const BODY_REGION_LABELS: Record<BodyRegion, string> = {
  head: 'Head',
  neck: 'Neck',
  shoulder_left: 'Left shoulder',
  shoulder_right: 'Right shoulder',
  upper_back_left: 'Upper back, left side',
  upper_back_right: 'Upper back, right side',
  mid_back: 'Middle of the back',
  low_back: 'Lower back',
  chest: 'Chest',
  abdomen: 'Belly (abdomen)',
  elbow_left: 'Left elbow',
  elbow_right: 'Right elbow',
  wrist_hand_left: 'Left wrist or hand',
  wrist_hand_right: 'Right wrist or hand',
  hip_buttock_left: 'Left hip or buttock',
  hip_buttock_right: 'Right hip or buttock',
  groin: 'Groin',
  thigh_left: 'Left thigh',
  thigh_right: 'Right thigh',
  knee_left: 'Left knee',
  knee_right: 'Right knee',
  lower_leg_left: 'Left lower leg (shin or calf)',
  lower_leg_right: 'Right lower leg (shin or calf)',
  ankle_foot_left: 'Left ankle or foot',
  ankle_foot_right: 'Right ankle or foot',
};

export const MOVEMENTS = [
  'trunk_flexion', 'trunk_extension', 'trunk_rotation', 'trunk_side_bend', 'sneeze_cough', 'deep_breath',
  'overhead_reach', 'squat', 'hinge_deadlift', 'bench_press', 'rowing_pulling', 'sitting', 'standing',
  'walking', 'lying_down', 'getting_out_of_bed',
] as const;
export type Movement = (typeof MOVEMENTS)[number];

export const MOVEMENT_LABELS: Record<Movement, string> = {
  trunk_flexion: 'Bending forward',
  trunk_extension: 'Bending backward',
  trunk_rotation: 'Twisting',
  trunk_side_bend: 'Bending to the side',
  sneeze_cough: 'Sneezing or coughing',
  deep_breath: 'Taking a deep breath',
  overhead_reach: 'Reaching overhead',
  squat: 'Squatting',
  hinge_deadlift: 'Hinging or deadlifting',
  bench_press: 'Bench pressing',
  rowing_pulling: 'Rowing or pulling',
  sitting: 'Sitting',
  standing: 'Standing',
  walking: 'Walking',
  lying_down: 'Lying down',
  getting_out_of_bed: 'Getting out of bed',
};

/**
 * Region → area. Sides collapse onto one area. Two choices need a reason:
 * - groin and thigh → 'hip': groin and front/side thigh pain in lifters is mostly hip-joint, adductor or
 *   hip-flexor related, which the hip clinician assesses (referred lumbar pain is picked up at review).
 * - lower leg (shin, calf) → 'ankle_foot': calf, Achilles and shin problems are managed with the ankle and foot.
 */
const REGION_AREA: Record<BodyRegion, ClinicalArea> = {
  head: 'head',
  neck: 'neck',
  shoulder_left: 'shoulder',
  shoulder_right: 'shoulder',
  upper_back_left: 'upper_back',
  upper_back_right: 'upper_back',
  mid_back: 'mid_back',
  low_back: 'low_back',
  chest: 'chest',
  abdomen: 'abdomen',
  elbow_left: 'elbow',
  elbow_right: 'elbow',
  wrist_hand_left: 'wrist_hand',
  wrist_hand_right: 'wrist_hand',
  hip_buttock_left: 'hip',
  hip_buttock_right: 'hip',
  groin: 'hip',
  thigh_left: 'hip',
  thigh_right: 'hip',
  knee_left: 'knee',
  knee_right: 'knee',
  lower_leg_left: 'ankle_foot',
  lower_leg_right: 'ankle_foot',
  ankle_foot_left: 'ankle_foot',
  ankle_foot_right: 'ankle_foot',
};

export function regionToArea(region: BodyRegion): ClinicalArea {
  return REGION_AREA[region];
}

export function isBodyRegion(value: string): value is BodyRegion {
  return Object.prototype.hasOwnProperty.call(REGION_AREA, value);
}

/** Distinct areas of a list of regions, in the order first seen (the first is the primary area). */
export function regionsToAreas(regions: readonly BodyRegion[]): ClinicalArea[] {
  const out: ClinicalArea[] = [];
  for (const r of regions) {
    const a = REGION_AREA[r];
    if (a !== undefined && !out.includes(a)) out.push(a);
  }
  return out;
}
