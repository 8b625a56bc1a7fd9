SET lock_timeout = '5s';

DROP VIEW "public"."v";

RESET lock_timeout;
