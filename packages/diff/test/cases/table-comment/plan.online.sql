SET lock_timeout = '5s';

COMMENT ON TABLE "public"."t" IS 'new';

RESET lock_timeout;
