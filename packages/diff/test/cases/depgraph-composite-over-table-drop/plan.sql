DROP TYPE "public"."a_pair";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."z_item";
