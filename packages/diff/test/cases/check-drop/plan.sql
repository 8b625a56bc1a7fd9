-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" DROP CONSTRAINT "n_range";
