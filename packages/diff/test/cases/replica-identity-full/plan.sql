-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" REPLICA IDENTITY FULL;
