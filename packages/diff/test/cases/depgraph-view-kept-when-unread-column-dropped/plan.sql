-- hazards: access-exclusive-lock, deletes-data
ALTER TABLE "public"."z_item" DROP COLUMN "note";
