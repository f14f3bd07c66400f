-- Issue 16 / CONTRACTS §7: an MRI report uploaded as a file (PDF, JPEG, PNG). The bytes live here (bytea) after the
-- upload's checks; the reading job (pg-boss) fills in the text, the method and a page-1 thumbnail. Once attached to
-- an intake version the row is as immutable as that version: the database refuses any UPDATE or DELETE of it.
CREATE TABLE "intake_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uploader_id" text NOT NULL,
	"status" text DEFAULT 'reading' NOT NULL,
	"method" text,
	"progress" real DEFAULT 0 NOT NULL,
	"pages" integer NOT NULL,
	"original" bytea,
	"mime" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"text" text,
	"ocr_confidence" real,
	"thumbnail" bytea,
	"error_code" text,
	"message" text,
	"intake_version_id" uuid,
	"attached_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intake_files_status_ck" CHECK ("intake_files"."status" in ('reading', 'done', 'failed')),
	CONSTRAINT "intake_files_method_ck" CHECK ("intake_files"."method" is null or "intake_files"."method" in ('pdf-text', 'ocr')),
	CONSTRAINT "intake_files_progress_ck" CHECK ("intake_files"."progress" between 0 and 1),
	CONSTRAINT "intake_files_mime_ck" CHECK ("intake_files"."mime" in ('application/pdf', 'image/jpeg', 'image/png')),
	CONSTRAINT "intake_files_done_ck" CHECK ("intake_files"."status" <> 'done' or ("intake_files"."text" is not null and "intake_files"."method" is not null and "intake_files"."original" is not null)),
	CONSTRAINT "intake_files_attached_ck" CHECK ("intake_files"."intake_version_id" is null or ("intake_files"."status" = 'done' and "intake_files"."attached_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "intake_files" ADD CONSTRAINT "intake_files_uploader_id_users_id_fk" FOREIGN KEY ("uploader_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_files" ADD CONSTRAINT "intake_files_intake_version_id_intake_versions_id_fk" FOREIGN KEY ("intake_version_id") REFERENCES "public"."intake_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intake_files_uploader_idx" ON "intake_files" USING btree ("uploader_id","created_at");--> statement-breakpoint
CREATE INDEX "intake_files_version_idx" ON "intake_files" USING btree ("intake_version_id") WHERE intake_version_id is not null;--> statement-breakpoint
-- Attached = part of a submitted intake version: never changed or removed again, whoever asks.
CREATE OR REPLACE FUNCTION intake_files_refuse_attached_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.intake_version_id IS NOT NULL THEN
    RAISE EXCEPTION 'intake_files row % is attached to an intake version: % refused', OLD.id, TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER intake_files_immutable_once_attached BEFORE UPDATE OR DELETE ON intake_files
  FOR EACH ROW EXECUTE FUNCTION intake_files_refuse_attached_change();
