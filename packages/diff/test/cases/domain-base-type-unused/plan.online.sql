SET lock_timeout = '5s';

DROP DOMAIN "public"."d";

CREATE DOMAIN "public"."d" AS bigint;

RESET lock_timeout;
