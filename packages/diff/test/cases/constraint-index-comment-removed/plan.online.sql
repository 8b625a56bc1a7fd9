SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."a""b";

COMMENT ON INDEX "public"."t_code_key" IS 'old';

COMMENT ON INDEX "public"."t_pkey" IS NULL;

COMMENT ON INDEX "public"."t_r_excl" IS NULL;

RESET lock_timeout;
