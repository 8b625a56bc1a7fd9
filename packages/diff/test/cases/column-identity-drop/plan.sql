-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "id" DROP IDENTITY;
