ALTER TABLE "public"."t" SET (autovacuum_enabled=false, fillfactor=70);
