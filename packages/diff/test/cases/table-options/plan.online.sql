SET lock_timeout = '5s';

ALTER TABLE "public"."t" SET (autovacuum_enabled=false, fillfactor=70);

RESET lock_timeout;
