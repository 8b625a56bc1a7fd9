SET lock_timeout = '5s';

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."t" VALIDATE CONSTRAINT "price_positive";

RESET lock_timeout;
