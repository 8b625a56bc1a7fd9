-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "s" TYPE text COLLATE "pg_catalog"."C";
