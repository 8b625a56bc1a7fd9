SET lock_timeout = '5s';

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."b" VALIDATE CONSTRAINT "b_a";

RESET lock_timeout;
