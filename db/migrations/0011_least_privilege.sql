-- Consult notes are append-only like the audit log and the submitted intake versions: a correction is a new
-- revision, never an edit. TRUNCATE is refused too (it skips row triggers), on every one of the three tables.
-- These triggers stop the owner as well (and everyone on PGlite, which has no roles); the app's own PostgreSQL
-- role additionally holds only INSERT and SELECT on these tables and cannot drop or disable a trigger
-- (db/privileges.ts grants it after every migration).
CREATE TRIGGER intake_versions_no_truncate BEFORE TRUNCATE ON intake_versions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_mutation();
--> statement-breakpoint
CREATE TRIGGER consult_notes_append_only BEFORE UPDATE OR DELETE ON consult_notes
  FOR EACH ROW EXECUTE FUNCTION refuse_mutation();
--> statement-breakpoint
CREATE TRIGGER consult_notes_no_truncate BEFORE TRUNCATE ON consult_notes
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_mutation();
