-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "p" TYPE numeric(12,2);
