ALTER TABLE "patient_profiles" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "patient_profiles" ADD COLUMN "may_call" boolean;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "incomplete" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "intake_drafts" ADD COLUMN "emergency_case_id" uuid;--> statement-breakpoint
ALTER TABLE "intake_drafts" ADD COLUMN "red_flags_answered_at" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "intake_drafts" ADD CONSTRAINT "intake_drafts_emergency_case_id_cases_id_fk" FOREIGN KEY ("emergency_case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;
