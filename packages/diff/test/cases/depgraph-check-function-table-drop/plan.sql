-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."a_t";

DROP FUNCTION "public"."z_pos"(n integer);
