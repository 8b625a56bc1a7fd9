-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."t" VALIDATE CONSTRAINT "price_positive";
