CREATE TABLE "check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"pain_now" smallint,
	"pain_worst" smallint,
	"psfs" jsonb,
	"global_change" smallint,
	"training_status" text,
	"red_flags" jsonb,
	"worse" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_pain_ck" CHECK (("check_ins"."pain_now" is null or "check_ins"."pain_now" between 0 and 10) and ("check_ins"."pain_worst" is null or "check_ins"."pain_worst" between 0 and 10)),
	CONSTRAINT "check_ins_global_change_ck" CHECK ("check_ins"."global_change" is null or "check_ins"."global_change" between -7 and 7),
	CONSTRAINT "check_ins_submitted_ck" CHECK ("check_ins"."submitted_at" is null or ("check_ins"."pain_now" is not null and "check_ins"."pain_worst" is not null and "check_ins"."psfs" is not null and "check_ins"."global_change" is not null and "check_ins"."training_status" is not null and "check_ins"."red_flags" is not null))
);
--> statement-breakpoint
CREATE TABLE "rehab_plan_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"phases" jsonb NOT NULL,
	"exercises" jsonb NOT NULL,
	"stop_if" text NOT NULL,
	"check_in_weeks" smallint[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rehab_plan_templates_title_unique" UNIQUE("title")
);
--> statement-breakpoint
CREATE TABLE "rehab_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"starts_on" date NOT NULL,
	"phases" jsonb NOT NULL,
	"exercises" jsonb NOT NULL,
	"stop_if" text NOT NULL,
	"competition_date" date,
	"check_in_weeks" smallint[] NOT NULL,
	"template_id" uuid,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_plan_id_rehab_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."rehab_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rehab_plans" ADD CONSTRAINT "rehab_plans_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rehab_plans" ADD CONSTRAINT "rehab_plans_template_id_rehab_plan_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."rehab_plan_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rehab_plans" ADD CONSTRAINT "rehab_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_case_due_uq" ON "check_ins" USING btree ("case_id","due_at");--> statement-breakpoint
CREATE INDEX "check_ins_case_submitted_idx" ON "check_ins" USING btree ("case_id","submitted_at");--> statement-breakpoint
CREATE INDEX "check_ins_unsent_idx" ON "check_ins" USING btree ("due_at") WHERE sent_at is null;--> statement-breakpoint
CREATE INDEX "check_ins_unreminded_idx" ON "check_ins" USING btree ("due_at") WHERE submitted_at is null and reminded_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "rehab_plans_case_version_uq" ON "rehab_plans" USING btree ("case_id","version");