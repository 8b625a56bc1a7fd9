-- hazards: access-exclusive-lock, deletes-data
ALTER TABLE "public"."base" DROP COLUMN "v";
