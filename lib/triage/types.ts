/**
 * Contract types of the triage engine (shared/CONTRACTS.md §3). Names and shapes are stable: never rename or
 * drop a member; extra optional fields are allowed.
 */

import type { Urgency } from '@/lib/domain/case';

export type { Urgency };
export type Concern = 'common' | 'review' | 'urgent';

export type MriFindingCode =
  | 'disc_degeneration' | 'disc_bulge' | 'disc_herniation' | 'annular_fissure'
  | 'modic_1' | 'modic_2' | 'modic_3' | 'schmorl_node'
  | 'vertebral_height_loss' | 'fracture' | 'spondylolysis' | 'spondylolisthesis'
  | 'facet_arthropathy' | 'canal_stenosis' | 'foraminal_stenosis' | 'nerve_root_compression'
  | 'cord_compression' | 'cauda_equina_compression' | 'marrow_lesion' | 'infection' | 'hemangioma'
  // v2: an untyped "Modic change"; an epidural abscess, haematoma or collection; signal change within the cord
  | 'modic_unspecified' | 'epidural_collection' | 'cord_signal_change';

export interface MriFinding {
  code: MriFindingCode;
  /** Normalised: vertebrae 'T5', 'L1'; disc levels 'L4-L5', 'C5-C6', 'L5-S1'; in spinal order. */
  levels: string[];
  /** "no cord compression" → cord_compression, negated: true */
  negated: boolean;
  /** v2: "cannot be excluded", "query", "?", "possible" — not negated, still counts for urgency. */
  uncertain?: boolean;
  /** Negated findings keep the concern of their code. */
  concern: Concern;
  /** The sentence the finding came from, exactly as written in the report. */
  evidence: string;
  /** Character offsets of the evidence in the report: report.slice(start, end) === evidence. */
  start: number;
  end: number;
}

export type RedFlagCode =
  | 'saddle_numbness' | 'bladder_bowel_change' | 'progressive_weakness' | 'chest_pain_breathless'
  | 'cancer_history' | 'weight_loss' | 'fever_unwell' | 'night_pain' | 'steroid_osteoporosis'
  | 'immunosuppressed' | 'major_trauma' | 'gait_balance';

/** A subset of the intake; extra fields are allowed. */
export interface TriageInput {
  age: number;
  redFlags: Partial<Record<RedFlagCode, boolean>>;
  mriReport?: string;
  /** Optional extra: body regions of the complaint, used only for combination reasons (e.g. cancer + thoracic pain). */
  regions?: readonly string[];
}

export type ReasonSource = 'screen' | 'mri' | 'age';

export interface TriageReason {
  code: RedFlagCode | MriFindingCode;
  source: ReasonSource;
  text: string;
  /**
   * Optional extra: stable id of the rule that produced the reason ('red_flag', 'mri_finding', 'age_over_55',
   * 'cancer_with_night_pain', …). Render age reasons by `source`/`rule`, not by `code` (see assess.ts).
   */
  rule?: string;
}

export interface TriageAssessment {
  urgency: Urgency;
  reasons: TriageReason[];
  mriFindings: MriFinding[];
  /**
   * v2: sentences of the report that name spinal anatomy or pathology but produced no finding (always present, []
   * when none). Never silent, never reassuring: the clinician reads them; the patient is not reassured by them.
   */
  unreadMri: UnreadMriSentence[];
}

export interface UnreadMriSentence {
  evidence: string;
  start: number;
  end: number;
}
