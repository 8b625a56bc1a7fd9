SET lock_timeout = '5s';

DROP FUNCTION "public"."add1"(x integer);

RESET lock_timeout;
