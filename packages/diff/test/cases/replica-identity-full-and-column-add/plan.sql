-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD COLUMN "note" text;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" REPLICA IDENTITY FULL;
