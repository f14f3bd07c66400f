-- Extensions used by later constraints (booking exclusion constraint needs btree_gist).
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- Audit rows and submitted intake versions are append-only: the database refuses UPDATE and DELETE,
-- whoever asks (the app, a script, a console), on PostgreSQL and PGlite alike.
CREATE OR REPLACE FUNCTION refuse_mutation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION refuse_mutation();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_mutation();
--> statement-breakpoint
CREATE TRIGGER intake_versions_append_only BEFORE UPDATE OR DELETE ON intake_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_mutation();
--> statement-breakpoint
INSERT INTO sla_policies (urgency, minutes) VALUES ('emergency', 60), ('urgent', 1440), ('routine', 4320)
  ON CONFLICT (urgency) DO NOTHING;
