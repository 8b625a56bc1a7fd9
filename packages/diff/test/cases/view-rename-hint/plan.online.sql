SET lock_timeout = '5s';

ALTER VIEW "public"."v1" RENAME TO "active";

RESET lock_timeout;
