-- CONTRACTS §3 v2: the report sentences the engine could not read are stored with the assessment, so the case view,
-- the queue and the patient's explanation never present them as a normal report. Assessments made before this
-- migration cannot be re-read in SQL: they get [] (the engine did not report unread sentences then).
ALTER TABLE "triage_assessments" ADD COLUMN "unread_mri" jsonb DEFAULT '[]'::jsonb NOT NULL;
