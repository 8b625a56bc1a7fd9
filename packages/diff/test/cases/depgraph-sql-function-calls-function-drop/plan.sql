DROP FUNCTION "public"."a_answer"();

DROP FUNCTION "public"."z_base"();
