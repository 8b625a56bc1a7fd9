-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" DROP CONSTRAINT "t_a_key";

-- hazards: access-exclusive-lock, builds-index, may-fail-on-existing-data
ALTER TABLE "public"."t" ADD CONSTRAINT "t_b_key" UNIQUE ("b");
