-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" DROP CONSTRAINT "n_range";

-- hazards: access-exclusive-lock, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."t" ADD CONSTRAINT "n_range" CHECK (((n > 0) AND (n < 100)));
