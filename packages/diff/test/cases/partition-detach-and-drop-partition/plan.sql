-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."ev_2024";
