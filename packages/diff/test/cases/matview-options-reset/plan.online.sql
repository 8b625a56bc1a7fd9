SET lock_timeout = '5s';

ALTER MATERIALIZED VIEW "public"."mv" SET (fillfactor=80);

ALTER MATERIALIZED VIEW "public"."mv" RESET (autovacuum_enabled);

RESET lock_timeout;
