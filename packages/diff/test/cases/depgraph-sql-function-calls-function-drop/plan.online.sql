SET lock_timeout = '5s';

DROP FUNCTION "public"."a_answer"();

DROP FUNCTION "public"."z_base"();

RESET lock_timeout;
