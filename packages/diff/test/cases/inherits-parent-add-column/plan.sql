-- hazards: access-exclusive-lock
ALTER TABLE "public"."base" ADD COLUMN "v" integer;
