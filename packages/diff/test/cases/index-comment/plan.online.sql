SET lock_timeout = '5s';

COMMENT ON INDEX "public"."t_a" IS 'by a';

RESET lock_timeout;
