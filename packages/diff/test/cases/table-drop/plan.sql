-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."users";
