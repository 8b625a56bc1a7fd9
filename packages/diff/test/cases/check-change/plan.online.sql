SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" DROP CONSTRAINT "n_range";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD CONSTRAINT "n_range" CHECK (((n > 0) AND (n < 100))) NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."t" VALIDATE CONSTRAINT "n_range";

RESET lock_timeout;
