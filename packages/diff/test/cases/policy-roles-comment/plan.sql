ALTER POLICY "p" ON "public"."doc" TO "pg_monitor";

COMMENT ON POLICY "p" ON "public"."doc" IS 'monitoring';
