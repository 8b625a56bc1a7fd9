-- hazards: access-exclusive-lock, deletes-data
ALTER TABLE "public"."base" DROP COLUMN "v";

-- hazards: access-exclusive-lock, deletes-data
ALTER TABLE "public"."aa_merged" DROP COLUMN "v";
