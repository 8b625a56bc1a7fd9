SET lock_timeout = '5s';

DROP VIEW "public"."v2";

DROP VIEW "public"."v1";

RESET lock_timeout;
