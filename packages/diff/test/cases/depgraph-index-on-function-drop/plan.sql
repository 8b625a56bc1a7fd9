-- hazards: access-exclusive-lock
DROP INDEX "public"."a_t_norm";

DROP FUNCTION "public"."z_norm"(t text);
