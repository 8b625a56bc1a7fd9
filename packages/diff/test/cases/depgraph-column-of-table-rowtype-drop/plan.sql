-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."a_holder";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."z_item";
