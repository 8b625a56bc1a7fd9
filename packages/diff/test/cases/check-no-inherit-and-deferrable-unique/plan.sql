-- hazards: access-exclusive-lock, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."t" ADD CONSTRAINT "a_pos" CHECK ((a > 0)) NO INHERIT;

-- hazards: access-exclusive-lock, builds-index, may-fail-on-existing-data
ALTER TABLE "public"."t" ADD CONSTRAINT "b_key" UNIQUE ("b") DEFERRABLE INITIALLY DEFERRED;
