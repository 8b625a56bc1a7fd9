SET lock_timeout = '5s';

DROP FUNCTION "public"."add1"(a integer);

RESET lock_timeout;
