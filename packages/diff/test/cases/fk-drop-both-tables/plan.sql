-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."b";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."a";
