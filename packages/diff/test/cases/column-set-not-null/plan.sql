-- hazards: access-exclusive-lock, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."t" ALTER COLUMN "name" SET NOT NULL;
