ALTER MATERIALIZED VIEW "public"."mv" SET (autovacuum_enabled=false, fillfactor=70);
