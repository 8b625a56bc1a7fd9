SET lock_timeout = '5s';

ALTER MATERIALIZED VIEW "public"."mv" SET (autovacuum_enabled=false, fillfactor=70);

RESET lock_timeout;
