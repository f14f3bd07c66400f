/** Areas a clinician can cover; the routing unit. */
export const CLINICAL_AREAS = [
  'neck', 'upper_back', 'mid_back', 'low_back', 'shoulder', 'elbow', 'wrist_hand', 'hip', 'knee',
  'ankle_foot', 'chest', 'abdomen', 'head',
] as const;
export type ClinicalArea = (typeof CLINICAL_AREAS)[number];

export const AREA_LABELS: Record<ClinicalArea, string> = {
  neck: 'Neck',
  upper_back: 'Upper back',
  mid_back: 'Mid back',
  low_back: 'Low back',
  shoulder: 'Shoulder',
  elbow: 'Elbow',
  wrist_hand: 'Wrist and hand',
  hip: 'Hip, buttock, groin and thigh',
  knee: 'Knee',
  ankle_foot: 'Lower leg, ankle and foot',
  chest: 'Chest',
  abdomen: 'Abdomen',
  head: 'Head',
};
