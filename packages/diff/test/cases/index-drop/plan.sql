-- hazards: access-exclusive-lock
DROP INDEX "public"."t_a";
