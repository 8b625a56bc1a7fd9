-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD CONSTRAINT "n_pos" CHECK ((n > 0)) NO INHERIT NOT VALID;
