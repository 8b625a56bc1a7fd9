SET lock_timeout = '5s';

ALTER FUNCTION "public"."add1"(x integer) RENAME TO "plus_one";

RESET lock_timeout;
