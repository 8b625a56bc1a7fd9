-- hazards: access-exclusive-lock, builds-index, may-fail-on-existing-data
ALTER TABLE "public"."t" ADD CONSTRAINT "t_ab" UNIQUE NULLS NOT DISTINCT ("a", "b") INCLUDE ("c");
