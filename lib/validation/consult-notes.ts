import './zod-csp';
import { z } from 'zod';

export const CLINICAL_NOTES_MAX = 20_000;
export const PATIENT_SUMMARY_MAX = 4_000;

/**
 * What a clinician writes after a consult (the notes form and its server actions share this schema). The clinical
 * notes are required and stay with the team; the summary is optional — empty means nothing is shared with the patient.
 */
export const consultNotesSchema = z.object({
  clinicalNotes: z
    .string()
    .trim()
    .min(10, 'Write your clinical notes (at least a sentence). Only the rehab team reads them.')
    .max(CLINICAL_NOTES_MAX, `Keep the clinical notes under ${CLINICAL_NOTES_MAX.toLocaleString('en-GB')} characters.`),
  patientSummary: z
    .string()
    .trim()
    .max(PATIENT_SUMMARY_MAX, `Keep the summary under ${PATIENT_SUMMARY_MAX.toLocaleString('en-GB')} characters; the detail belongs in the clinical notes.`)
    .transform((s) => (s === '' ? null : s)),
});
export type ConsultNotesForm = z.input<typeof consultNotesSchema>;
export type ConsultNotesInput = z.output<typeof consultNotesSchema>;
