-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD COLUMN "name" text;
