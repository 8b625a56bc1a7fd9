SET lock_timeout = '5s';

ALTER POLICY "p" ON "public"."doc" TO "pg_monitor";

COMMENT ON POLICY "p" ON "public"."doc" IS 'monitoring';

RESET lock_timeout;
