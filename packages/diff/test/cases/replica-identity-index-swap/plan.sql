-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" REPLICA IDENTITY USING INDEX "t_code2";
