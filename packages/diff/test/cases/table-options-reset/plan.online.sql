SET lock_timeout = '5s';

ALTER TABLE "public"."t" RESET (fillfactor);

RESET lock_timeout;
