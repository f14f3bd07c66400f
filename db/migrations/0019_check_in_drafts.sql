-- Check-in drafts (issue 15): the patient's unsent answers to one check-in, autosaved as they type, so a reload or
-- another device finds them. Cleared when the check-in is submitted (the answers then live in their own columns).
ALTER TABLE "check_ins" ADD COLUMN "draft" jsonb;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "draft_saved_at" timestamp with time zone;
