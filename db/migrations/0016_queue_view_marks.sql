-- Audit without noise (issue 13): the queue writes a queue.view row when what it shows a clinician in one view changes
-- (or hourly while unchanged), not on every 10-second poll. queue_view_marks keeps the last digest per (user, view);
-- the GIN index answers "which clinicians were shown case X" from the case ids those rows name.
CREATE TABLE "queue_view_marks" (
	"user_id" text NOT NULL,
	"view_key" text NOT NULL,
	"digest" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "queue_view_marks_user_id_view_key_pk" PRIMARY KEY("user_id","view_key")
);
--> statement-breakpoint
ALTER TABLE "queue_view_marks" ADD CONSTRAINT "queue_view_marks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_shown_cases_idx" ON "audit_events" USING gin (("details" -> 'caseIds')) WHERE "audit_events"."action" = 'queue.view';