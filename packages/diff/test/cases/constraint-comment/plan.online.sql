SET lock_timeout = '5s';

COMMENT ON CONSTRAINT "c" ON "public"."t" IS 'positive';

RESET lock_timeout;
