CREATE TABLE "case_access_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_access_grants_reason_ck" CHECK (char_length("case_access_grants"."reason") >= 10),
	CONSTRAINT "case_access_grants_window_ck" CHECK ("case_access_grants"."expires_at" > "case_access_grants"."created_at")
);
--> statement-breakpoint
ALTER TABLE "case_access_grants" ADD CONSTRAINT "case_access_grants_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access_grants" ADD CONSTRAINT "case_access_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_access_grants_user_idx" ON "case_access_grants" USING btree ("user_id","expires_at");--> statement-breakpoint
CREATE INDEX "case_access_grants_created_idx" ON "case_access_grants" USING btree ("created_at");
