-- No two live bookings (holds included) of one clinician may overlap, buffer included. A constraint cannot read the
-- clock, so lapsed holds are set to 'expired' (by a job, and by the booking transaction before it inserts).
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist (
  "clinician_id" WITH =,
  tstzrange("starts_at", "blocked_until", '[)') WITH &&
) WHERE ("status" IN ('pending_payment', 'confirmed'));
