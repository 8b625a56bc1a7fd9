-- hazards: access-exclusive-lock
ALTER TABLE "public"."ev" DETACH PARTITION "public"."ev_2024";
