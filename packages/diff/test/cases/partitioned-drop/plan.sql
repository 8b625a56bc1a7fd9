-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."ev_a";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."ev";
