-- hazards: access-exclusive-lock
ALTER TABLE "public"."ev" ADD COLUMN "note" text;
