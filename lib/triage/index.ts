/**
 * Triage engine: pure, deterministic, no I/O. Contract: shared/CONTRACTS.md §3.
 */
export type {
  Concern, MriFinding, MriFindingCode, ReasonSource, RedFlagCode, TriageAssessment, TriageInput, TriageReason, UnreadMriSentence, Urgency,
} from './types';
export { extractMriFindings } from './mri/extract';
export { assessIntake } from './assess';
export { explainFinding, type ExplainableFinding, type FindingExplanation } from './explain';
export { nearestPrevalenceAge, type Prevalence } from './prevalence';
export { FINDING_CONCERN, FINDING_LABELS, MRI_FINDING_CODES } from './findings';
export {
  EMERGENCY_GUIDANCE, RED_FLAG_CODES, RED_FLAG_QUESTIONS, RED_FLAG_URGENCY, URGENCY_GUIDANCE, type RedFlagQuestion,
} from './red-flags';
export {
  BODY_REGIONS, BODY_REGION_LABELS, MOVEMENTS, MOVEMENT_LABELS, isBodyRegion, regionToArea,
  regionsToAreas, type BodyRegion, type Movement,
} from './body';
export { routeCase, type RoutingCase, type RoutingClinician } from './routing';
